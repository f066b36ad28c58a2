import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_BOT_CLIENT_ID, DEMO_BOT_SECRET, SCENARIOS, startEntraStandin, type EntraStandin, type ScenarioName } from '../../src/local/standins/entra/index.js';
import { startWebexStandin, type WebexStandin } from '../../src/local/standins/webex/index.js';
import type { WebexMessage, WebexPerson, WebexRoom } from '../../src/webex/types.js';
import { projectPath } from '../../src/paths.js';

/**
 * End-to-end world: the Webex and Entra stand-ins in the test process, and the REAL bot started as its own
 * process (`node --import tsx src/main.ts`) with nothing but environment variables pointing at them — the
 * same code path as production, only the base URLs differ.
 */

export const E2E_WEBHOOK_SECRET = 'e2e-webhook-secret-9f8e7d6c5b4a';

export interface Person {
  person: WebexPerson;
  token: string;
}

export interface World {
  webex: WebexStandin;
  entra: EntraStandin;
  /** Tenant id of each scenario loaded in the Entra stand-in. */
  tenants: Partial<Record<ScenarioName, string>>;
  bot: Person;
  /** An admin in the bot's org. */
  admin: Person;
  /** A colleague in the bot's org. */
  colleague: Person;
  /** Someone from another Webex org. */
  outsider: Person;
  direct(person: Person): WebexRoom;
  group(title: string, members: Person[]): WebexRoom;
  stop(): Promise<void>;
}

export async function startWorld(options: { scenarios: ScenarioName[]; now?: Date }): Promise<World> {
  const now = options.now ?? new Date();
  const tenants = options.scenarios.map((name) => SCENARIOS[name].tenant(now));
  const entra = await startEntraStandin({ tenants, faults: options.scenarios.flatMap((name) => SCENARIOS[name].faults) });
  const webex = await startWebexStandin();
  const bot = webex.addPerson({ email: 'azure-ad-doctor@webex.bot', displayName: 'Azure AD Doctor', type: 'bot' });
  const admin = webex.addPerson({ email: 'ann.admin@contoso.example', displayName: 'Ann Admin', type: 'person' });
  const colleague = webex.addPerson({ email: 'carl.colleague@contoso.example', displayName: 'Carl Colleague', type: 'person' });
  const outsider = webex.addPerson({ email: 'oscar@fabrikam.example', displayName: 'Oscar Outsider', type: 'person', orgId: 'Y2lzY29zcGFyazovL3VzL09SR0FOSVpBVElPTi8wYjM5ZmI3OS0xYjFmLTQyNzgtOWE1Ni1hYWYyNjQ0MDYwNDk' });
  return {
    webex,
    entra,
    tenants: Object.fromEntries(options.scenarios.map((name, i) => [name, tenants[i]?.tenantId])),
    bot,
    admin,
    colleague,
    outsider,
    direct: (person) => webex.addRoom({ title: person.person.displayName, type: 'direct', members: [person.person.id, bot.person.id] }),
    group: (title, members) => webex.addRoom({ title, type: 'group', members: [...members.map((m) => m.person.id), bot.person.id] }),
    async stop() {
      await webex.stop();
      await entra.stop();
    },
  };
}

export interface BotProcess {
  port: number;
  /** Everything the process wrote (stdout + stderr), for assertions and the secrets scan. */
  output(): string;
  /** SIGTERM, then resolves with the exit code (SIGKILL after `graceMs`). */
  stop(graceMs?: number): Promise<number | null>;
  child: ChildProcess;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Environment for a bot process pointed at the world; `tenant` is the scenario the bot's own org maps to. */
export function botEnv(world: World, tenant: ScenarioName, port: number, extra: Record<string, string> = {}): Record<string, string> {
  const tenantId = world.tenants[tenant];
  if (tenantId === undefined) throw new Error(`scenario ${tenant} is not loaded in this world`);
  return {
    WEBEX_BOT_TOKEN: world.bot.token,
    WEBEX_API_URL: world.webex.url,
    WEBEX_U2C_URL: world.webex.u2cUrl,
    WEBEX_WEBHOOK_URL: `http://127.0.0.1:${port}/webex/webhook`,
    WEBEX_WEBHOOK_SECRET: E2E_WEBHOOK_SECRET,
    PORT: String(port),
    AZURE_AUTHORITY_HOST: world.entra.authorityHost,
    GRAPH_BASE_URL: world.entra.graphBaseUrl,
    AZURE_TENANT_ID: tenantId,
    AZURE_CLIENT_ID: DEMO_BOT_CLIENT_ID,
    AZURE_CLIENT_SECRET: DEMO_BOT_SECRET,
    LOG_LEVEL: 'info',
    ...extra,
  };
}

/** Starts `node --import tsx src/main.ts` and resolves once GET /healthz answers 200. */
export async function startBotProcess(env: Record<string, string>, options: { timeoutMs?: number } = {}): Promise<BotProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), 'doctor-e2e-'));
  const fullEnv: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_EXTRA_CA_CERTS: projectPath('src/local/standins/tls/ca.pem'),
    SQLITE_PATH: join(dataDir, 'doctor.sqlite'),
    ...env,
  };
  const child = spawn(process.execPath, ['--import', 'tsx', projectPath('src/main.ts')], { cwd: projectPath(), env: fullEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  // 'close', not 'exit': it comes after the last bytes of stdout/stderr, so output() holds the shutdown lines too.
  const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  const port = Number(env.PORT);
  const deadline = Date.now() + (options.timeoutMs ?? 45_000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`bot process exited early (${child.exitCode}):\n${output}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`bot process not ready after ${options.timeoutMs ?? 45_000} ms:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    port,
    child,
    output: () => output,
    async stop(graceMs = 20_000) {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
        const code = await exited;
        clearTimeout(timer);
        rmSync(dataDir, { recursive: true, force: true });
        return code;
      }
      rmSync(dataDir, { recursive: true, force: true });
      return child.exitCode;
    },
  };
}

/** Waits until the bot has posted `count` messages in the room (optionally in a thread) and returns them. */
export async function botMessages(world: World, roomId: string, count: number, options: { parentId?: string; timeoutMs?: number } = {}): Promise<WebexMessage[]> {
  const deadline = Date.now() + (options.timeoutMs ?? 20_000);
  for (;;) {
    const mine = world.webex.messages(roomId).filter((m) => m.personId === world.bot.person.id && (options.parentId === undefined || m.parentId === options.parentId));
    if (mine.length >= count) return mine;
    if (Date.now() > deadline) throw new Error(`expected ${count} bot messages in room, saw ${mine.length}: ${JSON.stringify(mine.map((m) => m.markdown ?? m.text))}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
