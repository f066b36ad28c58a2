import { setTimeout as sleep } from 'node:timers/promises';
import { closedLoop } from './bot/load.js';
import { SEED_PASTE, startBotSession, type BotKind, type BotSession } from './bot/session.js';
import type { Cell, Suite, Target } from './lib/report.js';
import { median, round } from './lib/stats.js';

/**
 * The real bot process's footprint: start-up time (spawn → GET /healthz answers 200), memory at idle, and
 * memory as diagnoses pile up. RSS is what the machine sees, garbage included; the JS heap after a forced full
 * GC (bench/bot/heap-probe.ts) is what the process really keeps: a leak shows as that still climbing between
 * the later checkpoints, a heap that has warmed up stays flat.
 */

const MiB = 1024 * 1024;
/** Let start-up (or a burst of work) finish its stragglers before measuring. */
const SETTLE_MS = 2_000;
const CONCURRENT_ADMINS = 10;
/** The heap kept after the last checkpoint may exceed the middle one's by this factor (and no more). */
const GROWTH_SLACK = 1.1;

const mib = (bytes: number): number => round(bytes / MiB, 1);

interface Reading {
  /** RSS as it is, before the probe's GC. */
  rss: number;
  /** After a full GC: what the process keeps. */
  heapUsed: number;
  /** After a full GC: what V8 keeps reserved for the heap (it grows under load and is slow to give back). */
  heapTotal: number;
}

async function read(session: BotSession): Promise<Reading> {
  await sleep(SETTLE_MS);
  const rss = session.bot.rssBytes();
  const after = await session.bot.memoryAfterGc();
  if (!after.forcedGc) throw new Error('the heap probe could not force a GC (is --expose-gc missing?)');
  return { rss, heapUsed: after.heapUsed, heapTotal: after.heapTotal };
}

async function started(kind: BotKind, progress: (line: string) => void): Promise<{ session: BotSession; idle: Reading }> {
  progress(`footprint: starting the ${kind}`);
  const session = await startBotSession(kind, { admins: CONCURRENT_ADMINS });
  try {
    return { session, idle: await read(session) };
  } catch (error) {
    await session.stop();
    throw error;
  }
}

export const footprintSuite: Suite = {
  id: 'footprint',
  title: '5. Footprint: start-up time and memory of the bot process',
  async run({ quick, progress }) {
    const starts = quick ? 1 : 3;
    const checkpoints = quick ? [50, 100] : [250, 500, 750, 1000];

    const doctorStarts: { startupMs: number; idle: Reading }[] = [];
    for (let i = 1; i < starts; i++) {
      const { session, idle } = await started('doctor', progress);
      doctorStarts.push({ startupMs: session.bot.startupMs, idle });
      await session.stop();
    }
    const { session, idle } = await started('doctor', progress);
    doctorStarts.push({ startupMs: session.bot.startupMs, idle });
    const readings: Reading[] = [idle];
    const memoryRows: Cell[][] = [[0, mib(idle.rss), 0, mib(idle.heapTotal), mib(idle.heapUsed), null, null]];
    let unanswered = 0;
    try {
      let done = 0;
      for (const checkpoint of checkpoints) {
        progress(`footprint: diagnoses ${done + 1}…${checkpoint}`);
        const outcome = await closedLoop(session.timer, session.world.admins, SEED_PASTE, { pastes: checkpoint - done });
        unanswered += outcome.failures;
        done = checkpoint;
        const now = await read(session);
        const previous = readings.at(-1) ?? now;
        memoryRows.push([checkpoint, mib(now.rss), mib(now.rss - idle.rss), mib(now.heapTotal), mib(now.heapUsed), mib(now.heapUsed - previous.heapUsed), round(outcome.latencies.length / (outcome.elapsedMs / 1000), 1)]);
        readings.push(now);
      }
    } finally {
      await session.stop();
    }

    const startRows: Cell[][] = [
      ['doctor (src/main.ts)', doctorStarts.length, round(median(doctorStarts.map((s) => s.startupMs)) / 1000, 2), mib(median(doctorStarts.map((s) => s.idle.rss))), mib(median(doctorStarts.map((s) => s.idle.heapUsed)))],
    ];
    if (!quick) {
      const echo = await started('echo', progress);
      startRows.push(['bare framework echo', 1, round(echo.session.bot.startupMs / 1000, 2), mib(echo.idle.rss), mib(echo.idle.heapUsed)]);
      await echo.session.stop();
    }

    // readings[0] is idle, readings[i] follows checkpoints[i - 1].
    const half = Math.ceil(checkpoints.length / 2);
    const middle = readings[half] ?? idle;
    const last = readings.at(-1) ?? idle;
    const total = checkpoints.at(-1) ?? 0;
    const targets: Target[] = [
      {
        name: 'no growth (heap kept)',
        goal: `heap used after GC at ${total} diagnoses ≤ ${GROWTH_SLACK}× that at ${checkpoints[half - 1] ?? 0}`,
        measured: `${mib(middle.heapUsed)} → ${mib(last.heapUsed)} MiB (idle ${mib(idle.heapUsed)} MiB)`,
        met: last.heapUsed <= middle.heapUsed * GROWTH_SLACK,
      },
      { name: 'every paste answered', goal: '0 diagnoses without an answer', measured: String(unanswered), met: unanswered === 0 },
    ];
    return {
      tables: [
        { title: 'Start-up (spawn → /healthz 200) and idle memory', columns: ['process', 'starts', 'median start-up s', 'idle RSS MiB', 'idle heap used MiB'], rows: startRows },
        {
          title: `Memory as diagnoses pile up (${CONCURRENT_ADMINS} admins pasting back to back)`,
          columns: ['diagnoses', 'RSS MiB', 'Δ RSS vs idle MiB', 'heap reserved MiB', 'heap used MiB', 'Δ heap used MiB', 'pastes/s'],
          rows: memoryRows,
        },
      ],
      targets,
      notes: [
        `RSS ${mib(idle.rss)} MiB at idle, ${mib(last.rss)} MiB after ${total} diagnoses (Δ ${mib(last.rss - idle.rss)} MiB). Of that Δ, ${mib(last.heapTotal - idle.heapTotal)} MiB is heap V8 reserved under load and keeps for the next burst (${mib(idle.heapTotal)} → ${mib(last.heapTotal)} MiB), ${mib(last.heapUsed - idle.heapUsed)} MiB heap in use after GC (${mib(idle.heapUsed)} → ${mib(last.heapUsed)} MiB).`,
        `Read ${SETTLE_MS / 1000} s after start-up or after each batch: RSS from /proc/{pid}/status first, then a full GC in the process and its own memoryUsage() (heap used and reserved). The process runs with --expose-gc so it can be asked; nothing else changes.`,
        'Start-up runs `node --import tsx src/main.ts` (TypeScript compiled on the fly, webex SDK loaded, store opened, webhooks verified); `node dist/main.js` skips the compilation.',
        'Every diagnosis is real: the SQLite store keeps each one (Re-verify, history) on disk, which is data, not a leak.',
      ],
    };
  },
};
