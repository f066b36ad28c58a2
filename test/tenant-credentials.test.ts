import { describe, expect, it } from 'vitest';
import { CodedError } from '../src/errors.js';
import { loadTenantCredentials } from '../src/tenant-credentials.js';
import { tenantConnectionOptions } from '../src/graph/settings.js';

const TENANT_A = '11111111-2222-4333-8444-555555555555';
const TENANT_B = '66666666-7777-4888-9999-aaaaaaaaaaaa';
const CLIENT = '0f0f0f0f-1e1e-4d2d-8c3c-4b4b4b4b4b4b';
const SECRET = 'very-secret-value-never-echoed';

const fromText = (text: string) => loadTenantCredentials('/creds.json', () => text);

describe('TENANT_CREDENTIALS_FILE', () => {
  it('reads one app registration per tenant, keyed by lower-case tenant id', () => {
    const creds = fromText(JSON.stringify({ [TENANT_A.toUpperCase()]: { clientId: CLIENT, clientSecret: SECRET }, [TENANT_B]: { clientId: CLIENT, certificatePath: '/secrets/b.pem' } }));
    expect(creds[TENANT_A]).toEqual({ clientId: CLIENT, clientSecret: SECRET });
    expect(creds[TENANT_B]?.certificatePath).toBe('/secrets/b.pem');
  });

  it.each([
    ['not JSON', '{', /readable JSON file/],
    ['an array', '[]', /JSON object keyed by Entra tenant id/],
    ['a key that is not a tenant id', JSON.stringify({ contoso: { clientId: CLIENT, clientSecret: SECRET } }), /"contoso" is not one/],
    ['no secret nor certificate', JSON.stringify({ [TENANT_A]: { clientId: CLIENT } }), /clientSecret or certificatePath/],
    ['a bad client id, with a secret that must not be echoed', JSON.stringify({ [TENANT_A]: { clientId: 'nope', clientSecret: SECRET } }), /clientId: a GUID/],
  ])('refuses %s, naming the setting and never a secret', (_name, text, expected) => {
    let error: unknown;
    try {
      fromText(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CodedError);
    expect((error as CodedError).message).toMatch(/TENANT_CREDENTIALS_FILE/);
    expect((error as CodedError).message).toMatch(expected);
    expect((error as CodedError).message).not.toContain(SECRET);
  });
});

describe('tenantConnectionOptions', () => {
  const azure = { cloud: 'usgov' as const, tenantId: TENANT_B, clientId: CLIENT, clientSecret: 'bot-secret', useDefaultCredential: false, authorityHost: 'https://login.example.test' };

  it("uses a tenant's own registration when the file lists it, on the configured cloud", () => {
    const options = tenantConnectionOptions({ azure, tenantCredentials: { [TENANT_A]: { clientId: CLIENT, clientSecret: SECRET } } }, TENANT_A.toUpperCase());
    expect(options).toMatchObject({ clientId: CLIENT, clientSecret: SECRET, cloud: 'usgov', authorityHost: 'https://login.example.test' });
  });

  it("falls back to the bot's own (multi-tenant) registration, and to nothing without one", () => {
    expect(tenantConnectionOptions({ azure, tenantCredentials: {} }, TENANT_A)).toMatchObject({ tenantId: TENANT_A, clientSecret: 'bot-secret' });
    expect(tenantConnectionOptions({ azure: undefined, tenantCredentials: {} }, TENANT_A)).toBeUndefined();
  });
});
