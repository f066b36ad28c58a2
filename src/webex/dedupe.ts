/**
 * Webex redelivers webhook events (retries after a slow answer, duplicates on its side). A deduper says
 * whether an event id is seen for the first time. The store helper provides a database-backed
 * implementation of the same interface so that several bot instances share what they have seen.
 */
export interface EventDeduper {
  /** True the first time an id is offered (within the deduper's memory), false afterwards. */
  firstTime(eventId: string): Promise<boolean>;
}

export interface InMemoryDeduperOptions {
  /** How many ids to remember at most; the oldest are forgotten first. */
  maxEntries?: number;
  /** How long an id is remembered. Webex's redeliveries come within minutes. */
  ttlMs?: number;
  /** Clock, for tests. */
  now?: () => number;
}

/** An LRU with a time-to-live, enough for one bot instance. */
export class InMemoryEventDeduper implements EventDeduper {
  private readonly seen = new Map<string, number>();
  private readonly maxEntries: number;
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(options: InMemoryDeduperOptions = {}) {
    this.maxEntries = options.maxEntries ?? 10_000;
    this.ttlMs = options.ttlMs ?? 60 * 60 * 1000;
    this.now = options.now ?? Date.now;
    if (this.maxEntries < 1 || this.ttlMs <= 0) throw new RangeError('InMemoryEventDeduper needs maxEntries >= 1 and ttlMs > 0');
  }

  async firstTime(eventId: string): Promise<boolean> {
    const now = this.now();
    const seenAt = this.seen.get(eventId);
    if (seenAt !== undefined && now - seenAt < this.ttlMs) return false;
    // Re-inserting moves the id to the newest end of the Map's insertion order.
    this.seen.delete(eventId);
    this.seen.set(eventId, now);
    this.evict(now);
    return true;
  }

  private evict(now: number): void {
    for (const [id, seenAt] of this.seen) {
      if (this.seen.size <= this.maxEntries && now - seenAt < this.ttlMs) break;
      this.seen.delete(id);
    }
  }
}
