import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { APP, APP_DELETED, CONSENT, CONSENT_WITHDRAWN, everything, HEALTHY, JOB } from './support/diagnoses.js';
import { Harness, INTERVAL, MINUTE, ORG, PERSON, ROOM, TENANT } from './support/harness.js';

let h: Harness;
beforeEach(() => {
  h = new Harness();
});
afterEach(async () => {
  await h.cleanup();
});

async function watching(room = ROOM) {
  const opened = await h.open();
  await opened.watcher.watch({ roomId: room, tenantId: TENANT, orgId: ORG, personId: PERSON });
  opened.watcher.start();
  await h.clock.advance(0);
  return opened;
}

describe('watch: alerts and recoveries', () => {
  it('alerts exactly once on a deletion, stays quiet while nothing changes, and sends exactly one recovery', async () => {
    h.doctor.set(TENANT, HEALTHY);
    await watching();
    expect(h.doctor.calls).toBe(1);
    expect(h.events).toEqual([]);

    h.doctor.set(TENANT, APP_DELETED);
    await h.clock.advance(INTERVAL);
    expect(h.doctor.calls).toBe(2);
    expect(h.kinds()).toEqual([`alert:${ROOM}`]);
    const alert = h.events[0];
    expect(alert?.tenantId).toBe(TENANT);
    expect(alert?.changes.map((c) => [c.checkId, c.from, c.to])).toEqual([[APP, 'pass', 'fail']]);
    expect(alert?.previous?.checks[APP]?.outcome).toBe('pass');
    expect(alert?.diagnosis.findings.find((f) => f.checkId === APP)?.outcome).toBe('fail');

    await h.clock.advance(3 * INTERVAL);
    expect(h.doctor.calls).toBe(5);
    expect(h.events).toHaveLength(1);

    h.doctor.set(TENANT, HEALTHY);
    await h.clock.advance(INTERVAL);
    await h.clock.advance(INTERVAL);
    expect(h.kinds()).toEqual([`alert:${ROOM}`, `recovery:${ROOM}`]);
    expect(h.events[1]?.changes.map((c) => [c.checkId, c.from, c.to])).toEqual([[APP, 'fail', 'pass']]);
  });

  it('alerts once when the first run already finds a failure', async () => {
    h.doctor.set(TENANT, CONSENT_WITHDRAWN);
    await watching();
    await h.clock.advance(2 * INTERVAL);
    expect(h.doctor.calls).toBe(3);
    expect(h.kinds()).toEqual([`alert:${ROOM}`]);
    expect(h.events[0]?.previous).toBeUndefined();
    expect(h.events[0]?.changes).toEqual([{ checkId: CONSENT, to: 'fail', seenAt: '2025-05-21T09:00:00.000Z' }]);
  });

  it('does not flap on throttled, timed-out or unreachable runs, and still reports unknowns in the status', async () => {
    h.doctor.set(TENANT, HEALTHY);
    const { watcher } = await watching();
    for (const hiccup of ['throttled', 'timeout', 'unreachable'] as const) {
      h.doctor.set(TENANT, everything(hiccup));
      await h.clock.advance(INTERVAL);
      h.doctor.set(TENANT, HEALTHY);
      await h.clock.advance(INTERVAL);
    }
    expect(h.events).toEqual([]);

    h.doctor.set(TENANT, APP_DELETED);
    await h.clock.advance(INTERVAL);
    h.doctor.set(TENANT, everything('throttled'));
    await h.clock.advance(INTERVAL);
    h.doctor.set(TENANT, APP_DELETED);
    await h.clock.advance(INTERVAL);
    expect(h.kinds()).toEqual([`alert:${ROOM}`]);

    h.doctor.set(TENANT, everything('throttled'));
    await h.clock.advance(INTERVAL);
    const [tenant] = (await watcher.status(ROOM)).watches;
    // Never a false "healthy": the status shows what the last run really saw.
    expect(tenant?.checks.map((c) => [c.checkId, c.outcome, c.unknown])).toEqual([
      [APP, 'unknown', 'throttled'],
      [CONSENT, 'unknown', 'throttled'],
      [JOB, 'unknown', 'throttled'],
    ]);
    expect(tenant?.lastRunAt).toBe(h.clock.now().toISOString());
  });

  it('says once that the bot can no longer see, and once that it can again', async () => {
    h.doctor.set(TENANT, HEALTHY);
    await watching();
    h.doctor.set(TENANT, everything('permission'));
    await h.clock.advance(INTERVAL);
    h.doctor.set(TENANT, everything('auth'));
    await h.clock.advance(2 * INTERVAL);
    expect(h.kinds()).toEqual([`alert:${ROOM}`]);
    expect(h.events[0]?.changes.map((c) => [c.to, c.reason])).toEqual([
      ['blind', 'permission'],
      ['blind', 'permission'],
      ['blind', 'permission'],
    ]);
    h.doctor.set(TENANT, HEALTHY);
    await h.clock.advance(INTERVAL);
    expect(h.kinds()).toEqual([`alert:${ROOM}`, `recovery:${ROOM}`]);
  });

  it('tells a room that starts watching later about what already fails, without repeating it to the first room', async () => {
    h.doctor.set(TENANT, APP_DELETED);
    const { watcher } = await watching();
    await watcher.watch({ roomId: 'room-second', tenantId: TENANT, orgId: ORG, personId: PERSON });
    await h.clock.advance(MINUTE);
    expect(h.kinds()).toEqual([`alert:${ROOM}`, 'alert:room-second']);
    expect(h.doctor.calls).toBe(2);
  });

  it('offers an undelivered alert again at the next run, then stops', async () => {
    h.doctor.set(TENANT, HEALTHY);
    await watching();
    h.doctor.set(TENANT, APP_DELETED);
    h.failNotify = true;
    await h.clock.advance(INTERVAL);
    expect(h.events).toEqual([]);
    expect(h.logs.some((l) => l.level === 'warn' && l.fields['kind'] === 'alert')).toBe(true);
    h.failNotify = false;
    await h.clock.advance(2 * INTERVAL);
    expect(h.kinds()).toEqual([`alert:${ROOM}`]);
    expect(h.events[0]?.changes.map((c) => c.from)).toEqual(['pass']);
  });

  it('stops alerting after unwatch, and forgets the tenant', async () => {
    h.doctor.set(TENANT, HEALTHY);
    const { watcher, store } = await watching();
    expect(await watcher.unwatch(ROOM, TENANT)).toBe(true);
    expect(await watcher.unwatch(ROOM, TENANT)).toBe(false);
    h.doctor.set(TENANT, APP_DELETED);
    await h.clock.advance(3 * INTERVAL);
    expect(h.doctor.calls).toBe(1);
    expect(h.events).toEqual([]);
    expect(await watcher.status(ROOM)).toEqual({ watches: [], closeWatches: [] });
    expect(await store.getWatchState(TENANT)).toBeUndefined();
  });

  it('reports what is watched, by whom, since when, and the last state of each check', async () => {
    h.doctor.set(TENANT, QUARANTINED_WITH_UNKNOWN);
    const { watcher } = await watching();
    const status = await watcher.status(ROOM);
    expect(status.closeWatches).toEqual([]);
    expect(status.watches).toEqual([
      {
        tenantId: TENANT,
        orgId: ORG,
        watchedBy: PERSON,
        watchedSince: '2025-05-21T09:00:00.000Z',
        lastRunAt: '2025-05-21T09:00:00.000Z',
        checks: [
          { checkId: APP, outcome: 'pass', since: '2025-05-21T09:00:00.000Z', checkedAt: '2025-05-21T09:00:00.000Z' },
          { checkId: CONSENT, outcome: 'unknown', unknown: 'permission', since: '2025-05-21T09:00:00.000Z', checkedAt: '2025-05-21T09:00:00.000Z' },
          { checkId: JOB, outcome: 'fail', since: '2025-05-21T09:00:00.000Z', checkedAt: '2025-05-21T09:00:00.000Z' },
        ],
      },
    ]);
    expect(await watcher.status('another-room')).toEqual({ watches: [], closeWatches: [] });
  });
});

const QUARANTINED_WITH_UNKNOWN = { [APP]: 'pass', [CONSENT]: 'permission', [JOB]: 'fail' } as const;
