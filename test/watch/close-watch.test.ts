import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeWatchRowId, fixSeen, isCloseWatchRowId, readCloseWatchRowId } from '../../src/watch/close-watch.js';
import type { CloseWatch } from '../../src/watch/close-watch.js';
import { APP, APP_DELETED, CONSENT, CONSENT_WITHDRAWN, diagnosisOf, everything, HEALTHY, QUARANTINED } from './support/diagnoses.js';
import { Harness, INTERVAL, MINUTE, ORG, PERSON, ROOM, TENANT } from './support/harness.js';

const THREAD = 'message-with-the-consent-link';

describe('close-watch rows', () => {
  const watch: CloseWatch = { roomId: ROOM, parentId: THREAD, until: '2025-05-21T09:30:00.000Z', targets: [APP] };

  it('round-trips through the watches table row id, and never passes for a room id', () => {
    const rowId = closeWatchRowId(watch);
    expect(isCloseWatchRowId(rowId)).toBe(true);
    expect(readCloseWatchRowId(rowId)).toEqual(watch);
    expect(isCloseWatchRowId(ROOM)).toBe(false);
    expect(readCloseWatchRowId(ROOM)).toBeUndefined();
  });

  it('reads a damaged row as nothing rather than throwing', () => {
    expect(readCloseWatchRowId('close-watch:%%%')).toBeUndefined();
    expect(readCloseWatchRowId(`close-watch:${Buffer.from('{"roomId":""}').toString('base64url')}`)).toBeUndefined();
  });

  it('sees the fix only when every awaited check passes; with none named, only a healthy verdict will do', () => {
    expect(fixSeen(watch, diagnosisOf(TENANT, APP_DELETED))).toBe(false);
    expect(fixSeen(watch, diagnosisOf(TENANT, everything('throttled')))).toBe(false);
    expect(fixSeen(watch, diagnosisOf(TENANT, QUARANTINED))).toBe(true); // not what this link fixes
    const unnamed = { ...watch, targets: [] };
    expect(fixSeen(unnamed, diagnosisOf(TENANT, QUARANTINED))).toBe(false);
    expect(fixSeen(unnamed, diagnosisOf(TENANT, HEALTHY))).toBe(true);
  });
});

describe('watch: close watch after a consent link', () => {
  let h: Harness;
  beforeEach(() => {
    h = new Harness();
  });
  afterEach(async () => {
    await h.cleanup();
  });

  it('looks every minute, says fix-seen once in the thread as soon as the named checks pass, then stops', async () => {
    h.doctor.set(TENANT, APP_DELETED);
    const { watcher } = await h.open();
    const handedOut = diagnosisOf(TENANT, APP_DELETED);
    expect(await watcher.watchClosely({ tenantId: TENANT, roomId: ROOM, parentId: THREAD, diagnosis: handedOut })).toEqual({
      until: '2025-05-21T09:30:00.000Z',
      targets: [APP],
    });
    expect((await watcher.status(ROOM)).closeWatches).toEqual([{ tenantId: TENANT, parentId: THREAD, until: '2025-05-21T09:30:00.000Z', targets: [APP] }]);
    watcher.start();
    await h.clock.advance(2 * MINUTE);
    expect(h.doctor.calls).toBe(3);
    expect(h.events).toEqual([]);

    h.doctor.set(TENANT, HEALTHY);
    await h.clock.advance(MINUTE);
    expect(h.events).toHaveLength(1);
    expect(h.events[0]).toMatchObject({ kind: 'fix-seen', roomId: ROOM, parentId: THREAD, tenantId: TENANT });
    expect(h.events[0]?.changes.map((c) => [c.checkId, c.from, c.to])).toEqual([[APP, 'fail', 'pass']]);

    await h.clock.advance(10 * MINUTE);
    expect(h.doctor.calls).toBe(4);
    expect(h.events).toHaveLength(1);
    expect(await watcher.status(ROOM)).toEqual({ watches: [], closeWatches: [] });
  });

  it('ends after forMs without a word when the fix never lands', async () => {
    h.doctor.set(TENANT, CONSENT_WITHDRAWN);
    const { watcher, store } = await h.open();
    await watcher.watchClosely({ tenantId: TENANT, roomId: ROOM, parentId: THREAD, diagnosis: diagnosisOf(TENANT, CONSENT_WITHDRAWN), until: new Date('2025-05-22T00:00:00Z') });
    watcher.start();
    await h.clock.advance(30 * MINUTE);
    expect(h.doctor.calls).toBe(30); // minutes 0..29: forMs caps the asked-for `until`
    await h.clock.advance(30 * MINUTE);
    expect(h.doctor.calls).toBe(30);
    expect(h.events).toEqual([]);
    expect(await store.listWatches()).toEqual([]);
    expect(await store.getWatchState(TENANT)).toBeUndefined();
  });

  it('resumes after a restart', async () => {
    h.doctor.set(TENANT, CONSENT_WITHDRAWN);
    const first = await h.open();
    await first.watcher.watchClosely({ tenantId: TENANT, roomId: ROOM, parentId: THREAD, diagnosis: diagnosisOf(TENANT, CONSENT_WITHDRAWN) });
    first.watcher.start();
    await h.clock.advance(MINUTE);
    await h.shut(first);

    h.doctor.set(TENANT, HEALTHY);
    const second = await h.open('replica-b');
    second.watcher.start();
    await h.clock.advance(MINUTE);
    expect(h.events.map((e) => [e.kind, e.parentId, e.changes.map((c) => c.checkId)])).toEqual([['fix-seen', THREAD, [CONSENT]]]);
  });

  it('on a watched tenant: one alert, one fix-seen in the thread, one recovery in the room', async () => {
    h.doctor.set(TENANT, HEALTHY);
    const { watcher } = await h.open();
    await watcher.watch({ roomId: ROOM, tenantId: TENANT, orgId: ORG, personId: PERSON });
    watcher.start();
    await h.clock.advance(0);
    h.doctor.set(TENANT, APP_DELETED);
    await h.clock.advance(INTERVAL);
    await watcher.watchClosely({ tenantId: TENANT, roomId: ROOM, parentId: THREAD, diagnosis: diagnosisOf(TENANT, APP_DELETED) });
    await h.clock.advance(3 * MINUTE);
    h.doctor.set(TENANT, HEALTHY);
    await h.clock.advance(MINUTE);
    await h.clock.advance(INTERVAL);
    expect(h.events.map((e) => [e.kind, e.parentId])).toEqual([
      ['alert', undefined],
      ['fix-seen', THREAD],
      ['recovery', undefined],
    ]);
    expect((await watcher.status(ROOM)).watches).toHaveLength(1);
  });

  it('is ended by unwatch too', async () => {
    h.doctor.set(TENANT, APP_DELETED);
    const { watcher } = await h.open();
    await watcher.watchClosely({ tenantId: TENANT, roomId: ROOM, parentId: THREAD, diagnosis: diagnosisOf(TENANT, APP_DELETED) });
    expect(await watcher.unwatch(ROOM, TENANT)).toBe(true);
    watcher.start();
    h.doctor.set(TENANT, HEALTHY);
    await h.clock.advance(5 * MINUTE);
    expect(h.doctor.calls).toBe(0);
    expect(h.events).toEqual([]);
  });

  it('refuses a close watch that would already be over', async () => {
    const { watcher } = await h.open();
    await expect(watcher.watchClosely({ tenantId: TENANT, roomId: ROOM, until: new Date('2025-05-21T08:00:00Z') })).rejects.toThrow(/future/);
  });
});
