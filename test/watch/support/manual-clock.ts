import type { Clock } from '../../../src/watch/clock.js';

/** Lets every pending promise job run (the SQLite store answers synchronously, so one macrotask turn drains a run). */
export async function settle(): Promise<void> {
  for (let i = 0; i < 3; i++) await new Promise((resolve) => setImmediate(resolve));
}

/**
 * A clock the test moves by hand. Timers due at the same instant fire together before anything settles, so two
 * watchers ticking at once really race (as two replicas would), rather than running one after the other.
 */
export class ManualClock implements Clock {
  private time: number;
  private nextId = 1;
  private readonly timers = new Map<number, { at: number; callback: () => void }>();

  constructor(startIso: string) {
    this.time = Date.parse(startIso);
  }

  now(): Date {
    return new Date(this.time);
  }

  setTimeout(callback: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.timers.set(id, { at: this.time + Math.max(0, ms), callback });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as number);
  }

  pendingTimers(): number {
    return this.timers.size;
  }

  /** Moves time forward by `ms`, firing due timers in order and letting their work finish at each instant. */
  async advance(ms: number): Promise<void> {
    const target = this.time + ms;
    await settle();
    for (;;) {
      const due = [...this.timers.entries()].filter(([, t]) => t.at <= target).sort(([a, x], [b, y]) => x.at - y.at || a - b);
      const first = due[0];
      if (first === undefined) break;
      this.time = first[1].at;
      for (const [id, timer] of due.filter(([, t]) => t.at === this.time)) {
        this.timers.delete(id);
        timer.callback();
      }
      await settle();
    }
    this.time = target;
  }
}
