import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { GraphConnectionPool, chooseCredentialKind, collectTenantSnapshot } from '../../src/graph/index.js';
import { DEMO_BOT_CLIENT_ID, DEMO_BOT_SECRET, startEntraStandin } from '../../src/local/standins/entra/index.js';
import { BOT_CERTIFICATE_PATH, type ScenarioStandin, botCertificatePem, connectTo, startScenarioStandin } from '../fakes/entra/harness.js';

let env: ScenarioStandin;

beforeAll(async () => {
  env = await startScenarioStandin(['healthy', 'disabled']);
  env.tenants.healthy.bot.certificates.push({
    certificatePem: botCertificatePem(),
    endDateTime: new Date(env.now.getTime() + 86_400_000).toISOString(),
  });
});

afterEach(() => {
  env.standin.resetCounters();
});

afterAll(async () => {
  await env.standin.stop();
});

describe('a Graph connection', () => {
  it('needs at most two Graph requests and one token for the first diagnosis, and no token for the next', async () => {
    const tenantId = env.tenants.healthy.tenantId;
    const connection = connectTo(env.standin, tenantId);
    await collectTenantSnapshot(connection, tenantId, { now: env.now });
    expect(env.standin.counters).toMatchObject({ tokenRequests: 1, graphRequests: 2 });
    env.standin.resetCounters();
    const again = await collectTenantSnapshot(connection, tenantId, { now: env.now });
    expect(env.standin.counters).toMatchObject({ tokenRequests: 0, graphRequests: 2 });
    expect(again.integrationApp.status).toBe('ok');
  });

  it('signs in with a certificate (preferred over a secret) through a verified client assertion', async () => {
    const tenantId = env.tenants.healthy.tenantId;
    const connection = connectTo(env.standin, tenantId, { certificatePath: BOT_CERTIFICATE_PATH, clientSecret: 'not-used' });
    expect(connection.credentialKind).toBe('certificate');
    const snapshot = await collectTenantSnapshot(connection, tenantId, { now: env.now });
    expect(snapshot.appRoleAssignments.status).toBe('ok');
  });

  it('refuses a certificate the app registration does not hold (AADSTS700027)', async () => {
    const tenantId = env.tenants.disabled.tenantId;
    const connection = connectTo(env.standin, tenantId, { certificatePath: BOT_CERTIFICATE_PATH });
    const snapshot = await collectTenantSnapshot(connection, tenantId, { now: env.now });
    expect(snapshot.integrationApp).toEqual({ status: 'unavailable', problem: expect.objectContaining({ kind: 'auth', aadstsCode: '700027' }) });
  });

  it('refuses to collect for another tenant than its own', async () => {
    const connection = connectTo(env.standin, env.tenants.healthy.tenantId);
    await expect(collectTenantSnapshot(connection, env.tenants.disabled.tenantId, { now: env.now })).rejects.toThrow(/not/);
  });
});

describe('GraphConnectionPool', () => {
  it('keeps one connection (and one token) per tenant, each with its own credentials', async () => {
    const asked: string[] = [];
    const pool = new GraphConnectionPool((tenantId) => {
      asked.push(tenantId);
      return { tenantId, clientId: DEMO_BOT_CLIENT_ID, clientSecret: DEMO_BOT_SECRET, authorityHost: env.standin.url, graphBaseUrl: env.standin.url };
    });
    for (let round = 0; round < 2; round++) {
      for (const tenant of [env.tenants.healthy, env.tenants.disabled]) {
        const snapshot = await collectTenantSnapshot(pool.get(tenant.tenantId), tenant.tenantId, { now: env.now });
        expect(snapshot.integrationApp.status).toBe('ok');
      }
    }
    expect(asked).toEqual([env.tenants.healthy.tenantId, env.tenants.disabled.tenantId]);
    expect(pool.size).toBe(2);
    expect(env.standin.counters).toMatchObject({ tokenRequests: 2, graphRequests: 8 });
    pool.forget(env.tenants.healthy.tenantId);
    expect(pool.size).toBe(1);
  });

  it('drops the least recently used connection past its size and refuses unknown tenants', () => {
    const pool = new GraphConnectionPool(
      (tenantId) => (tenantId.startsWith('x') ? undefined : { tenantId, clientId: 'c', clientSecret: 's', authorityHost: env.standin.url }),
      2,
    );
    const a = pool.get('a');
    pool.get('b');
    expect(pool.get('a')).toBe(a);
    pool.get('c');
    expect(pool.size).toBe(2);
    expect(pool.get('a')).toBe(a);
    expect(() => pool.get('x-unknown')).toThrow(/No Graph credentials/);
  });
});

describe('credential choice', () => {
  const base = { tenantId: 't', clientId: 'c', authorityHost: 'https://login.microsoftonline.com' };
  it('prefers a certificate, then a secret, then the default credential only when asked', () => {
    expect(chooseCredentialKind({ ...base, certificatePath: '/x.pem', clientSecret: 's' })).toBe('certificate');
    expect(chooseCredentialKind({ ...base, clientSecret: 's' })).toBe('secret');
    expect(chooseCredentialKind({ ...base, useDefaultCredential: true })).toBe('default');
    expect(() => chooseCredentialKind(base)).toThrow(/No credential/);
  });
});

describe('paging', () => {
  it('follows @odata.nextLink only for truncated collections and returns whole lists', async () => {
    const paged = await startEntraStandin({ tenants: [env.tenants.healthy], maxPageSize: 3 });
    try {
      const tenantId = env.tenants.healthy.tenantId;
      const snapshot = await collectTenantSnapshot(connectTo(paged, tenantId), tenantId, { now: env.now });
      // Seven role assignments in pages of three: round 2 plus two more batched requests for the next pages.
      expect(snapshot.appRoleAssignments.status === 'ok' && snapshot.appRoleAssignments.value).toHaveLength(7);
      expect(snapshot.graphResource.status).toBe('ok');
      expect(paged.counters.graphRequests).toBe(4);
    } finally {
      await paged.stop();
    }
  });
});
