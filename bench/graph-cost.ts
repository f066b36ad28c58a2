import { readFileSync } from 'node:fs';
import { createTenantDoctor } from '../src/bot/doctor.js';
import { GraphConnectionPool, type GraphConnectionOptions } from '../src/graph/index.js';
import { readPaste } from '../src/intake/read-paste.js';
import { DEMO_BOT_CLIENT_ID, DEMO_BOT_SECRET, SCENARIOS, startEntraStandin, type EntraStandin, type ScenarioName } from '../src/local/standins/entra/index.js';
import { projectPath } from '../src/paths.js';
import { naiveSequentialReads } from './graph/naive-reads.js';
import type { Cell, Suite, Target } from './lib/report.js';
import { median, round } from './lib/stats.js';

/**
 * Graph cost of one diagnosis through the production path (src/bot/doctor.ts: collectTenantSnapshot →
 * runChecks → diagnose) against the Entra stand-in with LATENCY_MS added to every request (token endpoint,
 * OpenID metadata and Graph alike), side by side with the same reads done naively (bench/graph/naive-reads.ts).
 * Round trips come from the stand-in's own counters, not from the client's idea of what it sent.
 */

const LATENCY_MS = 100;
const AUDIT_DAYS = 30;
/** healthy reads the most (both rounds in full); integrationAppRemoved is the seed's case. A smoke run does the first. */
const SCENARIOS_MEASURED: ScenarioName[] = ['healthy', 'integrationAppRemoved'];

interface Run {
  tokens: number;
  roundTrips: number;
  resources: number;
  ms: number;
}

function poolFor(standin: EntraStandin): GraphConnectionPool {
  return new GraphConnectionPool(
    (tenantId): GraphConnectionOptions => ({ tenantId, clientId: DEMO_BOT_CLIENT_ID, clientSecret: DEMO_BOT_SECRET, authorityHost: standin.authorityHost, graphBaseUrl: standin.graphBaseUrl }),
  );
}

/** `work` returns the resources it read when it counts them itself; otherwise the requests inside $batch bodies are. */
async function counted(standin: EntraStandin, work: () => Promise<number | undefined>): Promise<Run> {
  standin.resetCounters();
  const started = performance.now();
  const resources = await work();
  const ms = performance.now() - started;
  const { tokenRequests, graphRequests, innerRequests } = standin.counters;
  return { tokens: tokenRequests, roundTrips: graphRequests, resources: resources ?? innerRequests, ms };
}

/** The worst counts and the median time of several runs (counts should not vary; if they do, the worst is the truth). */
function steady(runs: readonly Run[]): Run {
  return {
    tokens: Math.max(...runs.map((r) => r.tokens)),
    roundTrips: Math.max(...runs.map((r) => r.roundTrips)),
    resources: Math.max(...runs.map((r) => r.resources)),
    ms: median(runs.map((r) => r.ms)),
  };
}

