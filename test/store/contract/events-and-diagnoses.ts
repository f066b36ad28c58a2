import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { asEventDeduper } from '../../../src/store/index.js';
import type { EventDeduper } from '../../../src/webex/dedupe.js';
import { diagnosisRecord } from '../fixtures.js';
import type { ContractContext } from './context.js';

export function eventContract(ctx: ContractContext): void {
  it('records an event id once: true the first time, false on redelivery', async () => {
    const store = await ctx.open(await ctx.fresh());
    const id = randomUUID();
    expect(await store.recordEventOnce(id)).toBe(true);
    expect(await store.recordEventOnce(id)).toBe(false);
    expect(await store.recordEventOnce(randomUUID())).toBe(true);
    await expect(store.recordEventOnce('')).rejects.toThrow(/empty/);
  });

  it('answers exactly one of 20 simultaneous deliveries, spread over two replicas', async () => {
    const database = await ctx.fresh();
    const [a, b] = [await ctx.open(database), await ctx.open(database)];
    const id = randomUUID();
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? a : b).recordEventOnce(id)));
    expect(answers.filter(Boolean)).toHaveLength(1);
  });

  it('serves as the webhook receiver’s EventDeduper', async () => {
    // Typed with the receiver's own interface: a change on either side breaks the typecheck.
    const deduper: EventDeduper = asEventDeduper(await ctx.open(await ctx.fresh()));
    expect(await deduper.firstTime('evt-1')).toBe(true);
    expect(await deduper.firstTime('evt-1')).toBe(false);
  });
}

export function diagnosisContract(ctx: ContractContext): void {
  it('finds a diagnosis by the message its card was posted in, after a restart', async () => {
    const database = await ctx.fresh();
    const before = await ctx.open(database);
    const record = diagnosisRecord({ tenantId: randomUUID(), parentId: 'parent-msg' });
    await before.saveDiagnosis(record);
    expect(await before.setDiagnosisMessage(record.id, 'card-msg')).toBe(true);
    await before.close();

    const after = await ctx.open(database);
    expect(await after.getDiagnosisByMessage('card-msg')).toEqual({ ...record, messageId: 'card-msg' });
    expect(await after.getDiagnosis(record.id)).toEqual({ ...record, messageId: 'card-msg' });
    expect(await after.getDiagnosisByMessage('another-msg')).toBeUndefined();
    expect(await after.getDiagnosis(randomUUID())).toBeUndefined();
  });

  it('keeps optional fields absent, and refuses to attach a message to an unknown diagnosis', async () => {
    const store = await ctx.open(await ctx.fresh());
    const { tenantId: _dropped, ...pasteOnly } = diagnosisRecord({ tenantId: 'unused' });
    await store.saveDiagnosis(pasteOnly);
    const read = await store.getDiagnosis(pasteOnly.id);
    expect(read).toEqual(pasteOnly);
    expect(read && 'tenantId' in read).toBe(false);
    expect(await store.setDiagnosisMessage(randomUUID(), 'msg')).toBe(false);
  });

  it('replaces a diagnosis saved again under the same id', async () => {
    const store = await ctx.open(await ctx.fresh());
    const first = diagnosisRecord({ tenantId: randomUUID() });
    await store.saveDiagnosis(first);
    const second = { ...first, language: 'fr' as const, diagnosis: { ...first.diagnosis, verdict: 'healthy' as const } };
    await store.saveDiagnosis(second);
    expect(await store.getDiagnosis(first.id)).toEqual(second);
  });

  it("gives the tenant's newest diagnosis, and none of another tenant's", async () => {
    const store = await ctx.open(await ctx.fresh());
    const tenant = randomUUID();
    const older = diagnosisRecord({ tenantId: tenant, createdAt: '2025-05-01T00:00:00.000Z' });
    const newer = diagnosisRecord({ tenantId: tenant, createdAt: '2025-05-02T00:00:00.000Z' });
    const elsewhere = diagnosisRecord({ tenantId: randomUUID(), createdAt: '2025-05-03T00:00:00.000Z' });
    for (const r of [newer, elsewhere, older]) await store.saveDiagnosis(r);
    expect((await store.latestDiagnosisForTenant(tenant))?.id).toBe(newer.id);
    expect(await store.latestDiagnosisForTenant(randomUUID())).toBeUndefined();
  });

  it('refuses a creation time that is not a date', async () => {
    const store = await ctx.open(await ctx.fresh());
    await expect(store.saveDiagnosis(diagnosisRecord({ tenantId: 't', createdAt: 'yesterday' }))).rejects.toThrow(RangeError);
  });
}
