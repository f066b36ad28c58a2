/**
 * Time as the watcher sees it. Injected so tests drive hours of schedule in milliseconds, and so the
 * store's lease clock and the watcher's schedule can be one and the same clock.
 */
export interface Clock {
  now(): Date;
  /** Calls `callback` once after `ms`; the handle is only ever given back to `clearTimeout`. */
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** The real clock. Timers are unref'd: a pending watch tick never keeps the process alive on its own. */
export const systemClock: Clock = {
  now: () => new Date(),
  setTimeout(callback, ms) {
    const timer = setTimeout(callback, ms);
    timer.unref();
    return timer;
  },
  clearTimeout(handle) {
    clearTimeout(handle as ReturnType<typeof setTimeout>);
  },
};

export class WatchTimeoutError extends Error {
  constructor(what: string, ms: number) {
    super(`${what} did not finish within ${ms} ms`);
    this.name = 'WatchTimeoutError';
  }
}

/**
 * `work()`'s result, or a WatchTimeoutError after `ms`. The work itself cannot be cancelled: its late
 * result is ignored. A synchronous throw becomes a rejection, so an injected callback cannot escape.
 */
export function withTimeout<T>(clock: Clock, what: string, ms: number, work: () => Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = clock.setTimeout(() => reject(new WatchTimeoutError(what, ms)), ms);
    Promise.resolve()
      .then(work)
      .then(
        (value) => {
          clock.clearTimeout(timer);
          resolve(value);
        },
        (error: unknown) => {
          clock.clearTimeout(timer);
          reject(error);
        },
      );
  });
}

/** True when `work` settled within `ms`, false when the wait was given up. Never rejects. */
export function settlesWithin(clock: Clock, ms: number, work: Promise<unknown>): Promise<boolean> {
  return withTimeout(clock, 'wait', ms, () => work).then(
    () => true,
    (error: unknown) => !(error instanceof WatchTimeoutError),
  );
}
