import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderWatchReply } from '../../src/cards/render-plain.js';
import { applyCardFix } from '../../src/local/demo-tenant.js';
import { integrationSpId, softDeleteServicePrincipal } from '../../src/local/standins/entra/index.js';
import { projectPath } from '../../src/paths.js';
import type { WebexMessage, WebexRoom } from '../../src/webex/types.js';
import { cardProblems } from '../cards/validate-card.js';
import { botEnv, freePort, startBotProcess, type BotProcess, startWorld, type World } from '../support/bot-process.js';
import { cardOf, reverifyOf, spacesReady, Transcript } from './support.js';

/**
 * The watch end to end (issue 9): the REAL bot process against the Webex and Entra stand-ins, on a schedule
 * made fast by its settings (a run every 3 s, a follow-up every 2 s). Someone deletes the Integration app in a
 * watched tenant: one alert, never repeated, not even by a new process on the same database; it comes back: one
 * recovery. After a consent link, the fix is announced in the thread without anyone pressing Re-verify.
 */

const FAST_WATCH = { WATCH_INTERVAL_MINUTES: '0.05', WATCH_FOLLOWUP_EVERY_SECONDS: '2', WATCH_FOLLOWUP_FOR_MINUTES: '1' };
const seedJa = readFileSync(projectPath('test/fixtures/pastes/seed-ja.txt'), 'utf8');

/** The headline of a watch message: its card's first TextBlock (where renderWatchEvent puts it). */
function headline(message: WebexMessage): string {
  const body = cardOf(message)?.body;
  const first = Array.isArray(body) ? (body[0] as { type?: string; text?: string } | undefined) : undefined;
  return first?.type === 'TextBlock' ? (first.text ?? '') : '';
}

const isAlert = (m: WebexMessage): boolean => headline(m).includes('Watch alert');
const isRecovery = (m: WebexMessage): boolean => headline(m).includes('Recovered');

/** Start of the tenant's last completed watch run, as the bot stored it (undefined before the first, or once unwatched). */
function lastRunAt(sqlitePath: string, tenantId: string): string | undefined {
  const db = new Database(sqlitePath, { readonly: true, fileMustExist: true });
  try {
    const row = db.prepare('SELECT state_json FROM watch_state WHERE tenant_id = ?').get(tenantId) as { state_json: string } | undefined;
    return row === undefined ? undefined : (JSON.parse(row.state_json) as { lastRunAt?: string }).lastRunAt;
  } finally {
    db.close();
  }
}

/** Waits until the bot has completed `count` more watch runs of the tenant (so "nothing was said" means something). */
async function runsCompleted(sqlitePath: string, tenantId: string, count: number, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = lastRunAt(sqlitePath, tenantId);
  let seen = 0;
  while (seen < count) {
    if (Date.now() > deadline) throw new Error(`saw ${seen} of ${count} watch runs within ${timeoutMs} ms`);
    await delay(150);
    const now = lastRunAt(sqlitePath, tenantId);
    if (now !== undefined && now !== last) seen += 1;
    last = now;
  }
}

