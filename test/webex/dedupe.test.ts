import { describe, expect, it } from 'vitest';
import { InMemoryEventDeduper } from '../../src/webex/dedupe.js';

describe('InMemoryEventDeduper', () => {
  it('says yes once per id, no to repeats', async () => {
    const deduper = new InMemoryEventDeduper();
    expect(await deduper.firstTime('messages:created:A')).toBe(true);
    expect(await deduper.firstTime('messages:created:A')).toBe(false);
    expect(await deduper.firstTime('messages:created:B')).toBe(true);
  });

  it('forgets an id once its time-to-live has passed', async () => {
    let now = 1_000;
    const deduper = new InMemoryEventDeduper({ ttlMs: 60_000, now: () => now });
    expect(await deduper.firstTime('A')).toBe(true);
    now += 59_999;
    expect(await deduper.firstTime('A')).toBe(false);
    now += 1;
    expect(await deduper.firstTime('A')).toBe(true);
  });

  it('keeps at most maxEntries ids, forgetting the oldest first', async () => {
    const deduper = new InMemoryEventDeduper({ maxEntries: 2 });
    await deduper.firstTime('A');
    await deduper.firstTime('B');
    await deduper.firstTime('C');
    expect(await deduper.firstTime('C')).toBe(false);
    expect(await deduper.firstTime('B')).toBe(false);
    expect(await deduper.firstTime('A')).toBe(true);
  });

  it('refuses a configuration that could not remember anything', () => {
    expect(() => new InMemoryEventDeduper({ maxEntries: 0 })).toThrow(RangeError);
    expect(() => new InMemoryEventDeduper({ ttlMs: 0 })).toThrow(RangeError);
  });
});
