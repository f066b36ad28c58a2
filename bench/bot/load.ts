import type { PasteTimer } from './replies.js';
import type { Admin } from './world.js';

/** Ways to put pastes in front of a bot: all at once, or a fixed number of admins pasting back to back. */

export interface LoadOutcome {
  /** Paste → answer, ms, for every answered paste. */
  latencies: number[];
  /** Pastes that got no answer in time. */
  failures: number;
  elapsedMs: number;
}

/** Every admin pastes at the same moment; resolves when all have their answer (or timed out). */
export async function burst(timer: PasteTimer, admins: readonly Admin[], text: string): Promise<LoadOutcome> {
  const started = performance.now();
  const settled = await Promise.allSettled(admins.map((admin) => timer.paste(admin, text)));
  return {
    latencies: settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : [])),
    failures: settled.filter((s) => s.status === 'rejected').length,
    elapsedMs: performance.now() - started,
  };
}

/** When a closed loop stops starting pastes: after so long, or after so many. */
export type Until = { ms: number } | { pastes: number };

/**
 * Closed loop: each admin pastes again as soon as their answer arrives, until `until` is reached (then the
 * pastes in flight finish). Concurrency = number of admins; throughput = answers ÷ elapsed.
 */
export async function closedLoop(timer: PasteTimer, admins: readonly Admin[], text: string, until: Until): Promise<LoadOutcome> {
  const started = performance.now();
  const latencies: number[] = [];
  let failures = 0;
  let pasted = 0;
  const more = (): boolean => ('ms' in until ? performance.now() < started + until.ms : pasted < until.pastes);
  await Promise.all(
    admins.map(async (admin) => {
      while (more()) {
        pasted += 1;
        try {
          latencies.push(await timer.paste(admin, text));
        } catch {
          failures += 1;
        }
      }
    }),
  );
  return { latencies, failures, elapsedMs: performance.now() - started };
}
