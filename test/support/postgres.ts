import { execFile, execFileSync } from 'node:child_process';
import { accessSync, chownSync, constants, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

/**
 * A real, throwaway PostgreSQL server for one test file: initdb into a fresh temp folder, start it on a
 * free 127.0.0.1 port (unix sockets stay in the temp folder), hand out fresh databases, and on `stop()`
 * shut it down and delete everything. initdb refuses to run as root, so as root the binaries run as the
 * `postgres` user. Durability is switched off: the data is thrown away anyway and the suite runs faster.
 */

const run = promisify(execFile);
const NEEDED = ['initdb', 'pg_ctl', 'postgres'];

export interface PostgresServer {
  /**
   * The connection URL (trust auth, no password) of a new, empty schema, set as the connection's
   * search_path: as good as a fresh database for code that does not qualify table names, and about a
   * hundred times quicker to make than CREATE DATABASE (which copies a template, ~0.35 s a time).
   */
  freshSchema(): Promise<string>;
  stop(): Promise<void>;
}

export type PostgresAvailability = { available: true; binDir: string } | { available: false; reason: string; mustFail: boolean };

/** Where the server binaries are, or why the suite cannot run (and whether that is a failure: in CI it is). */
export function postgresAvailability(env: NodeJS.ProcessEnv = process.env): PostgresAvailability {
  const binDir = findBinDir(env.PATH ?? '');
  if (binDir !== undefined) return { available: true, binDir };
  return {
    available: false,
    reason: `PostgreSQL server binaries (${NEEDED.join(', ')}) not found under /usr/lib/postgresql/*/bin or on PATH; install the postgresql package`,
    mustFail: Boolean(env.CI),
  };
}

export async function startPostgres(): Promise<PostgresServer> {
  const availability = postgresAvailability();
  if (!availability.available) throw new Error(availability.reason);
  const { binDir } = availability;
  const dir = mkdtempSync(join(tmpdir(), 'aad-doctor-pg-'));
  const runAs = ownedByServerUser(dir);
  const dataDir = join(dir, 'data');
  const logFile = join(dir, 'server.log');
  const bin = (name: string): string => join(binDir, name);
  const ctl = (...args: string[]): [string, string[]] => runAs(bin('pg_ctl'), args);

  let stopped = false;
  const stopNow = (): void => {
    if (stopped) return;
    stopped = true;
    try {
      execFileSync(...ctl('-D', dataDir, '-m', 'immediate', '-w', 'stop'), { stdio: 'ignore' });
    } catch {
      // Not running: it never started, or is already gone. Either way the folder can go.
    }
    rmSync(dir, { recursive: true, force: true });
  };
  // A crashed or interrupted test run must not leave a server behind.
  process.once('exit', stopNow);

  try {
    await run(...runAs(bin('initdb'), ['-D', dataDir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']));
    const port = await startOnFreePort(ctl, dataDir, dir, logFile);
    const adminUrl = `postgresql://postgres@127.0.0.1:${port}/postgres`;
    let schemas = 0;
    return {
      async freshSchema() {
        const name = `test_${++schemas}`;
        const admin = new pg.Client({ connectionString: adminUrl });
        await admin.connect();
        try {
          await admin.query(`CREATE SCHEMA ${name}`);
        } finally {
          await admin.end();
        }
        return `${adminUrl}?options=${encodeURIComponent(`-c search_path=${name}`)}`;
      },
      async stop() {
        process.removeListener('exit', stopNow);
        stopNow();
      },
    };
  } catch (error) {
    process.removeListener('exit', stopNow);
    stopNow();
    throw error;
  }
}

async function startOnFreePort(
  ctl: (...args: string[]) => [string, string[]],
  dataDir: string,
  socketDir: string,
  logFile: string,
): Promise<number> {
  // Another process may take the port between our probe and the server's bind: try a few.
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const settings = [
      `-p ${port}`,
      `-k ${socketDir}`,
      '-c listen_addresses=127.0.0.1',
      '-c fsync=off',
      '-c synchronous_commit=off',
      '-c full_page_writes=off',
      '-c shared_buffers=16MB',
      '-c max_connections=50',
    ].join(' ');
    try {
      await run(...ctl('-D', dataDir, '-l', logFile, '-o', settings, '-w', '-t', '30', 'start'));
      return port;
    } catch (error) {
      if (attempt >= 3) {
        const log = existsSync(logFile) ? readFileSync(logFile, 'utf8').slice(-2000) : '(no log)';
        throw new Error(`PostgreSQL did not start: ${String(error)}\n${log}`);
      }
    }
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** As root: gives `dir` to the postgres user and runs commands as that user; otherwise runs them as is. */
function ownedByServerUser(dir: string): (command: string, args: string[]) => [string, string[]] {
  if (process.getuid?.() !== 0) return (command, args) => [command, args];
  const id = (flag: string): number => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  chownSync(dir, id('-u'), id('-g'));
  return (command, args) => ['runuser', ['-u', 'postgres', '--', command, ...args]];
}

function findBinDir(pathVariable: string): string | undefined {
  const root = '/usr/lib/postgresql';
  const versioned = existsSync(root)
    ? readdirSync(root)
        .filter((v) => /^\d+(\.\d+)?$/.test(v))
        .sort((a, b) => Number(b) - Number(a))
        .map((v) => join(root, v, 'bin'))
    : [];
  return [...versioned, ...pathVariable.split(delimiter).filter(Boolean)].find((dir) =>
    NEEDED.every((name) => isExecutable(join(dir, name))),
  );
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
