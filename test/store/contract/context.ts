import { afterAll, afterEach, beforeAll } from 'vitest';
import type { Store } from '../../../src/store/index.js';
import type { Backend } from '../backends.js';

/** What each part of the contract suite gets: fresh databases, and stores that are closed after each test. */
export interface ContractContext {
  backend: Backend;
  fresh(): Promise<string>;
  open(database: string, now?: () => number): Promise<Store>;
}

export function useBackend(backend: Backend): ContractContext {
  const open = new Set<Store>();
  beforeAll(() => backend.setup());
  afterEach(async () => {
    await Promise.all([...open].map((s) => s.close()));
    open.clear();
  });
  afterAll(() => backend.teardown());
  return {
    backend,
    fresh: () => backend.freshDatabase(),
    async open(database, now) {
      const store = await backend.open(database, now);
      open.add(store);
      return store;
    },
  };
}

export interface FakeClock {
  now: () => number;
  advance(ms: number): void;
  set(iso: string): void;
}

export function fakeClock(iso = '2025-06-01T12:00:00.000Z'): FakeClock {
  let t = Date.parse(iso);
  return {
    now: () => t,
    advance: (ms) => void (t += ms),
    set: (at) => void (t = Date.parse(at)),
  };
}