describe('watch: a healthy tenant loses its Integration app, and gets it back', () => {
  let world: World;
  let bot: BotProcess | undefined;
  let transcript: Transcript;
  let dataDir: string;
  let sqlitePath: string;
  let env: Record<string, string>;
  let room: WebexRoom;
  let tenantId: string;

  /** Everything the bot said in the admin's 1:1 space since `since`. */
  const saidSince = (since: number): WebexMessage[] => transcript.bot({ since, roomId: room.id });

  async function say(text: string, reply: (m: WebexMessage) => boolean, what: string): Promise<WebexMessage> {
    const since = transcript.mark();
    const sent = world.webex.postAs(world.admin.token, { roomId: room.id, text });
    return transcript.waitForBot((m) => m.roomId === room.id && m.parentId === sent.id && reply(m), { since, timeoutMs: 10_000, what });
  }

  beforeAll(async () => {
    world = await startWorld({ scenarios: ['healthy'] });
    tenantId = world.tenants.healthy ?? '';
    transcript = new Transcript(world);
    dataDir = mkdtempSync(join(tmpdir(), 'doctor-e2e-watch-'));
    sqlitePath = join(dataDir, 'doctor.sqlite');
    env = botEnv(world, 'healthy', await freePort(), { ...FAST_WATCH, SQLITE_PATH: sqlitePath });
    bot = await startBotProcess(env);
    room = world.direct(world.admin);
    await spacesReady(world);
  });

  afterAll(async () => {
    transcript?.dispose();
    await bot?.stop();
    await world?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('`watch` is confirmed, and after the first run `status` lists the tenant and its passing checks', async () => {
    const watching = renderWatchReply({ kind: 'watching' }, 'en').markdown;
    await say('watch', (m) => m.markdown === watching, 'confirming the watch');
    await runsCompleted(sqlitePath, tenantId, 1);

    const status = await say('status', (m) => (m.markdown ?? '').startsWith('**Watching**'), 'with the watch status');
    const markdown = status.markdown ?? '';
    expect(markdown).toContain('checks every 0.05 minutes');
    expect(markdown).toContain(`Tenant ${tenantId}`);
    expect(markdown).not.toContain('Last run: not yet');
    const checks = markdown.split('\n').filter((line) => line.startsWith('- '));
    expect(checks.length).toBeGreaterThanOrEqual(5);
    for (const line of checks) expect(line).toMatch(/^- ✅ /);
    // A healthy first run is a baseline: nothing to alert about.
    expect(transcript.bot({ roomId: room.id }).filter(isAlert)).toEqual([]);
  }, 30_000);

  it('the Integration app deleted: exactly one alert within ~10 s, a valid card naming the change, not repeated by later runs', async () => {
    const since = transcript.mark();
    const live = world.entra.tenant(tenantId);
    if (!live) throw new Error('tenant not in the stand-in');
    softDeleteServicePrincipal(live, integrationSpId(tenantId), new Date().toISOString());

    const alert = await transcript.waitForBot((m) => m.roomId === room.id && isAlert(m), { since, timeoutMs: 10_000, what: 'with a watch alert' });
    const card = cardOf(alert) ?? {};
    expect(cardProblems(card)).toEqual([]);
    expect(headline(alert)).toContain(tenantId);
    const json = JSON.stringify(card);
    expect(json).toContain('Cisco Webex Identity Integration');
    expect(json).toContain(`/${tenantId}/adminconsent?client_id=`);
    expect(reverifyOf(alert)).toBeDefined();
    expect(alert.markdown).toContain('Watch alert');

    await runsCompleted(sqlitePath, tenantId, 2);
    expect(saidSince(since)).toEqual([alert]);
  }, 30_000);

  it('a restart on the same SQLITE_PATH does not repeat the alert, and still sees the recovery: exactly one', async () => {
    const since = transcript.mark();
    expect(await bot?.stop()).toBe(0);
    bot = await startBotProcess(env);
    await runsCompleted(sqlitePath, tenantId, 2);
    expect(saidSince(since)).toEqual([]);

    const deleted = world.entra.tenant(tenantId)?.deletedServicePrincipals.find((d) => d.servicePrincipal.id === integrationSpId(tenantId));
    expect(deleted && world.entra.restoreDeleted(deleted.servicePrincipal.id)).toBeDefined();
    const recovery = await transcript.waitForBot((m) => m.roomId === room.id && isRecovery(m), { since, timeoutMs: 10_000, what: 'with a recovery' });
    expect(cardProblems(cardOf(recovery) ?? {})).toEqual([]);
    expect(headline(recovery)).toContain('back to normal');

    await runsCompleted(sqlitePath, tenantId, 1);
    expect(saidSince(since)).toEqual([recovery]);
  }, 40_000);

  it('`unwatch`: no more runs and no more posts, even when the tenant breaks again', async () => {
    const unwatched = renderWatchReply({ kind: 'unwatched' }, 'en').markdown;
    await say('unwatch', (m) => m.markdown === unwatched, 'confirming the unwatch');
    const since = transcript.mark();
    const graphBefore = world.entra.counters.graphRequests;
    const live = world.entra.tenant(tenantId);
    if (!live) throw new Error('tenant not in the stand-in');
    softDeleteServicePrincipal(live, integrationSpId(tenantId), new Date().toISOString());

    await delay(6_500); // two intervals and then some
    expect(saidSince(since)).toEqual([]);
    expect(world.entra.counters.graphRequests).toBe(graphBefore);
    expect(lastRunAt(sqlitePath, tenantId)).toBeUndefined();
  }, 20_000);
});

describe('follow-up: a consent link handed out, the fix announced in its thread without Re-verify', () => {
  let world: World;
  let bot: BotProcess | undefined;
  let transcript: Transcript;
  let room: WebexRoom;
  let tenantId: string;
  let dataDir: string;
  let sqlitePath: string;

  beforeAll(async () => {
    world = await startWorld({ scenarios: ['integrationAppRemoved'] });
    tenantId = world.tenants.integrationAppRemoved ?? '';
    transcript = new Transcript(world);
    dataDir = mkdtempSync(join(tmpdir(), 'doctor-e2e-followup-'));
    sqlitePath = join(dataDir, 'doctor.sqlite');
    bot = await startBotProcess(botEnv(world, 'integrationAppRemoved', await freePort(), { ...FAST_WATCH, SQLITE_PATH: sqlitePath }));
    room = world.direct(world.admin);
    await spacesReady(world);
  });

  afterAll(async () => {
    transcript?.dispose();
    await bot?.stop();
    await world?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('the seed → the diagnosis with the consent link → the fix applied → "the fix landed" once, in the same thread', async () => {
    const paste = world.webex.postAs(world.admin.token, { roomId: room.id, text: seedJa });
    const diagnosis = await transcript.waitForCard({ roomId: room.id, parentId: paste.id, timeoutMs: 15_000 });
    expect(JSON.stringify(cardOf(diagnosis))).toContain(`/${tenantId}/adminconsent?client_id=`);

    // Nothing is announced while the tenant is still broken.
    await runsCompleted(sqlitePath, tenantId, 2, 10_000);
    expect(transcript.bot({ roomId: room.id, parentId: paste.id }).filter((m) => m.id !== diagnosis.id && headline(m) !== '')).toEqual([]);

    const since = transcript.mark();
    expect(applyCardFix(world.entra, tenantId).restored).toBe(true);
    const landed = await transcript.waitForBot((m) => m.roomId === room.id && headline(m).includes('修正を確認しました'), { since, timeoutMs: 10_000, what: 'announcing the fix' });
    expect(landed.parentId).toBe(paste.id);
    expect(cardProblems(cardOf(landed) ?? {})).toEqual([]);
    expect(headline(landed)).toContain(tenantId);

    // The close watch has ended: no more follow-up runs, so nothing more can be said.
    const graphAfter = world.entra.counters.graphRequests;
    await delay(3_000); // more than a follow-up period
    expect(world.entra.counters.graphRequests).toBe(graphAfter);
    expect(transcript.bot({ since, roomId: room.id })).toEqual([landed]);
  }, 45_000);
});
