import { expect, it } from 'vitest';
import { runRecord } from '../fixtures.js';
import type { ContractContext } from './context.js';

export function runContract(ctx: ContractContext): void {
  it("lists an org's runs newest first, and never another org's", async () => {
    const store = await ctx.open(await ctx.fresh());
    const a1 = runRecord({ orgId: 'org-a', at: '2025-05-01T10:00:00.000Z' });
    const a2 = runRecord({ orgId: 'org-a', at: '2025-05-02T10:00:00.000Z', kind: 'reverify', outcome: 'healthy', trackingIds: [] });
    const b1 = runRecord({ orgId: 'org-b', at: '2025-05-03T10:00:00.000Z', tenantId: 'tenant-b' });
    for (const r of [a1, b1, a2]) expect(await store.recordRun(r)).toBe(true);

    expect(await store.listRuns({ orgId: 'org-a' })).toEqual([a2, a1]);
    expect(await store.listRuns({ orgId: 'org-a', limit: 1 })).toEqual([a2]);
    expect(await store.listRuns({ orgId: 'org-b' })).toEqual([b1]);
    expect(await store.listRuns({ orgId: 'org-c' })).toEqual([]);
  });

  it('never rewrites an audit row recorded under the same id', async () => {
    const store = await ctx.open(await ctx.fresh());
    const run = runRecord({});
    expect(await store.recordRun(run)).toBe(true);
    expect(await store.recordRun({ ...run, outcome: 'healthy' })).toBe(false);
    expect(await store.listRuns({ orgId: run.orgId })).toEqual([run]);
  });

  it("exports an org's runs oldest first, from `since` inclusive", async () => {
    const store = await ctx.open(await ctx.fresh());
    const runs = ['2025-05-01', '2025-05-02', '2025-05-03'].map((day) => runRecord({ at: `${day}T00:00:00.000Z`, kind: 'watch' }));
    for (const r of [...runs].reverse()) await store.recordRun(r);
    await store.recordRun(runRecord({ orgId: 'org-b' }));

    expect(await store.exportRuns({ orgId: 'org-a' })).toEqual(runs);
    expect(await store.exportRuns({ orgId: 'org-a', since: '2025-05-02T00:00:00Z' })).toEqual(runs.slice(1));
    expect(await store.exportRuns({ orgId: 'org-b', since: '2025-05-02T00:00:00Z' })).toHaveLength(1);
  });

  it('refuses a run kind the schema does not know', async () => {
    const store = await ctx.open(await ctx.fresh());
    // @ts-expect-error: a caller outside TypeScript (or a bug) passing a kind the audit trail does not define
    await expect(store.recordRun(runRecord({ kind: 'delete' }))).rejects.toThrow();
  });
}

export function languageContract(ctx: ContractContext): void {
  it("remembers a person's language, and forgets a language this release no longer speaks", async () => {
    const database = await ctx.fresh();
    const store = await ctx.open(database);
    expect(await store.getLanguage('person-1')).toBeUndefined();
    await store.setLanguage('person-1', 'ja');
    await store.setLanguage('person-1', 'fr');
    await store.setLanguage('person-2', 'de');
    expect(await store.getLanguage('person-1')).toBe('fr');
    expect(await store.getLanguage('person-2')).toBe('de');

    await ctx.backend.raw(database, "UPDATE person_preferences SET language = 'tlh' WHERE person_id = 'person-2'");
    expect(await store.getLanguage('person-2')).toBeUndefined();
  });
}
