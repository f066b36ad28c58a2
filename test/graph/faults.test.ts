import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FetchProblem, TenantSnapshot } from '../../src/checks/snapshot.js';
import { collectTenantSnapshot } from '../../src/graph/index.js';
import { DEMO_BOT_SECRET, SCENARIOS } from '../../src/local/standins/entra/index.js';
import { type ScenarioStandin, connectTo, startScenarioStandin } from '../fakes/entra/harness.js';

let env: ScenarioStandin;

beforeAll(async () => {
  env = await startScenarioStandin(['healthy', 'throttledThenFine', 'graphDown', 'badClientSecret']);
});

afterEach(() => {
  env.standin.setFaults([]);
  env.standin.resetCounters();
});

afterAll(async () => {
  await env.standin.stop();
});

const PIECES = ['integrationApp', 'graphResource', 'provisioningApps', 'audits', 'deletedIntegrationApps'] as const;

function problems(snapshot: TenantSnapshot): FetchProblem[] {
  return PIECES.map((key) => {
    const piece = snapshot[key];
    if (piece.status !== 'unavailable') throw new Error(`${key} is ${piece.status}`);
    return piece.problem;
  });
}

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started };
}

describe('faults end to end', () => {
  it('throttledThenFine: honours Retry-After on the $batch and inside it, and ends with everything read', async () => {
    const tenantId = env.tenants.throttledThenFine.tenantId;
    env.standin.setFaults(SCENARIOS.throttledThenFine.faults);
    const { value: s, ms } = await timed(() => collectTenantSnapshot(connectTo(env.standin, tenantId), tenantId, { now: env.now }));
    for (const key of [...PIECES, 'delegatedGrants', 'appRoleAssignments', 'synchronizationJobs'] as const) expect(s[key].status).toBe('ok');
    // One second for the throttled $batch, one for the throttled audit query inside the next one.
    expect(ms).toBeGreaterThanOrEqual(1950);
    expect(ms).toBeLessThan(8000);
    // Round 1 sent twice (429), the inner retry once, round 2 once.
    expect(env.standin.counters.graphRequests).toBe(4);
  });

  it('graphDown: every piece unreachable (503), within the retry budget, after one token', async () => {
    const tenantId = env.tenants.graphDown.tenantId;
    env.standin.setFaults(SCENARIOS.graphDown.faults);
    const { value: s, ms } = await timed(() => collectTenantSnapshot(connectTo(env.standin, tenantId), tenantId, { now: env.now }));
    for (const problem of problems(s)) expect(problem).toMatchObject({ kind: 'unreachable', status: 503 });
    expect(s.delegatedGrants.status).toBe('skipped');
    // Default policy: 3 retries backing off 0.5 + 1 + 2 s.
    expect(ms).toBeGreaterThanOrEqual(3400);
    expect(ms).toBeLessThan(8000);
    expect(env.standin.counters).toMatchObject({ tokenRequests: 1, graphRequests: 4 });
  });

  it('badClientSecret: an auth problem with AADSTS7000215, and no secret anywhere in the snapshot', async () => {
    const tenant = env.tenants.badClientSecret;
    const s = await collectTenantSnapshot(connectTo(env.standin, tenant.tenantId), tenant.tenantId, { now: env.now });
    for (const problem of problems(s)) expect(problem).toMatchObject({ kind: 'auth', aadstsCode: '7000215' });
    expect(problems(s)[0]?.detail).toContain('Invalid client secret provided');
    const text = JSON.stringify(s);
    expect(text).not.toContain(DEMO_BOT_SECRET);
    for (const secret of tenant.bot.secrets) expect(text).not.toContain(secret.value);
    expect(env.standin.counters.graphRequests).toBe(0);
  });

  it('an expired secret is AADSTS7000222', async () => {
    const tenant = env.tenants.healthy;
    const secret = tenant.bot.secrets[0];
    if (secret === undefined) throw new Error('healthy bot has a secret');
    const endDateTime = secret.endDateTime;
    secret.endDateTime = new Date(env.now.getTime() - 1000).toISOString();
    try {
      const s = await collectTenantSnapshot(connectTo(env.standin, tenant.tenantId), tenant.tenantId, { now: env.now });
      expect(problems(s)[0]).toMatchObject({ kind: 'auth', aadstsCode: '7000222' });
    } finally {
      secret.endDateTime = endDateTime;
    }
  });

  it('an unknown client id is AADSTS700016 and an unknown tenant AADSTS90002', async () => {
    const healthy = env.tenants.healthy.tenantId;
    const unknownClient = await collectTenantSnapshot(connectTo(env.standin, healthy, { clientId: randomUUID() }), healthy, { now: env.now });
    expect(problems(unknownClient)[0]).toMatchObject({ kind: 'auth', aadstsCode: '700016' });
    const nowhere = randomUUID();
    const unknownTenant = await collectTenantSnapshot(connectTo(env.standin, nowhere), nowhere, { now: env.now });
    expect(problems(unknownTenant)[0]).toMatchObject({ kind: 'auth', aadstsCode: '90002' });
  });

  it('a hung Graph becomes a timeout within the attempt deadline, not a wait for ever', async () => {
    const tenantId = env.tenants.healthy.tenantId;
    env.standin.setFaults([{ match: '/$batch', hang: true }]);
    const connection = connectTo(env.standin, tenantId, { retry: { attemptTimeoutMs: 400 } });
    const { value: s, ms } = await timed(() => collectTenantSnapshot(connection, tenantId, { now: env.now }));
    for (const problem of problems(s)) expect(problem.kind).toBe('timeout');
    expect(ms).toBeLessThan(3000);
  });

  it('a hung token endpoint becomes a timeout too', async () => {
    const tenantId = env.tenants.healthy.tenantId;
    env.standin.setFaults([{ match: '/oauth2/v2.0/token', hang: true }]);
    const connection = connectTo(env.standin, tenantId, { tokenTimeoutMs: 400 });
    const { value: s, ms } = await timed(() => collectTenantSnapshot(connection, tenantId, { now: env.now }));
    for (const problem of problems(s)) expect(problem.kind).toBe('timeout');
    expect(ms).toBeLessThan(3000);
  });

  it('a connection reset is retried and the diagnosis completes', async () => {
    const tenantId = env.tenants.healthy.tenantId;
    env.standin.setFaults([{ match: '/$batch', reset: true, times: 1 }]);
    const s = await collectTenantSnapshot(connectTo(env.standin, tenantId), tenantId, { now: env.now });
    expect(s.integrationApp.status).toBe('ok');
    expect(s.appRoleAssignments.status).toBe('ok');
    expect(env.standin.counters.graphRequests).toBe(3);
  });

  it('throttling past the budget is reported as throttled, without waiting out a long Retry-After', async () => {
    const tenantId = env.tenants.healthy.tenantId;
    env.standin.setFaults([{ match: '/$batch', throttle: { retryAfterSeconds: 60 } }]);
    const { value: s, ms } = await timed(() => collectTenantSnapshot(connectTo(env.standin, tenantId), tenantId, { now: env.now }));
    for (const problem of problems(s)) expect(problem).toMatchObject({ kind: 'throttled', status: 429 });
    expect(ms).toBeLessThan(3000);
  });
});
