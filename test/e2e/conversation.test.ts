import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHelp, renderNeedMore } from '../../src/cards/index.js';
import { readPaste } from '../../src/intake/read-paste.js';
import { applyCardFix } from '../../src/local/demo-tenant.js';
import { projectPath } from '../../src/paths.js';
import type { WebexMessage, WebexRoom, WebhookEvent } from '../../src/webex/types.js';
import { cardProblems } from '../cards/validate-card.js';
import { DEMO_BOT_SECRET } from '../../src/local/standins/entra/index.js';
import { botEnv, E2E_WEBHOOK_SECRET, freePort, startBotProcess, startWorld, type BotProcess, type World } from '../support/bot-process.js';
import { cardOf, mentioning, postWebhook, reverifyOf, spacesReady, Transcript, visibleText } from './support.js';

/**
 * The bot as an admin meets it (issue "The Webex bot"): the REAL bot process against the Webex and Entra
 * stand-ins, one process for the whole file, the Integration app removed from the tenant yesterday.
 */

const seedJa = readFileSync(projectPath('test/fixtures/pastes/seed-ja.txt'), 'utf8');
// Webex refuses messages above 7,439 bytes and the whole French page is 7,625: the admin pastes it from its introduction on.
const seedFr = (() => {
  const whole = readFileSync(projectPath('test/fixtures/pastes/seed-fr.txt'), 'utf8');
  return whole.slice(whole.indexOf('Ce document décrit'));
})();
const BARE_TRACKING_ID = 'ATLAS_497d70df-8811-4b6b-9b6a-ef4f438b57f6_136';
const INTEGRATION_APP_ID = '90db942a-c1eb-4e8d-82e4-eebf64a7e2ae';

