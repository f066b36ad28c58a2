import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { deriveBotConfig, LOCAL_WEBHOOK_PATH } from '../../src/local/bot-config.js';

const azure = { cloud: 'worldwide' as const, authorityHost: 'https://127.0.0.1:5555', graphBaseUrl: 'https://127.0.0.1:5555', tenantId: 'a0a0a0a0-1111-4222-8333-444444444444', clientId: 'c', clientSecret: 's', useDefaultCredential: false };
const wiring = { botToken: 'bot-token', webexApiUrl: 'http://127.0.0.1:4444/v1', webexU2cUrl: 'http://127.0.0.1:4444/u2c', webexOrgId: 'ORG', azure };

describe('deriveBotConfig: the settings the real bot runs with in local mode', () => {
  const user = loadConfig({ PORT: '3111', ALLOWED_EMAILS: 'me@real.example', SQLITE_PATH: '/tmp/x.sqlite', RATE_LIMIT_PER_PERSON_PER_MINUTE: '9' });
  const derived = deriveBotConfig(user, wiring);

  it('runs in Webex mode against the stand-in, with webhooks back to this very port', () => {
    expect(user.mode).toBe('local');
    expect(derived.mode).toBe('webex');
    expect(derived.webex).toMatchObject({ token: 'bot-token', apiUrl: 'http://127.0.0.1:4444/v1', u2cUrl: 'http://127.0.0.1:4444/u2c', webhookUrl: `http://127.0.0.1:3111${LOCAL_WEBHOOK_PATH}` });
    expect(derived.webex.webhookSecret).toMatch(/^[0-9a-f]{64}$/);
    expect(deriveBotConfig(user, wiring).webex.webhookSecret).not.toBe(derived.webex.webhookSecret);
  });

  it('maps the stand-in org to the tenant and allows only that org (real people\'s allow-lists do not apply)', () => {
    expect(derived.azure).toBe(azure);
    expect(derived.tenantMap).toEqual([{ webexOrgId: 'ORG', entraTenantId: azure.tenantId }]);
    expect(derived.access).toEqual({ allowedOrgIds: ['ORG'] });
  });

  it('keeps the user\'s other settings', () => {
    expect(derived.store).toEqual(user.store);
    expect(derived.rateLimits.perPersonPerMinute).toBe(9);
    expect(derived.port).toBe(3111);
  });
});
