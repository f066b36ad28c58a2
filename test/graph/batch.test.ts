import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type GraphConnection, MAX_BATCH_SIZE, readLists, sendBatch } from '../../src/graph/index.js';
import { type ScenarioStandin, connectTo, startScenarioStandin } from '../fakes/entra/harness.js';

let env: ScenarioStandin;
let connection: GraphConnection;

beforeAll(async () => {
  env = await startScenarioStandin(['healthy']);
  connection = connectTo(env.standin, env.tenants.healthy.tenantId);
});

afterEach(() => {
  env.standin.setFaults([]);
  env.standin.resetCounters();
});

afterAll(async () => {
  await env.standin.stop();
});

const spIds = (): string[] => env.tenants.healthy.servicePrincipals.map((sp) => sp.id);

describe('sendBatch', () => {
  it('matches answers to requests by id whatever order Graph returns them in', async () => {
    const ids = spIds();
    const requests = Array.from({ length: MAX_BATCH_SIZE }, (_, i) => ({ id: `r${i}`, url: `/servicePrincipals/${ids[i % ids.length]}?$select=id` }));
    const answers = await sendBatch(connection, requests);
    for (const [i, request] of requests.entries()) {
      const answer = answers.get(request.id);
      expect(answer?.ok && (answer.body as { id: string }).id).toBe(ids[i % ids.length]);
    }
    expect(env.standin.counters).toMatchObject({ graphRequests: 1, innerRequests: MAX_BATCH_SIZE });
  });

  it('retries a throttled inner request once after its Retry-After', async () => {
    env.standin.setFaults([{ on: 'batchItem', match: '/subscribedSkus', throttle: { retryAfterSeconds: 1 }, times: 1 }]);
    const started = performance.now();
    const answers = await sendBatch(connection, [
      { id: 'skus', url: '/subscribedSkus' },
      { id: 'sps', url: '/servicePrincipals?$top=1' },
    ]);
    expect(performance.now() - started).toBeGreaterThanOrEqual(950);
    expect(answers.get('skus')?.ok).toBe(true);
    expect(answers.get('sps')?.ok).toBe(true);
    expect(env.standin.counters).toMatchObject({ graphRequests: 2, innerRequests: 3 });
  });

  it('gives up at once on a Retry-After beyond its budget and reports throttling', async () => {
    env.standin.setFaults([{ on: 'batchItem', match: '/subscribedSkus', throttle: { retryAfterSeconds: 30 } }]);
    const answers = await sendBatch(connection, [{ id: 'skus', url: '/subscribedSkus' }], { innerRetryBudgetMs: 2000 });
    expect(answers.get('skus')).toEqual({ ok: false, problem: expect.objectContaining({ kind: 'throttled', status: 429 }) });
    expect(env.standin.counters.graphRequests).toBe(1);
  });

  it('refuses more than 20 requests', async () => {
    const requests = Array.from({ length: MAX_BATCH_SIZE + 1 }, (_, i) => ({ id: String(i), url: '/subscribedSkus' }));
    await expect(sendBatch(connection, requests)).rejects.toThrow(/at most 20/);
  });

  it('maps an inner 404 to an error problem with Graph code and request id', async () => {
    const answers = await sendBatch(connection, [{ id: 'x', url: "/servicePrincipals(appId='00000000-0000-0000-0000-000000000001')" }]);
    expect(answers.get('x')).toEqual({
      ok: false,
      problem: expect.objectContaining({ kind: 'error', status: 404, graphCode: 'Request_ResourceNotFound', requestId: expect.any(String) }),
    });
  });
});

describe('readLists', () => {
  it('splits more than 20 lists into batches sent together', async () => {
    const queries = Object.fromEntries(Array.from({ length: 23 }, (_, i) => [`q${i}`, '/servicePrincipals?$select=id']));
    const results = await readLists(connection, queries);
    expect(Object.values(results).every((r) => r.ok && r.items.length === spIds().length)).toBe(true);
    expect(env.standin.counters).toMatchObject({ graphRequests: 2, innerRequests: 23 });
  });

  it('reports a list as failed when a later page fails, never the partial list', async () => {
    const paged = await startScenarioStandin(['healthy'], { maxPageSize: 2 });
    try {
      paged.standin.setFaults([{ on: 'batchItem', match: '$skiptoken', serverError: { status: 500 } }]);
      const results = await readLists(connectTo(paged.standin, paged.tenants.healthy.tenantId), { sps: '/servicePrincipals?$select=id' });
      expect(results.sps).toEqual({ ok: false, problem: expect.objectContaining({ kind: 'unreachable', status: 500 }) });
    } finally {
      await paged.standin.stop();
    }
  });
});
