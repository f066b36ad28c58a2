/**
 * The benchmarks: `npm run bench` (full, ~10 min on 2 cores), `-- --quick` (smoke, < 1 min), `-- --only graph,bot`.
 * Prints a table to stdout (progress to stderr) and writes JSON: bench/results/latest.json for a full run,
 * bench/results/*.tmp.json (git-ignored) otherwise. Everything runs on 127.0.0.1 against the local stand-ins.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { LOCAL_CA_PATH, isLocalCaTrusted } from '../src/local/trust-local-ca.js';
import { projectPath } from '../src/paths.js';
import { botOverheadSuite } from './bot-overhead.js';
import { footprintSuite } from './footprint.js';
import { graphCostSuite } from './graph-cost.js';
import { defaultOutPath, parseArgs, UsageError } from './lib/args.js';
import { describeMachine, loadAverageNow } from './lib/machine.js';
import type { Suite, SuiteResult } from './lib/report.js';
import { renderHeader, renderSuite } from './lib/table.js';
import { pasteReaderSuite } from './paste-reader.js';
import { throughputSuite } from './throughput.js';

const SUITES: Suite[] = [pasteReaderSuite, graphCostSuite, botOverheadSuite, throughputSuite, footprintSuite];
const RELAUNCHED = 'AZURE_AD_DOCTOR_BENCH_CA_RELAUNCHED';

interface FailedSuite {
  id: string;
  title: string;
  error: string;
}

/**
 * Node reads NODE_EXTRA_CA_CERTS only at start-up, and the Entra stand-in speaks HTTPS with a local CA: when
 * started without it (`node --import tsx bench/run.ts`), run this same program again with it set.
 */
function relaunchWithLocalCa(): Promise<number> {
  const child = spawn(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
    env: { ...process.env, NODE_EXTRA_CA_CERTS: LOCAL_CA_PATH, [RELAUNCHED]: '1' },
    stdio: 'inherit',
  });
  return new Promise((resolveExit) => child.once('exit', (code) => resolveExit(code ?? 1)));
}

async function main(): Promise<number> {
  if (!isLocalCaTrusted()) {
    if (process.env[RELAUNCHED] === '1') throw new Error(`re-launched with NODE_EXTRA_CA_CERTS=${LOCAL_CA_PATH} and still not trusted`);
    return relaunchWithLocalCa();
  }
  const ids = SUITES.map((s) => s.id);
  const args = parseArgs(process.argv.slice(2), ids);
  const selected = SUITES.filter((s) => args.only === undefined || args.only.includes(s.id));
  const machine = describeMachine();
  const mode = args.quick ? 'quick' : 'full';
  console.log(renderHeader(machine, mode));

  const results: SuiteResult[] = [];
  const failed: FailedSuite[] = [];
  for (const suite of selected) {
    const started = performance.now();
    process.stderr.write(`[bench] ${suite.title}\n`);
    try {
      const outcome = await suite.run({ quick: args.quick, progress: (line) => process.stderr.write(`[bench]   ${line}\n`) });
      const result: SuiteResult = { id: suite.id, title: suite.title, durationMs: Math.round(performance.now() - started), ...outcome };
      results.push(result);
      console.log(renderSuite(result));
    } catch (error) {
      // One broken suite must not hide the others' numbers; the run still fails at the end.
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      failed.push({ id: suite.id, title: suite.title, error: message });
      console.log(`\n## ${suite.title}\n  FAILED: ${message}`);
    }
  }

  const out = resolve(projectPath(), args.out ?? defaultOutPath(args, ids));
  mkdirSync(dirname(out), { recursive: true });
  const targets = results.flatMap((r) => r.targets);
  const loadAverageAtEnd = loadAverageNow();
  const summary = { targets: targets.length, met: targets.filter((t) => t.met).length, failedSuites: failed.map((f) => f.id) };
  writeFileSync(out, `${JSON.stringify({ mode, machine: { ...machine, loadAverageAtEnd }, suites: results, failed, summary }, null, 2)}\n`);
  console.log(`\nLoad average at the end: ${loadAverageAtEnd.join(' / ')} (1/5/15 min)`);
  console.log(`Targets met: ${summary.met}/${summary.targets}${failed.length > 0 ? `; FAILED suites: ${failed.map((f) => f.id).join(', ')}` : ''}`);
  console.log(`Results: ${out}`);
  return failed.length > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof UsageError ? error.message : error);
    process.exit(error instanceof UsageError ? 2 : 1);
  },
);
