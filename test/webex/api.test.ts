import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startWebexStandin } from '../../src/local/standins/webex/index.js';
import type { WebexStandin } from '../../src/local/standins/webex/index.js';
import { WebexApi } from '../../src/webex/api.js';
import { WebexApiError } from '../../src/webex/api-errors.js';
import type { WebexPerson, WebexRoom } from '../../src/webex/types.js';
import { CodedError } from '../../src/errors.js';
import { captureLogger } from '../fakes/webex/capture-logger.js';
import { listenLocal } from '../fakes/webex/http-server.js';

const CARD = { type: 'AdaptiveCard', version: '1.3', body: [{ type: 'TextBlock', text: 'Consent is missing' }], actions: [{ type: 'Action.Submit', title: 'Re-verify', data: { action: 'reverify' } }] };

describe('WebexApi against the Webex stand-in', () => {
  let webex: WebexStandin;
  let api: WebexApi;
  let botToken: string;
  let bot: WebexPerson;
  let room: WebexRoom;
  const { logger, lines, text } = captureLogger();

  beforeAll(async () => {
    webex = await startWebexStandin();
    ({ person: bot, token: botToken } = webex.addPerson({ email: 'doctor@webex.bot', displayName: 'Doctor', type: 'bot' }));
    const { person: ann } = webex.addPerson({ email: 'ann@example.com', displayName: 'Ann Admin', type: 'person' });
    room = webex.addRoom({ title: 'Ann Admin', type: 'direct', members: [ann.id, bot.id] });
    api = new WebexApi({ token: botToken, apiUrl: webex.url, logger, backoffBaseMs: 20, timeoutMs: 2_000 });
  });
  afterAll(() => webex.stop());
  beforeEach(() => {
    webex.setFaults({});
    lines.length = 0;
  });

  it('posts markdown with a card, threaded under a parent', async () => {
    const parent = (await api.postMessage({ roomId: room.id, markdown: 'parent' })).message;
    const { message, cardRejected } = await api.postMessage({ roomId: room.id, parentId: parent.id, markdown: '**Cause:** consent', card: CARD });
    expect(cardRejected).toBeUndefined();
    expect(message.parentId).toBe(parent.id);
    expect(message.attachments?.[0]?.content).toEqual(CARD);
    expect((await api.getMessage(message.id)).markdown).toBe('**Cause:** consent');
  });

  it('waits out a 429 on POST /messages (Retry-After) and posts exactly once', async () => {
    webex.setFaults({ status429: { count: 1, retryAfter: 1 }, path: /^\/messages/, method: 'POST' });
    const before = webex.messages(room.id).length;
    const started = Date.now();
    const { message } = await api.postMessage({ roomId: room.id, markdown: 'after a 429' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(message.markdown).toBe('after a 429');
    expect(webex.counters.injected.status429).toBeGreaterThanOrEqual(1);
    expect(webex.messages(room.id).length).toBe(before + 1);
  });

  it('gives up with webex_rate_limited when Retry-After exceeds the budget', async () => {
    const tight = new WebexApi({ token: botToken, apiUrl: webex.url, retryBudgetMs: 500 });
    webex.setFaults({ status429: { count: 1, retryAfter: 30 }, path: /^\/rooms/ });
    await expect(tight.getRoom(room.id)).rejects.toMatchObject({ code: 'webex_rate_limited', status: 429 });
  });

  it('retries a 503 on a GET, but never a 500 on a POST (it may have been posted)', async () => {
    webex.setFaults({ status5xx: { count: 2, status: 503 }, path: /^\/rooms\// });
    expect((await api.getRoom(room.id)).id).toBe(room.id);

    webex.setFaults({ status5xx: { count: 1, status: 500 }, path: /^\/messages/, method: 'POST' });
    const error = await api.postMessage({ roomId: room.id, markdown: 'x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WebexApiError);
    expect(error).toMatchObject({ code: 'webex_unavailable', status: 500 });
    expect((error as WebexApiError).trackingId).toMatch(/^ROUTER_/);
  });

  it('times out a slow call with webex_timeout', async () => {
    const impatient = new WebexApi({ token: botToken, apiUrl: webex.url, timeoutMs: 100, maxAttempts: 1 });
    webex.setFaults({ latencyMs: 400, path: /^\/people\/me/ });
    await expect(impatient.getMe()).rejects.toMatchObject({ code: 'webex_timeout' });
  });

  it('reports an unreachable Webex as webex_unreachable after retrying', async () => {
    const closed = await listenLocal(() => undefined);
    await closed.close();
    const nowhere = new WebexApi({ token: botToken, apiUrl: `${closed.origin}/v1`, backoffBaseMs: 5, maxAttempts: 2 });
    const error = (await nowhere.postMessage({ roomId: room.id, markdown: 'x' }).catch((e: unknown) => e)) as WebexApiError;
    expect(error.code).toBe('webex_unreachable');
    expect(error.message).toContain('ECONNREFUSED');
  });

  it('falls back to the markdown alone when Webex rejects the card', async () => {
    const { message, cardRejected } = await api.postMessage({ roomId: room.id, markdown: 'fallback text', card: { type: 'NotACard' } });
    expect(message.attachments).toBeUndefined();
    expect(message.markdown).toBe('fallback text');
    expect(cardRejected).toContain('400');
    expect(text()).toContain('Webex rejected the card');
  });

  it('refuses markdown over 7,439 bytes before calling Webex', async () => {
    const requests = webex.counters.requests;
    const error = await api.postMessage({ roomId: room.id, markdown: 'é'.repeat(3720) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CodedError);
    expect((error as CodedError).code).toBe('webex_message_too_long');
    expect(webex.counters.requests).toBe(requests);
  });

  it('maps a bad token to webex_unauthorized, without the token in the error or the logs', async () => {
    const wrongToken = botToken.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'));
    const stranger = new WebexApi({ token: wrongToken, apiUrl: webex.url, logger });
    const error = (await stranger.getMe().catch((e: unknown) => e)) as WebexApiError;
    expect(error.code).toBe('webex_unauthorized');
    expect(error.hint).toContain('WEBEX_BOT_TOKEN');
    expect(error.message).toContain('The request requires a valid access token');
    expect(JSON.stringify({ message: error.message, hint: error.hint, stack: error.stack })).not.toContain(wrongToken);
    expect(text()).not.toContain(wrongToken);
  });

  it('reads card presses, people, memberships across pages, and deletes messages', async () => {
    const { person: ann, token: annToken } = webex.addPerson({ email: 'ann2@example.com', displayName: 'Ann Two', type: 'person' });
    const others = [1, 2, 3, 4].map((n) => webex.addPerson({ email: `p${n}@example.com`, displayName: `P ${n}`, type: 'person' }).person.id);
    const group = webex.addRoom({ title: 'Identity team', type: 'group', members: [ann.id, bot.id, ...others] });
    const { message } = await api.postMessage({ roomId: group.id, markdown: 'card', card: CARD });
    const press = webex.pressCardButton(annToken, { messageId: message.id, inputs: { action: 'reverify' } });
    expect(await api.getAttachmentAction(press.id)).toMatchObject({ personId: ann.id, inputs: { action: 'reverify' }, messageId: message.id });
    expect((await api.getPerson(ann.id)).emails).toEqual(['ann2@example.com']);
    expect(await api.listMemberships({ roomId: group.id, max: 2 })).toHaveLength(6);
    await api.deleteMessage(message.id);
    await expect(api.getMessage(message.id)).rejects.toMatchObject({ code: 'webex_not_found', status: 404 });
  });

  it('creates, lists, updates and deletes webhooks', async () => {
    const hook = await api.createWebhook({ name: 'n', targetUrl: 'https://bot.example.com/webex', resource: 'messages', event: 'created', secret: 's1' });
    expect((await api.listWebhooks()).map((h) => h.id)).toContain(hook.id);
    const updated = await api.updateWebhook(hook.id, { name: 'n', targetUrl: 'https://bot.example.com/v2', secret: 's2' });
    expect(updated).toMatchObject({ targetUrl: 'https://bot.example.com/v2', secret: 's2', status: 'active' });
    await api.deleteWebhook(hook.id);
    expect((await api.listWebhooks()).map((h) => h.id)).not.toContain(hook.id);
  });
});
