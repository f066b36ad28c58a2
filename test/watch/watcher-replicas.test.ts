import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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

describe('watch: restarts', () => {
  it('neither repeats an alert nor loses a recovery across restarts on the same store file', async () => {
    h.doctor.set(TENANT, HEALTHY);
    const first = await h.open('replica-a');
    await first.watcher.watch(WATCH);
    first.watcher.start();
    await h.clock.advance(0);
    h.doctor.set(TENANT, APP_DELETED);
    await h.clock.advance(INTERVAL);
    expect(h.kinds()).toEqual([`alert:${ROOM}`]);
    await h.shut(first);

    const second = await h.open('replica-a');
    second.watcher.start();
    await h.clock.advance(0);
    expect(h.doctor.calls).toBe(2); // not due yet: the schedule counts from the stored last run
    await h.clock.advance(INTERVAL);
    expect(h.doctor.calls).toBe(3);
    expect(h.kinds()).toEqual([`alert:${ROOM}`]);
    h.doctor.set(TENANT, HEALTHY);
    await h.shut(second);

    const third = await h.open('replica-b');
    third.watcher.start();
    await h.clock.advance(INTERVAL);
    expect(h.kinds()).toEqual([`alert:${ROOM}`, `recovery:${ROOM}`]);
  });

  it('alerts after a restart about a deletion that happened while the bot was down', async () => {
    h.doctor.set(TENANT, HEALTHY);
    const first = await h.open();
    await first.watcher.watch(WATCH);
    first.watcher.start();
    await h.clock.advance(0);
    await h.shut(first);

    h.doctor.set(TENANT, APP_DELETED);
    await h.clock.advance(3 * INTERVAL);
    const second = await h.open();
    second.watcher.start();
    await h.clock.advance(0);
    expect(h.kinds()).toEqual([`alert:${ROOM}`]);
  });
});

describe('watch: two replicas on one store', () => {
  it('runs each tenant once per interval between them, and alerts once', async () => {
    h.doctor.set(TENANT, HEALTHY);
    const a = await h.open('replica-a');
    const b = await h.open('replica-b');
    await a.watcher.watch(WATCH);
    a.watcher.start();
    b.watcher.start();
    await h.clock.advance(0);
    expect(h.doctor.calls).toBe(1);

    h.doctor.set(TENANT, APP_DELETED);
    for (let run = 2; run <= 5; run++) {
      await h.clock.advance(INTERVAL);
      expect(h.doctor.calls).toBe(run);
    }
    expect(h.kinds()).toEqual([`alert:${ROOM}`]);
  });

  it('does not start a second run on the other replica while a slow one holds the lease', async () => {
    h.doctor.set(TENANT, 'hang');
    const a = await h.open('replica-a');
    const b = await h.open('replica-b');
    await a.watcher.watch(WATCH);
    a.watcher.start();
    await h.clock.advance(0);
    expect(h.doctor.hanging).toHaveLength(1);

    b.watcher.start();
    await h.clock.advance(MINUTE / 2);
    expect(h.doctor.calls).toBe(1); // due, but replica-a holds the tenant's lease

    h.doctor.hanging.shift()?.(APP_DELETED);
    await h.clock.advance(0);
    await h.clock.advance(INTERVAL - 2 * MINUTE); // short of the next scheduled run
    expect(h.doctor.calls).toBe(1);
    expect(h.kinds()).toEqual([`alert:${ROOM}`]);
  });

  it('gives the lease back on stop, so another replica can take the tenant over at once', async () => {
    h.doctor.set(TENANT, HEALTHY);
    const a = await h.open('replica-a');
    await a.watcher.watch(WATCH);
    a.watcher.start();
    await h.clock.advance(0);
    expect(await a.store.tryAcquireLease(`watch:${TENANT}`, 'replica-b', MINUTE)).toBe(false);
    await a.watcher.stop();
    expect(await a.store.tryAcquireLease(`watch:${TENANT}`, 'replica-b', MINUTE)).toBe(true);
  });
});

describe('watch: stop', () => {
  it('waits for the run in flight, which still reports', async () => {
    h.doctor.set(TENANT, HEALTHY);
    const a = await h.open();
    await a.watcher.watch(WATCH);
    a.watcher.start();
    await h.clock.advance(0);
    h.doctor.set(TENANT, 'hang');
    await h.clock.advance(INTERVAL);
    let stopped = false;
    const stopping = a.watcher.stop().then(() => {
      stopped = true;
    });
    await h.clock.advance(0);
    expect(stopped).toBe(false);
    h.doctor.hanging.shift()?.(APP_DELETED);
    await stopping;
    expect(h.kinds()).toEqual([`alert:${ROOM}`]);
    expect(h.clock.pendingTimers()).toBe(0); // nothing scheduled after stop
  });

  it('gives up waiting after its bound, and the late run then neither notifies nor writes', async () => {
    h.doctor.set(TENANT, 'hang');
    const a = await h.open('replica-a', { stopTimeoutMs: MINUTE, runTimeoutMs: 10 * MINUTE });
    await a.watcher.watch(WATCH);
    a.watcher.start();
    await h.clock.advance(0);
    const stopping = a.watcher.stop();
    await h.clock.advance(MINUTE);
    await stopping;
    expect(h.logs.some((l) => l.level === 'warn' && l.message.includes('still in flight'))).toBe(true);
    h.doctor.hanging.shift()?.(APP_DELETED);
    await h.clock.advance(0);
    expect(h.events).toEqual([]);
    expect(await a.store.getWatchState(TENANT)).toBeUndefined();
    expect(() => a.watcher.start()).toThrow(/stopped/);
  });
});
