import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { createInterface } from 'node:readline';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DEMO_BOT_CLIENT_ID, DEMO_BOT_SECRET } from '../../src/local/standins/entra/index.js';
import { LOCAL_CA_PATH } from '../../src/local/trust-local-ca.js';
import { projectPath } from '../../src/paths.js';
import { HEAP_PROBE_MARKER, type MemorySample } from './heap-probe-marker.js';
import type { BenchWorld } from './world.js';

/**
 * Bots under test run as their own processes, each with nothing but environment variables pointing at the
 * world: the real bot is `src/main.ts` (production's code path), the echo is bench/bot/echo-main.ts. Their own
 * process means their own event loop, their own RSS, and one Webex SDK per process as the SDK requires.
 */

export const BENCH_WEBHOOK_SECRET = 'bench-webhook-secret-5e4d3c2b1a09';
/** Generous enough that the limiter never refuses a benchmark paste: the limiter is not what is measured. */
const NO_RATE_LIMIT = '1000000';
const OUTPUT_TAIL_BYTES = 64 * 1024;
const PROBE_TIMEOUT_MS = 15_000;

export interface BotProcess {
  pid: number;
  port: number;
  /** Spawn → first 200 from GET /healthz. */
  startupMs: number;
  /** Resident set size now, from /proc/{pid}/status. */
  rssBytes(): number;
  /** Memory usage right after a full GC in the process (bench/bot/heap-probe.ts). */
  memoryAfterGc(): Promise<MemorySample>;
  /** The last 64 KiB the process wrote, for error messages. */
  outputTail(): string;
  stop(): Promise<void>;
}

const live = new Set<ChildProcess>();
// A bench that crashes must not leave bots running on a shared machine.
process.once('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

function webexEnv(world: BenchWorld, port: number): Record<string, string> {
  return {
    WEBEX_BOT_TOKEN: world.bot.token,
    WEBEX_API_URL: world.webex.url,
    WEBEX_U2C_URL: world.webex.u2cUrl,
    WEBEX_WEBHOOK_URL: `http://127.0.0.1:${port}/webex/webhook`,
    WEBEX_WEBHOOK_SECRET: BENCH_WEBHOOK_SECRET,
    PORT: String(port),
    // Production's default level: its cost is part of the bot's.
    LOG_LEVEL: 'info',
  };
}

export async function startDoctorProcess(world: BenchWorld): Promise<BotProcess> {
  const port = await freePort();
  return launch(projectPath('src/main.ts'), port, {
    ...webexEnv(world, port),
    AZURE_AUTHORITY_HOST: world.entra.authorityHost,
    GRAPH_BASE_URL: world.entra.graphBaseUrl,
    AZURE_TENANT_ID: world.tenantId,
    AZURE_CLIENT_ID: DEMO_BOT_CLIENT_ID,
    AZURE_CLIENT_SECRET: DEMO_BOT_SECRET,
    RATE_LIMIT_PER_PERSON_PER_MINUTE: NO_RATE_LIMIT,
    RATE_LIMIT_PER_TENANT_PER_MINUTE: NO_RATE_LIMIT,
  });
}

export async function startEchoProcess(world: BenchWorld): Promise<BotProcess> {
  const port = await freePort();
  return launch(projectPath('bench/bot/echo-main.ts'), port, webexEnv(world, port));
}

function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status)?.[1];
  if (kib === undefined) throw new Error(`no VmRSS in /proc/${pid}/status`);
  return Number(kib) * 1024;
}

async function launch(script: string, port: number, env: Record<string, string>): Promise<BotProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), 'doctor-bench-'));
  const started = performance.now();
  const probe = pathToFileURL(projectPath('bench/bot/heap-probe.ts')).href;
  const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', '--import', probe, script], {
    cwd: projectPath(),
    env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_EXTRA_CA_CERTS: LOCAL_CA_PATH, SQLITE_PATH: join(dataDir, 'doctor.sqlite'), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  live.add(child);
  let tail = '';
  const keep = (chunk: Buffer): void => {
    tail = (tail + chunk.toString('utf8')).slice(-OUTPUT_TAIL_BYTES);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const probeWaiters: Array<(sample: MemorySample) => void> = [];
  if (child.stderr) {
    createInterface({ input: child.stderr }).on('line', (line) => {
      if (line.startsWith(HEAP_PROBE_MARKER)) probeWaiters.shift()?.(JSON.parse(line.slice(HEAP_PROBE_MARKER.length)) as MemorySample);
    });
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const cleanUp = (): void => {
    live.delete(child);
    rmSync(dataDir, { recursive: true, force: true });
  };

  const deadline = started + 90_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      cleanUp();
      throw new Error(`${script} exited during start-up:\n${tail}`);
    }
    if (await healthy(port)) break;
    if (performance.now() > deadline) {
      child.kill('SIGKILL');
      await exited;
      cleanUp();
      throw new Error(`${script} not ready after 90 s:\n${tail}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  const startupMs = performance.now() - started;
  const pid = child.pid;
  if (pid === undefined) throw new Error(`${script} has no pid`);

  return {
    pid,
    port,
    startupMs,
    rssBytes: () => rssOf(pid),
    memoryAfterGc: () =>
      new Promise((resolve, reject) => {
        const waiter = (sample: MemorySample): void => {
          clearTimeout(timer);
          resolve(sample);
        };
        const timer = setTimeout(() => {
          probeWaiters.splice(probeWaiters.indexOf(waiter), 1);
          reject(new Error(`${script}: no heap probe answer within ${PROBE_TIMEOUT_MS} ms`));
        }, PROBE_TIMEOUT_MS);
        probeWaiters.push(waiter);
        child.kill('SIGUSR2');
      }),
    outputTail: () => tail,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
        await exited;
        clearTimeout(timer);
      }
      cleanUp();
    },
  };
}

async function healthy(port: number): Promise<boolean> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(2_000) });
    await res.arrayBuffer();
    return res.status === 200;
  } catch {
    return false;
  }
}
