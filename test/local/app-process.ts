import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectPath } from '../../src/paths.js';

/** `npm start` as a new user runs it: `node --import tsx src/main.ts`, no Webex token, no Azure settings. */
export interface AppProcess {
  url: string;
  port: number;
  /** Everything the program printed so far (stdout and stderr), for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

const READY = /Azure AD Doctor \(local mode\) ready: (http:\/\/localhost:\d+)/;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Settings a developer's shell might carry that would change what local mode does. */
const UNSET = /^(WEBEX_|AZURE_|TENANT_MAP|ALLOWED_|DATABASE_URL|GRAPH_BASE_URL|NODE_EXTRA_CA_CERTS|AZURE_AD_DOCTOR_)/;

export async function startAppProcess(options: { readyTimeoutMs?: number } = {}): Promise<AppProcess> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'doctor-local-'));
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined && !UNSET.test(key)) env[key] = value;
  // Without NODE_EXTRA_CA_CERTS, as from a fresh shell: local mode must re-launch itself to trust the demo CA.
  Object.assign(env, { PORT: String(port), SQLITE_PATH: join(dataDir, 'doctor.sqlite'), LOG_LEVEL: 'warn' });
  // Its own process group, so a last-resort kill also reaches the re-launched child.
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', projectPath('src/main.ts')], { cwd: projectPath(), env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  const exited = once(child, 'exit');
  const ready = new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      const match = READY.exec(output);
      if (match?.[1] !== undefined) resolve(match[1]);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then(([code]) => reject(new Error(`local mode exited (${String(code)}) before it was ready:\n${output}`)));
    setTimeout(() => reject(new Error(`local mode was not ready after ${options.readyTimeoutMs ?? 60_000} ms:\n${output}`)), options.readyTimeoutMs ?? 60_000).unref();
  });

  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => process.kill(-(child.pid as number), 'SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    const url = await ready;
    return { url, port, output: () => output, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
