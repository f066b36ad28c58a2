import { expect, it } from 'vitest';
import { fakeClock } from './context.js';
import type { ContractContext } from './context.js';

export function watchContract(ctx: ContractContext): void {
  it('keeps one watch per room and tenant, and lists them all', async () => {
    const clock = fakeClock();
    const store = await ctx.open(await ctx.fresh(), clock.now);
    await store.upsertWatch({ roomId: 'room-1', tenantId: 'tenant-a', orgId: 'org-a', createdBy: 'alice' });
    clock.advance(1_000);
    await store.upsertWatch({ roomId: 'room-2', tenantId: 'tenant-a', orgId: 'org-a', createdBy: 'bob' });
    clock.advance(1_000);
    await store.upsertWatch({ roomId: 'room-1', tenantId: 'tenant-a', orgId: 'org-a', createdBy: 'carol' });

    expect(await store.listWatches()).toEqual([
      { roomId: 'room-1', tenantId: 'tenant-a', orgId: 'org-a', createdBy: 'carol', createdAt: '2025-06-01T12:00:00.000Z' },
      { roomId: 'room-2', tenantId: 'tenant-a', orgId: 'org-a', createdBy: 'bob', createdAt: '2025-06-01T12:00:01.000Z' },
    ]);
    expect(await store.removeWatch('room-1', 'tenant-a')).toBe(true);
    expect(await store.removeWatch('room-1', 'tenant-a')).toBe(false);
    expect((await store.listWatches()).map((w) => w.roomId)).toEqual(['room-2']);
  });

  it("keeps a tenant's last-known state while any room watches it", async () => {
    const clock = fakeClock();
    const store = await ctx.open(await ctx.fresh(), clock.now);
    expect(await store.getWatchState('tenant-a')).toBeUndefined();
    await store.upsertWatch({ roomId: 'room-1', tenantId: 'tenant-a', orgId: 'org-a', createdBy: 'alice' });
    await store.upsertWatch({ roomId: 'room-2', tenantId: 'tenant-a', orgId: 'org-a', createdBy: 'bob' });
    await store.setWatchState('tenant-a', { verdict: 'broken', causes: ['integration-app-deleted'] });
    clock.advance(60_000);
    await store.setWatchState('tenant-a', { verdict: 'healthy', causes: [] });
    expect(await store.getWatchState('tenant-a')).toEqual({
      state: { verdict: 'healthy', causes: [] },
      updatedAt: '2025-06-01T12:01:00.000Z',
    });

    await store.removeWatch('room-1', 'tenant-a');
    expect(await store.getWatchState('tenant-a')).toBeDefined();
    await store.removeWatch('room-2', 'tenant-a');
    expect(await store.getWatchState('tenant-a')).toBeUndefined();
    await expect(store.setWatchState('tenant-a', undefined)).rejects.toThrow(TypeError);
  });
}

export function leaseContract(ctx: ContractContext): void {
  it('lets one holder at a time hold a lease, renew it, and lose it when it expires', async () => {
    const clock = fakeClock();
    const database = await ctx.fresh();
    const [replicaA, replicaB] = [await ctx.open(database, clock.now), await ctx.open(database, clock.now)];
    expect(await replicaA.tryAcquireLease('watch:tenant-a', 'A', 30_000)).toBe(true);
    expect(await replicaB.tryAcquireLease('watch:tenant-a', 'B', 30_000)).toBe(false);
    expect(await replicaB.tryAcquireLease('watch:tenant-b', 'B', 30_000)).toBe(true);

    clock.advance(20_000);
    expect(await replicaA.tryAcquireLease('watch:tenant-a', 'A', 30_000)).toBe(true); // renewed until +50 s
    clock.advance(20_000);
    expect(await replicaB.tryAcquireLease('watch:tenant-a', 'B', 30_000)).toBe(false);
    clock.advance(10_000);
    expect(await replicaB.tryAcquireLease('watch:tenant-a', 'B', 30_000)).toBe(true); // A's renewal ran out
    expect(await replicaA.tryAcquireLease('watch:tenant-a', 'A', 30_000)).toBe(false);
  });

  it('gives a lease up only for its holder', async () => {
    const store = await ctx.open(await ctx.fresh());
    expect(await store.tryAcquireLease('watch:tenant-a', 'A', 60_000)).toBe(true);
    expect(await store.releaseLease('watch:tenant-a', 'B')).toBe(false);
    expect(await store.releaseLease('watch:tenant-a', 'A')).toBe(true);
    expect(await store.tryAcquireLease('watch:tenant-a', 'B', 60_000)).toBe(true);
    await expect(store.tryAcquireLease('watch:tenant-a', 'B', 0)).rejects.toThrow(RangeError);
  });

  it('grants a contested lease to exactly one of many simultaneous replicas', async () => {
    const database = await ctx.fresh();
    const [a, b] = [await ctx.open(database), await ctx.open(database)];
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? a : b).tryAcquireLease('watch:tenant-a', `holder-${i}`, 60_000)),
    );
    expect(answers.filter(Boolean)).toHaveLength(1);
  });
}