export const graphCostSuite: Suite = {
  id: 'graph',
  title: `2. Graph cost per diagnosis (${LATENCY_MS} ms added to every Entra/Graph request)`,
  async run({ quick, progress }) {
    const nextRuns = quick ? 2 : 5;
    const naiveNextRuns = quick ? 1 : 3;
    const scenarios = quick ? SCENARIOS_MEASURED.slice(0, 1) : SCENARIOS_MEASURED;
    const now = new Date();
    const evidence = readPaste(readFileSync(projectPath('test/fixtures/pastes/seed-ja.txt'), 'utf8'));
    const tenants = Object.fromEntries(scenarios.map((name) => [name, SCENARIOS[name].tenant(now)]));
    const standin = await startEntraStandin({ tenants: Object.values(tenants) });
    const rows: Cell[][] = [];
    const targets: Target[] = [];
    try {
      standin.setFaults([{ latencyMs: LATENCY_MS }]);
      for (const name of scenarios) {
        const tenantId = tenants[name]?.tenantId ?? '';
        progress(`graph cost: ${name}`);
        const pool = poolFor(standin);
        const doctor = createTenantDoctor({ pool, defaultLoginHost: standin.authorityHost, auditDays: AUDIT_DAYS, now: () => new Date() });
        const diagnoseOnce = async (): Promise<undefined> => {
          const diagnosis = await doctor.diagnose(tenantId, evidence);
          // Timing a diagnosis that could not read the tenant would time the wrong thing.
          if (diagnosis.blindSpots.length > 0) throw new Error(`${name}: the diagnosis has blind spots; the stand-in did not answer every read`);
        };
        const batchedFirst = await counted(standin, diagnoseOnce);
        const batchedNext = steady(await sequence(nextRuns, () => counted(standin, diagnoseOnce)));

        const naivePool = poolFor(standin);
        const naive = async (): Promise<number> => (await naiveSequentialReads(naivePool.get(tenantId), { now: new Date(), auditDays: AUDIT_DAYS })).requests;
        const naiveFirst = await counted(standin, naive);
        const naiveNext = steady(await sequence(naiveNextRuns, () => counted(standin, naive)));

        const row = (run: string, method: string, r: Run): Cell[] => [name, run, method, r.tokens, r.roundTrips, r.resources, round(r.ms, 0), round(r.ms / LATENCY_MS, 2)];
        rows.push(
          row('first', 'doctor ($batch)', batchedFirst),
          row(`next (median of ${nextRuns})`, 'doctor ($batch)', batchedNext),
          row('first', 'naive sequential GETs', naiveFirst),
          row(`next (median of ${naiveNextRuns})`, 'naive sequential GETs', naiveNext),
        );
        if (batchedNext.resources !== naiveNext.resources) {
          throw new Error(`${name}: the naive baseline read ${naiveNext.resources} resources, the doctor ${batchedNext.resources}: not the same reads`);
        }
        targets.push(
          { name: `${name}: token once`, goal: '1 token request on the first diagnosis, 0 after', measured: `${batchedFirst.tokens}, then ${batchedNext.tokens}`, met: batchedFirst.tokens === 1 && batchedNext.tokens === 0 },
          { name: `${name}: round trips`, goal: '≤ 2 Graph round trips per diagnosis', measured: `${batchedFirst.roundTrips} first, ${batchedNext.roundTrips} next (naive: ${naiveNext.roundTrips})`, met: Math.max(batchedFirst.roundTrips, batchedNext.roundTrips) <= 2 },
          { name: `${name}: wall time`, goal: `next diagnosis < 2.5 × ${LATENCY_MS} ms`, measured: `${round(batchedNext.ms, 0)} ms = ${round(batchedNext.ms / LATENCY_MS, 2)}× (naive ${round(naiveNext.ms / LATENCY_MS, 1)}×, ${round(naiveNext.ms / batchedNext.ms, 1)}× slower)`, met: batchedNext.ms < 2.5 * LATENCY_MS },
        );
      }
    } finally {
      await standin.stop();
    }
    return {
      tables: [{ title: 'Per diagnosis: stand-in counters and wall time', columns: ['scenario', 'diagnosis', 'method', 'token req', 'Graph round trips', 'resources read', 'wall ms', 'wall ÷ latency'], rows }],
      targets,
      notes: [
        'Round trips = HTTP requests to /v1.0 seen by the stand-in (a $batch counts once); resources read = requests inside the batches (doctor) or GETs (naive). The two must match, or the bench fails.',
        'The first diagnosis also fetches the tenant\'s OpenID metadata and a token (each with the added latency); the wall-time target is for the steady state, the next diagnoses.',
        'integrationAppRemoved needs no second round for the Integration app (it is gone), only for the provisioning app\'s jobs.',
      ],
    };
  },
};

async function sequence<T>(count: number, run: () => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  for (let i = 0; i < count; i++) results.push(await run());
  return results;
}
