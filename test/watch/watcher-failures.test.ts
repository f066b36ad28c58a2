import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WatchLogger } from '../../src/watch/index.js';
import { APP_DELETED, HEALTHY } from './support/diagnoses.js';
import { Harness, INTERVAL, MINUTE, ORG, PERSON, ROOM, TENANT } from './support/harness.js';

let h: Harness;
beforeEach(() => {
  h = new Harness();
});
afterEach(async () => {
  await h.cleanup();
});

const WATCH = { roomId: ROOM, tenantId: TENANT, orgId: ORG, personId: PERSON };

describe('watch: failing runs', () => {
  it('logs a run that throws, notifies nothing, keeps ticking, and retries at the next tick', async () => {
    h.doctor.set(TENANT, HEALTHY);
    const { watcher } = await h.open();
    await watcher.watch(WATCH);
    watcher.start();
    await h.clock.advance(0);

    h.doctor.set(TENANT, new Error('Graph unreachable'));
    await h.clock.advance(INTERVAL);
    expect(h.doctor.calls).toBe(2);
    expect(h.events).toEqual([]);
    expect(h.logs.filter((l) => l.level === 'warn' && l.message.includes('run failed'))).toHaveLength(1);
    const [status] = (await watcher.status(ROOM)).watches;
    expect(status?.lastFailureAt).toBe(h.clock.now().toISOString());
    expect(status?.lastRunAt).toBe('2025-05-21T09:00:00.000Z');

    await h.clock.advance(MINUTE); // not a whole interval: a failed run is retried at the next tick
    expect(h.doctor.calls).toBe(3);
    expect(h.events).toEqual([]);

    h.doctor.set(TENANT, APP_DELETED);
    await h.clock.advance(MINUTE);
    expect(h.doctor.calls).toBe(4);
    expect(h.kinds()).toEqual([`alert:${ROOM}`]);
    expect((await watcher.status(ROOM)).watches[0]?.lastFailureAt).toBeUndefined();
  });

  it('counts a run that outlasts its bound as failed, and ignores its late result', async () => {
    h.doctor.set(TENANT, HEALTHY);
    const { watcher } = await h.open();
    await watcher.watch(WATCH);
    watcher.start();
    await h.clock.advance(0);

    h.doctor.set(TENANT, 'hang');
    await h.clock.advance(INTERVAL + 2 * MINUTE);
    expect(h.logs.some((l) => l.level === 'warn' && String(l.fields['err']).includes('did not finish within'))).toBe(true);
    h.doctor.hanging.shift()?.(APP_DELETED);
    await h.clock.advance(0);
    expect(h.events).toEqual([]);
  });

  it('survives a store that fails mid-tick, and carries on once it is back', async () => {
    h.doctor.set(TENANT, HEALTHY);
    const { watcher, store } = await h.open();
    await watcher.watch(WATCH);
    const listWatches = store.listWatches.bind(store);
    store.listWatches = async () => {
      throw new Error('database is locked');
    };
    watcher.start();
    await h.clock.advance(0);
    expect(h.logs.some((l) => l.level === 'error' && l.message.includes('tick failed'))).toBe(true);
    expect(h.doctor.calls).toBe(0);
    store.listWatches = listWatches;
    await h.clock.advance(MINUTE);
    expect(h.doctor.calls).toBe(1);
  });

  it('starts from a fresh baseline when the stored state is unreadable', async () => {
    h.doctor.set(TENANT, HEALTHY);
    const { watcher, store } = await h.open();
    await watcher.watch(WATCH);
    await store.setWatchState(TENANT, { version: 99, whatever: true });
    watcher.start();
    await h.clock.advance(0);
    expect(h.logs.some((l) => l.level === 'warn' && l.message.includes('unreadable'))).toBe(true);
    expect(h.events).toEqual([]);
    expect((await watcher.status(ROOM)).watches[0]?.checks).toHaveLength(3);
  });

  it('refuses options that would make no schedule', async () => {
    await expect(h.open('replica-a', { intervalMs: 0 })).rejects.toThrow(/intervalMs/);
    await expect(h.open('', {})).rejects.toThrow(/replicaId/);
  });

  it("takes the project's pino logger as is", () => {
    const logger: WatchLogger = pino({ level: 'silent' });
    expect(() => logger.warn({ tenantId: TENANT }, 'typed')).not.toThrow();
  });
});
