import { closedLoop } from './bot/load.js';
import { SEED_PASTE, startBotSession } from './bot/session.js';
import type { Cell, Suite } from './lib/report.js';
import { round, sig3, summarize } from './lib/stats.js';

/**
 * Sustained throughput of the real bot process: concurrency ramps up (each admin pastes again as soon as their
 * answer arrives), and the answer is the best rate reached while p99 paste → answer stayed within 1 s.
 */

const P99_LIMIT_MS = 1000;
const LEVELS_FULL = [1, 2, 4, 8, 16, 32, 64];
const LEVELS_QUICK = [1, 4, 16];

export const throughputSuite: Suite = {
  id: 'throughput',
  title: `4. Throughput: pastes/s sustained while p99 ≤ ${P99_LIMIT_MS} ms`,
  async run({ quick, progress }) {
    const levels = quick ? LEVELS_QUICK : LEVELS_FULL;
    const windowMs = quick ? 3_000 : 8_000;
    progress('throughput: starting the doctor');
    const session = await startBotSession('doctor', { admins: Math.max(...levels) });
    const rows: Cell[][] = [];
    let best: { concurrency: number; perSecond: number; p99: number } | undefined;
    let crossedAt: number | undefined;
    try {
      await session.warmUp();
      for (const concurrency of levels) {
        progress(`throughput: ${concurrency} admins pasting back to back for ${windowMs / 1000} s`);
        const outcome = await closedLoop(session.timer, session.world.admins.slice(0, concurrency), SEED_PASTE, { ms: windowMs });
        const latency = summarize(outcome.latencies);
        const perSecond = outcome.latencies.length / (outcome.elapsedMs / 1000);
        const within = latency.p99 <= P99_LIMIT_MS && outcome.failures === 0;
        rows.push([concurrency, outcome.latencies.length, sig3(perSecond), latency.p50, latency.p99, outcome.failures, within]);
        if (within && (best === undefined || perSecond > best.perSecond)) best = { concurrency, perSecond, p99: latency.p99 };
        if (!within) {
          // Past the knee more concurrency only queues: the answer is already known.
          crossedAt = concurrency;
          break;
        }
      }
    } finally {
      await session.stop();
    }
    return {
      tables: [{ title: 'Closed loop, one level after another', columns: ['admins pasting', 'answers', 'pastes/s', 'p50 ms', 'p99 ms', 'unanswered', `p99 ≤ ${P99_LIMIT_MS} ms`], rows }],
      targets: [
        {
          name: 'sustained throughput',
          goal: `highest pastes/s with p99 ≤ ${P99_LIMIT_MS} ms (reported, no fixed bar)`,
          measured:
            best === undefined
              ? `p99 above ${P99_LIMIT_MS} ms even for one admin`
              : `${round(best.perSecond, 1)} pastes/s at ${best.concurrency} concurrent (p99 ${best.p99} ms)${crossedAt === undefined ? '; limit not reached' : `; p99 passed 1 s at ${crossedAt}`}`,
          met: best !== undefined,
        },
      ],
      notes: [
        `Each level runs ${windowMs / 1000} s, then lets the pastes in flight finish; pastes/s = answers ÷ elapsed. The ramp stops at the first level past the limit.`,
        'One tenant for everyone (the bot\'s own org): concurrent pastes share Graph collections, so this measures the bot\'s own work (webhooks, framework, cards, store) more than Graph.',
      ],
    };
  },
};
