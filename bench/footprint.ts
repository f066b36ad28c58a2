import { setTimeout as sleep } from 'node:timers/promises';
import { closedLoop } from './bot/load.js';
import { SEED_PASTE, startBotSession, type BotKind, type BotSession } from './bot/session.js';
import type { Cell, Suite, Target } from './lib/report.js';
import { median, round } from './lib/stats.js';

/**
 * The real bot process's footprint: start-up time (spawn → GET /healthz answers 200), RSS at idle, and RSS as
 * diagnoses pile up. A leak shows as RSS still climbing between the later checkpoints; a warming heap flattens.
 */

const MiB = 1024 * 1024;
/** Let start-up (or a burst of work) finish its stragglers before reading RSS. */
const SETTLE_MS = 2_000;
const CONCURRENT_ADMINS = 10;
/** Last checkpoint ≤ this × the middle one: a heap that warmed up stays put, a leak keeps climbing. */
const GROWTH_SLACK = 1.1;

const mib = (bytes: number): number => round(bytes / MiB, 1);

async function started(kind: BotKind, progress: (line: string) => void): Promise<{ session: BotSession; idleRss: number }> {
  progress(`footprint: starting the ${kind}`);
  const session = await startBotSession(kind, { admins: CONCURRENT_ADMINS });
  await sleep(SETTLE_MS);
  return { session, idleRss: session.bot.rssBytes() };
}

export const footprintSuite: Suite = {
  id: 'footprint',
  title: '5. Footprint: start-up time and memory (RSS) of the bot process',
  async run({ quick, progress }) {
    const starts = quick ? 1 : 3;
    const checkpoints = quick ? [50, 100] : [250, 500, 750, 1000];
    const startRows: Cell[][] = [];

    const doctorStarts: { startupMs: number; idleRss: number }[] = [];
    for (let i = 1; i < starts; i++) {
      const { session, idleRss } = await started('doctor', progress);
      doctorStarts.push({ startupMs: session.bot.startupMs, idleRss });
      await session.stop();
    }
    const { session, idleRss } = await started('doctor', progress);
    doctorStarts.push({ startupMs: session.bot.startupMs, idleRss });
    const rssRows: Cell[][] = [[0, mib(idleRss), 0, null, null]];
    const rss: number[] = [idleRss];
    let unanswered = 0;
    try {
      let done = 0;
      for (const checkpoint of checkpoints) {
        progress(`footprint: diagnoses ${done + 1}…${checkpoint}`);
        const outcome = await closedLoop(session.timer, session.world.admins, SEED_PASTE, { pastes: checkpoint - done });
        unanswered += outcome.failures;
        done = checkpoint;
        await sleep(SETTLE_MS);
        const now = session.bot.rssBytes();
        rssRows.push([checkpoint, mib(now), mib(now - idleRss), mib(now - (rss.at(-1) ?? now)), round(outcome.latencies.length / (outcome.elapsedMs / 1000), 1)]);
        rss.push(now);
      }
    } finally {
      await session.stop();
    }
    startRows.push(['doctor (src/main.ts)', doctorStarts.length, round(median(doctorStarts.map((s) => s.startupMs)) / 1000, 2), mib(median(doctorStarts.map((s) => s.idleRss)))]);
    if (!quick) {
      const echo = await started('echo', progress);
      startRows.push(['bare framework echo', 1, round(echo.session.bot.startupMs / 1000, 2), mib(echo.idleRss)]);
      await echo.session.stop();
    }

    // rss[0] is idle, rss[i] follows checkpoints[i - 1].
    const half = Math.ceil(checkpoints.length / 2);
    const middle = rss[half] ?? idleRss;
    const last = rss.at(-1) ?? idleRss;
    const total = checkpoints.at(-1) ?? 0;
    const targets: Target[] = [
      {
        name: 'no growth',
        goal: `RSS after ${total} ≤ ${GROWTH_SLACK}× RSS after ${checkpoints[half - 1] ?? 0} diagnoses`,
        measured: `idle ${mib(idleRss)} MiB → ${mib(last)} MiB after ${total} (Δ ${mib(last - idleRss)} MiB; second half Δ ${mib(last - middle)} MiB)`,
        met: last <= middle * GROWTH_SLACK,
      },
      { name: 'every paste answered', goal: '0 diagnoses without an answer', measured: String(unanswered), met: unanswered === 0 },
    ];
    return {
      tables: [
        { title: 'Start-up (spawn → /healthz 200) and idle RSS', columns: ['process', 'starts', 'median start-up s', 'idle RSS MiB'], rows: startRows },
        { title: `RSS as diagnoses pile up (${CONCURRENT_ADMINS} admins pasting back to back)`, columns: ['diagnoses', 'RSS MiB', 'Δ idle MiB', 'Δ previous MiB', 'pastes/s'], rows: rssRows },
      ],
      targets,
      notes: [
        `RSS from /proc/{pid}/status, read ${SETTLE_MS / 1000} s after start-up or after each batch. It includes garbage V8 has not yet collected (no GC is forced: this is what the machine sees).`,
        'Start-up runs `node --import tsx src/main.ts` (TypeScript compiled on the fly, webex SDK loaded, store opened, webhooks verified); `node dist/main.js` skips the compilation.',
        'Every diagnosis is real: the SQLite store keeps each one (Re-verify, history), which is data, not a leak.',
      ],
    };
  },
};
