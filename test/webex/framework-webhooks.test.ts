import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebexStandin } from '../../src/local/standins/webex/index.js';
import type { WebexStandin } from '../../src/local/standins/webex/index.js';
import { WebexApi } from '../../src/webex/api.js';
import { ensureBotWebhooks, frameworkWebhookName } from '../../src/webex/framework-webhooks.js';
import { captureLogger } from '../fakes/webex/capture-logger.js';

describe('ensureBotWebhooks', () => {
  let webex: WebexStandin;
  let api: WebexApi;
  const { logger } = captureLogger();
  const targetUrl = 'https://doctor.example.com/webex/events';
  const name = frameworkWebhookName(targetUrl, 'doctor@webex.bot');
  const wanted = { name, targetUrl, secret: 'the-right-secret-1234' };

  beforeAll(async () => {
    webex = await startWebexStandin();
    const { token } = webex.addPerson({ email: 'doctor@webex.bot', displayName: 'Doctor', type: 'bot' });
    api = new WebexApi({ token, apiUrl: webex.url });
  });
  afterAll(() => webex.stop());

  it('names webhooks the way the framework does: base64 of "host[:port] email"', () => {
    expect(Buffer.from(name, 'base64').toString('utf8')).toBe('doctor.example.com doctor@webex.bot');
  });

  it('creates both webhooks when none exist', async () => {
    const hooks = await ensureBotWebhooks(api, wanted, logger);
    expect(hooks.firehose).toMatchObject({ name, targetUrl, resource: 'all', event: 'all', secret: wanted.secret, status: 'active' });
    expect(hooks.cards).toMatchObject({ name, targetUrl, resource: 'attachmentActions', event: 'created', secret: wanted.secret });
  });

  it('repairs a wrong secret, target and status, removes duplicates, and leaves other apps’ webhooks alone', async () => {
    for (const hook of await api.listWebhooks()) await api.deleteWebhook(hook.id);
    const stale = await api.createWebhook({ name, targetUrl: 'https://old.example.com/hook', resource: 'all', event: 'all', secret: 'an-old-secret' });
    await api.updateWebhook(stale.id, { name, targetUrl: stale.targetUrl, status: 'inactive' });
    await api.createWebhook({ name, targetUrl, resource: 'attachmentActions', event: 'created', secret: wanted.secret });
    await api.createWebhook({ name, targetUrl, resource: 'attachmentActions', event: 'created', secret: wanted.secret });
    const foreign = await api.createWebhook({ name: 'another app', targetUrl: 'https://other.example.com', resource: 'messages', event: 'created' });

    const hooks = await ensureBotWebhooks(api, wanted, logger);

    expect(hooks.firehose).toMatchObject({ id: stale.id, targetUrl, secret: wanted.secret, status: 'active' });
    const after = await api.listWebhooks();
    expect(after.filter((h) => h.resource === 'attachmentActions')).toHaveLength(1);
    expect(after.map((h) => h.id)).toContain(foreign.id);
  });

  it('turns a Webex refusal into a clear start-up error', async () => {
    const broken = new WebexApi({ token: 'not-a-token', apiUrl: webex.url });
    await expect(ensureBotWebhooks(broken, wanted, logger)).rejects.toMatchObject({ code: 'webex_webhook_setup_failed' });
  });
});
