import { expect, it } from 'vitest';
import { MIGRATIONS } from '../../../src/store/migrations.js';
import { diagnosisRecord, runRecord } from '../fixtures.js';
import { fakeClock } from './context.js';
import type { ContractContext } from './context.js';

export function purgeContract(ctx: ContractContext): void {
  it('purges diagnoses, runs and seen events older than the retention, and keeps the rest', async () => {
    const clock = fakeClock('2025-05-01T00:00:00.000Z');
    const store = await ctx.open(await ctx.fresh(), clock.now);
    await store.recordEventOnce('old-event');
    const oldDiagnosis = diagnosisRecord({ tenantId: 't', createdAt: '2025-05-01T00:00:00.000Z' });
    const oldRun = runRecord({ at: '2025-05-01T00:00:00.000Z' });
    await store.saveDiagnosis(oldDiagnosis);
    await store.recordRun(oldRun);

    clock.set('2025-05-31T00:00:00.000Z');
    await store.recordEventOnce('new-event');
    const newDiagnosis = diagnosisRecord({ tenantId: 't', createdAt: '2025-05-30T00:00:00.000Z' });
    const newRun = runRecord({ at: '2025-05-30T00:00:00.000Z' });
    await store.saveDiagnosis(newDiagnosis);
    await store.recordRun(newRun);
    await store.setLanguage('person-1', 'ja');

    expect(await store.purgeOlderThan(10)).toEqual({ diagnoses: 1, runs: 1, events: 1 });
    expect(await store.getDiagnosis(oldDiagnosis.id)).toBeUndefined();
    expect(await store.getDiagnosis(newDiagnosis.id)).toBeDefined();
    expect(await store.listRuns({ orgId: 'org-a' })).toEqual([newRun]);
    expect(await store.recordEventOnce('new-event')).toBe(false);
    expect(await store.recordEventOnce('old-event')).toBe(true);
    expect(await store.getLanguage('person-1')).toBe('ja');
    expect(await store.purgeOlderThan(10)).toEqual({ diagnoses: 0, runs: 0, events: 0 });
    await expect(store.purgeOlderThan(0)).rejects.toThrow(RangeError);
  });
}

export function migrationContract(ctx: ContractContext): void {
  const newest = MIGRATIONS.at(-1)?.version;

  it('migrates once: reopening keeps the data and applies nothing twice', async () => {
    const database = await ctx.fresh();
    const first = await ctx.open(database);
    await first.setLanguage('person-1', 'ko');
    await first.close();
    const second = await ctx.open(database);
    expect(await second.getLanguage('person-1')).toBe('ko');
    const versions = await ctx.backend.raw(database, 'SELECT version FROM schema_version ORDER BY version');
    expect(versions.map((row) => Number(row.version))).toEqual(MIGRATIONS.map((m) => m.version));
  });

  it('lets two replicas start on an empty database at the same moment', async () => {
    const database = await ctx.fresh();
    const [a, b] = await Promise.all([ctx.open(database), ctx.open(database)]);
    await a.recordEventOnce('e');
    expect(await b.recordEventOnce('e')).toBe(false);
    const versions = await ctx.backend.raw(database, 'SELECT COUNT(*) AS n FROM schema_version');
    expect(Number(versions[0]?.n)).toBe(MIGRATIONS.length);
  });

  it('refuses a database a newer release has migrated further', async () => {
    const database = await ctx.fresh();
    await (await ctx.open(database)).close();
    await ctx.backend.raw(database, `INSERT INTO schema_version (version, description, applied_ms) VALUES (${(newest ?? 0) + 1}, 'from the future', 0)`);
    await expect(ctx.open(database)).rejects.toMatchObject({ code: 'store_schema_newer' });
  });
}
