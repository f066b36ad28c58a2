import { median } from './stats.js';

export interface CallTiming<T> {
  /** Median wall-clock time per call. */
  wallMs: number;
  /**
   * Median CPU time (user + system) per call. On a shared machine a synchronous function's CPU time barely
   * moves when neighbours compete for the cores, while its wall time stretches with every context switch.
   */
  cpuMs: number;
  /**
   * The best batch's CPU time per call. Noise (a neighbour evicting caches, a GC that an earlier call left
   * behind) only ever adds time, so the minimum is the steadiest figure for comparing sizes with each other.
   */
  bestCpuMs: number;
  calls: number;
  /** The last result, for the caller to check (which also keeps the calls from being dropped as dead code). */
  last: T;
}

/**
 * Times a synchronous function: an optional warm-up call (JIT), a first timed call that sizes the batches
 * (~1/10 of the budget each), then batches until the budget is spent (at least `minBatches` in all). Reports
 * the median batch, so one GC pause or a neighbour's burst moves the result less than a mean would.
 */
export function timePerCall<T>(fn: () => T, options: { budgetMs: number; minBatches?: number; warmUp?: boolean }): CallTiming<T> {
  const minBatches = options.minBatches ?? 5;
  if (options.warmUp ?? true) fn();
  const wall: number[] = [];
  const cpu: number[] = [];
  let calls = 0;
  const batch = (size: number): T => {
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    let result = fn();
    for (let i = 1; i < size; i++) result = fn();
    const spent = process.cpuUsage(cpuBefore);
    wall.push((performance.now() - started) / size);
    cpu.push((spent.user + spent.system) / 1000 / size);
    calls += size;
    return result;
  };
  const deadline = performance.now() + options.budgetMs;
  let last = batch(1);
  const perBatch = Math.max(1, Math.floor(options.budgetMs / 10 / Math.max(wall[0] ?? 1, 0.001)));
  while (wall.length < minBatches || performance.now() < deadline) last = batch(perBatch);
  return { wallMs: median(wall), cpuMs: median(cpu), bestCpuMs: Math.min(...cpu), calls, last };
}