describe('the real bot process, the Integration app removed yesterday', () => {
  let world: World;
  let bot: BotProcess;
  let transcript: Transcript;
  let adminDirect: WebexRoom;
  let team: WebexRoom;
  let colleagueDirect: WebexRoom;
  let tenantId: string;
  let webhookUrl: string;

  beforeAll(async () => {
    world = await startWorld({ scenarios: ['integrationAppRemoved'] });
    tenantId = world.tenants.integrationAppRemoved ?? '';
    transcript = new Transcript(world);
    const port = await freePort();
    webhookUrl = `http://127.0.0.1:${port}/webex/webhook`;
    // A generous limit: this file asks more often than an admin would, and the limit has its own test (partner.test.ts).
    bot = await startBotProcess(botEnv(world, 'integrationAppRemoved', port, { RATE_LIMIT_PER_PERSON_PER_MINUTE: '60' }));
    adminDirect = world.direct(world.admin);
    team = world.group('Identity team', [world.admin, world.colleague]);
    colleagueDirect = world.direct(world.colleague);
    await spacesReady(world);
  });

  afterAll(async () => {
    transcript?.dispose();
    await bot?.stop();
    await world?.stop();
  });

  /** The "checking" note and then the card, both in the paste's thread. */
  async function answerTo(paste: WebexMessage): Promise<{ checking: WebexMessage; card: WebexMessage }> {
    const card = await transcript.waitForCard({ roomId: paste.roomId, parentId: paste.id });
    const [checking] = transcript.bot({ roomId: paste.roomId, parentId: paste.id });
    if (!checking) throw new Error('no checking note');
    return { checking, card };
  }

  it('answers the Japanese seed in a 1:1 space in its thread: a valid 1.3 card with the cause, the remover and a tenant-scoped consent link, and a Markdown fallback, in Japanese', async () => {
    const paste = world.webex.postAs(world.admin.token, { roomId: adminDirect.id, text: seedJa });
    const { checking, card: answer } = await answerTo(paste);
    expect(checking.markdown).toContain('テナントを確認しています');
    expect(checking.attachments ?? []).toHaveLength(0);

    const card = cardOf(answer) ?? {};
    expect(card.version).toBe('1.3');
    expect(card.lang).toBe('ja');
    expect(cardProblems(card)).toEqual([]);
    const json = JSON.stringify(card);
    expect(json).toContain(`/${tenantId}/adminconsent?client_id=${INTEGRATION_APP_ID}`);
    expect(json).toContain('admin@contoso.com');
    expect(reverifyOf(answer)?.diagnosisId).toMatch(/\S/);

    // Clients that cannot show cards show the Markdown: it must carry the cause and the fix on its own.
    expect(answer.markdown).toContain('削除');
    expect(answer.markdown).toContain(`/${tenantId}/adminconsent?client_id=${INTEGRATION_APP_ID}`);
  });

  it('answers the French seed pasted with an @mention in a group space, in French, in its thread', async () => {
    const paste = world.webex.postAs(world.admin.token, { roomId: team.id, markdown: mentioning(world, seedFr) });
    const { checking, card: answer } = await answerTo(paste);
    expect(checking.markdown).toContain('Vérification de votre tenant');
    const card = cardOf(answer) ?? {};
    expect(card.lang).toBe('fr');
    expect(cardProblems(card)).toEqual([]);
    expect(JSON.stringify(card)).toContain('Revérifier');
    expect(JSON.stringify(card)).toContain(`/${tenantId}/adminconsent`);
  });

  it('stays silent in a group space when nobody mentions it, even when Webex tells it about the message', async () => {
    // Webex only tells bots about messages that mention them; hearing everything proves the bot's own filter.
    world.webex.configureDelivery({ botsHearAllGroupMessages: true });
    try {
      const since = transcript.mark();
      const paste = world.webex.postAs(world.admin.token, { roomId: team.id, text: seedFr });
      await transcript.settle();
      const delivered = world.webex.deliveries.filter((d) => d.dataId === paste.id && d.targetUrl === webhookUrl);
      expect(delivered.map((d) => d.outcome)).toContain(200);
      expect(transcript.bot({ since })).toEqual([]);
    } finally {
      world.webex.configureDelivery({ botsHearAllGroupMessages: false });
    }
  });

  it('diagnoses a bare tracking id', async () => {
    const paste = world.webex.postAs(world.admin.token, { roomId: adminDirect.id, text: BARE_TRACKING_ID });
    const { card: answer } = await answerTo(paste);
    expect(cardProblems(cardOf(answer) ?? {})).toEqual([]);
    expect(visibleText(answer)).toContain(BARE_TRACKING_ID);
    expect(visibleText(answer)).toContain(`/${tenantId}/adminconsent`);
  });

  it('asks for more when nothing in the message is diagnosable, and answers help with the help card', async () => {
    const hello = world.webex.postAs(world.colleague.token, { roomId: colleagueDirect.id, text: 'hello' });
    const [needMore] = await waitForReplies(hello, 1);
    expect(needMore?.markdown).toBe(renderNeedMore(readPaste('hello'), 'en').markdown);
    expect(cardProblems(cardOf(needMore) ?? {})).toEqual([]);
    expect(reverifyOf(needMore)).toBeUndefined();

    const help = world.webex.postAs(world.admin.token, { roomId: team.id, markdown: mentioning(world, 'help') });
    const [answer] = await waitForReplies(help, 1);
    expect(answer?.markdown).toBe(renderHelp('en').markdown);
    expect(cardOf(answer)?.version).toBe('1.3');
    expect(cardProblems(cardOf(answer) ?? {})).toEqual([]);
  });

  it('refuses a webhook call with a wrong signature (401) or a signed body that is not an event (400), and acts on neither', async () => {
    // Webex stops delivering to the bot for a moment, so the only way the message below can reach the bot is our own call.
    const firehose = world.webex.webhooks().find((h) => h.resource === 'all' && h.targetUrl === webhookUrl);
    if (!firehose) throw new Error('the bot did not register its webhook');
    await setWebhookStatus(firehose.id, 'inactive');
    const since = transcript.mark();
    const message = world.webex.postAs(world.admin.token, { roomId: adminDirect.id, text: 'help' });
    const { text: _t, markdown: _m, html: _h, attachments: _a, ...ids } = message;
    const event: WebhookEvent = { ...firehose, status: 'active', resource: 'messages', event: 'created', actorId: world.admin.person.id, data: ids };
    delete (event as { secret?: string }).secret;
    const body = JSON.stringify(event);

    expect(await postWebhook(webhookUrl, body, { secret: 'not-the-webhook-secret-at-all' })).toBe(401);
    expect(await postWebhook(webhookUrl, body, { signature: 'f'.repeat(40) })).toBe(401);
    expect(await postWebhook(webhookUrl, '{"hello":"world"}')).toBe(400);
    expect(await postWebhook(webhookUrl, 'not json at all')).toBe(400);
    await transcript.settle();
    expect(transcript.bot({ since })).toEqual([]);

    // The same event, signed with the right secret, is answered: the refusals above were the signature's doing.
    expect(await postWebhook(webhookUrl, body)).toBe(200);
    const [answer] = await waitForReplies(message, 1);
    expect(answer?.markdown).toBe(renderHelp('en').markdown);
    await setWebhookStatus(firehose.id, 'active');
  });

  it('never answers its own messages: Webex hands them back, the bot stays quiet', async () => {
    await transcript.settle();
    const mine = transcript.bot();
    expect(mine.length).toBeGreaterThan(0);
    // Webex does hand the bot its own messages (only the reply posted while the firehose was off was not)…
    const handedBack = mine.filter((m) => world.webex.deliveries.some((d) => d.targetUrl === webhookUrl && d.outcome === 200 && d.dataId === m.id));
    expect(handedBack.length).toBeGreaterThanOrEqual(mine.length - 1);
    // …and every message the bot ever wrote answers a person's message, in that person's thread.
    const people = new Set([world.admin, world.colleague, world.outsider].map((p) => p.person.id));
    const rooms = [...new Set(mine.map((m) => m.roomId))];
    const parents = new Map(rooms.flatMap((roomId) => world.webex.messages(roomId)).map((m) => [m.id, m]));
    for (const message of mine) expect(people.has(parents.get(message.parentId ?? '')?.personId ?? '')).toBe(true);
    await transcript.settle(2_500);
    expect(transcript.bot()).toHaveLength(mine.length);
  });

  it('never writes a secret to its logs, whatever it went through above', () => {
    const output = bot.output();
    expect(output).toContain('Azure AD Doctor ready');
    expect(output).toContain('X-Spark-Signature does not match'); // the forged calls above were logged…
    for (const secret of [world.bot.token, E2E_WEBHOOK_SECRET, DEMO_BOT_SECRET]) expect(output).not.toContain(secret); // …without any secret
  });

  // While webex-node-bot-framework sets itself up in a space it was just added to ("spawning"), it drops every
  // message for that space; the dispatcher must process such a message again. A slow GET /rooms/{id} (which the
  // set-up waits on) makes the window certain: an admin who adds the bot and pastes at once still gets an answer.
  it('answers a paste sent right after the bot was added to a space', async () => {
    world.webex.setFaults({ latencyMs: 800, path: /^\/rooms\//, method: 'GET' });
    try {
      const fresh = world.group('Just added the bot', [world.admin, world.colleague]);
      const paste = world.webex.postAs(world.admin.token, { roomId: fresh.id, markdown: mentioning(world, 'help') });
      await transcript.waitForBot((m) => m.parentId === paste.id, { timeoutMs: 10_000, what: 'answering the first paste in a new space' });
    } finally {
      world.webex.setFaults({});
    }
  });

  // Last: it fixes the tenant, so every later diagnosis in this world would be healthy.
  it('after the fix, Re-verify posts a healthy card in the same thread that lists what changed', async () => {
    const paste = world.webex.postAs(world.admin.token, { roomId: adminDirect.id, text: seedJa });
    const { card: broken } = await answerTo(paste);
    const pressed = reverifyOf(broken);
    if (!pressed) throw new Error('no Re-verify button');
    expect(applyCardFix(world.entra, tenantId).restored).toBe(true);

    const since = transcript.mark();
    world.webex.pressCardButton(world.admin.token, { messageId: broken.id, inputs: pressed });
    const healthy = await transcript.waitForCard({ since, roomId: adminDirect.id, parentId: paste.id });
    const card = cardOf(healthy) ?? {};
    expect(cardProblems(card)).toEqual([]);
    const json = JSON.stringify(card);
    expect(json).toContain('Azure AD 連携は正常のようです');
    expect(json).toContain('前回の確認からの変化');
    expect(json).toMatch(/→/);
    expect(reverifyOf(healthy)?.diagnosisId).not.toBe(pressed.diagnosisId);
    expect(healthy.markdown).toMatch(/→/);
  });

  async function waitForReplies(message: WebexMessage, count: number): Promise<WebexMessage[]> {
    await transcript.waitForBot((m) => transcript.bot({ roomId: message.roomId, parentId: message.id }).length >= count && m.parentId === message.id, { what: `(${count}) in the thread` });
    return transcript.bot({ roomId: message.roomId, parentId: message.id });
  }

  async function setWebhookStatus(id: string, status: 'active' | 'inactive'): Promise<void> {
    const hook = world.webex.webhooks().find((h) => h.id === id);
    const res = await fetch(`${world.webex.url}/webhooks/${id}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${world.bot.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: hook?.name, targetUrl: hook?.targetUrl, status }),
    });
    expect(res.status).toBe(200);
  }
});
