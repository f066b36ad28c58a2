import express from 'express';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startWebexStandin, WebexRefusal } from '../../src/local/standins/webex/index.js';
import type { WebexStandin } from '../../src/local/standins/webex/index.js';
import type { WebexMessage, WebexPerson, WebexRoom, WebhookEvent } from '../../src/webex/types.js';
import { isValidSparkSignature } from '../../src/webex/verify-signature.js';
import { listenLocal } from '../fakes/webex/http-server.js';

const SECRET = 'standin-test-secret-1';
const CARD = { contentType: 'application/vnd.microsoft.card.adaptive', content: { type: 'AdaptiveCard', version: '1.3', body: [] } };

interface Received {
  raw: Buffer;
  signature: string | undefined;
  event: WebhookEvent;
}

describe('Webex stand-in', () => {
  let webex: WebexStandin;
  let sink: Awaited<ReturnType<typeof listenLocal>>;
  const received: Received[] = [];
  let failNext = 0;
  let bot: WebexPerson, botToken: string, ann: WebexPerson, annToken: string, bob: WebexPerson;
  let dm: WebexRoom, group: WebexRoom;

  const call = (path: string, init: RequestInit & { token?: string } = {}): Promise<Response> =>
    fetch(webex.url + path, { ...init, headers: { authorization: `Bearer ${init.token ?? botToken}`, 'content-type': 'application/json', ...(init.headers as Record<string, string> | undefined) } });

  beforeAll(async () => {
    webex = await startWebexStandin({ delivery: { retryDelayMs: 10 } });
    const app = express();
    app.post('/hook', express.raw({ type: () => true }), (req, res) => {
      if (failNext > 0) {
        failNext--;
        res.status(500).end();
        return;
      }
      const raw = req.body as Buffer;
      received.push({ raw, signature: req.get('x-spark-signature'), event: JSON.parse(raw.toString('utf8')) as WebhookEvent });
      res.status(200).end();
    });
    sink = await listenLocal(app);
    ({ person: bot, token: botToken } = webex.addPerson({ email: 'doctor@webex.bot', displayName: 'Doctor', type: 'bot' }));
    ({ person: ann, token: annToken } = webex.addPerson({ email: 'ann@example.com', displayName: 'Ann Admin', type: 'person' }));
    ({ person: bob } = webex.addPerson({ email: 'bob@example.com', displayName: 'Bob', type: 'person' }));
    dm = webex.addRoom({ title: 'Ann Admin', type: 'direct', members: [ann.id, bot.id] });
    group = webex.addRoom({ title: 'Identity', type: 'group', members: [ann.id, bob.id, bot.id] });
    for (const resource of ['all', 'attachmentActions']) {
      const res = await call('/webhooks', { method: 'POST', body: JSON.stringify({ name: 'bot', targetUrl: `${sink.origin}/hook`, resource, event: resource === 'all' ? 'all' : 'created', secret: SECRET }) });
      expect(res.status).toBe(200);
    }
  });
  afterAll(async () => {
    await webex.stop();
    await sink.close();
  });
  beforeEach(async () => {
    await webex.idle();
    received.length = 0;
    webex.configureDelivery({ duplicate: false, botsHearAllGroupMessages: false });
  });

  it('uses Hydra ids the SDK can decode', () => {
    for (const [id, type] of [[bot.id, 'PEOPLE'], [dm.id, 'ROOM'], [webex.orgId, 'ORGANIZATION']] as const) {
      expect(Buffer.from(id, 'base64url').toString('utf8')).toMatch(new RegExp(`^ciscospark://us/${type}/[0-9a-f-]{36}$`));
    }
  });

  it('answers like Webex: 401 and 404 bodies with a trackingId, and a trackingid header', async () => {
    const unauthorized = await call('/people/me', { token: 'nope' });
    expect(unauthorized.status).toBe(401);
    const body = (await unauthorized.json()) as { message: string; errors: { description: string }[]; trackingId: string };
    expect(body.message).toBe('The request requires a valid access token set in the Authorization request header.');
    expect(body.errors[0]?.description).toBe(body.message);
    expect(unauthorized.headers.get('trackingid')).toBe(body.trackingId);
    const missing = await call('/rooms/Y2lzY29zcGFyazovL3VzL1JPT00vbm9uZQ');
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { message: string }).message).toBe('Could not find a room with provided ID.');
  });

  it('serves the SDK’s people batch call, naming unknown ids in notFoundIds', async () => {
    const res = await call(`/people/?id=${ann.id},${bob.id},unknown&showAllTypes=false`);
    const body = (await res.json()) as { items: WebexPerson[]; notFoundIds: string[] };
    expect(body.items.map((p) => p.id)).toEqual([ann.id, bob.id]);
    expect(body.notFoundIds).toEqual(['unknown']);
  });

  it('enforces the message rules: 7,439 bytes, one card of the right type, one-level threads', async () => {
    const post = async (body: object): Promise<number> => (await call('/messages', { method: 'POST', body: JSON.stringify({ roomId: dm.id, ...body }) })).status;
    expect(await post({ markdown: 'a'.repeat(7439) })).toBe(200);
    expect(await post({ markdown: 'a'.repeat(7440) })).toBe(400);
    expect(await post({ text: 'two', attachments: [CARD, CARD] })).toBe(400);
    expect(await post({ text: 'wrong type', attachments: [{ ...CARD, contentType: 'application/json' }] })).toBe(400);
    const parent = webex.postAs(annToken, { roomId: dm.id, text: 'parent' });
    const reply = webex.postAs(botToken, { roomId: dm.id, text: 'reply', parentId: parent.id });
    expect(() => webex.postAs(annToken, { roomId: dm.id, text: 'nested', parentId: reply.id })).toThrow(WebexRefusal);
    const thread = (await (await call(`/messages?roomId=${dm.id}&parentId=${parent.id}`)).json()) as { items: WebexMessage[] };
    expect(thread.items.map((m) => m.id)).toEqual([reply.id]);
  });

  it('delivers signed webhook events whose signature verifies over the raw body', async () => {
    const message = webex.postAs(annToken, { roomId: dm.id, markdown: 'Café ✓' });
    await webex.idle();
    expect(received).toHaveLength(1);
    const [{ raw, signature, event }] = received as [Received];
    expect(isValidSparkSignature(raw, signature, SECRET)).toBe(true);
    expect(event).toMatchObject({ name: 'bot', resource: 'messages', event: 'created', actorId: ann.id, createdBy: bot.id, ownedBy: 'creator', status: 'active' });
    expect(event.data).toMatchObject({ id: message.id, roomId: dm.id, roomType: 'direct', personId: ann.id });
    expect(event.data).not.toHaveProperty('text');
  });

  it('tells a bot about group messages only when they mention it', async () => {
    webex.postAs(annToken, { roomId: group.id, text: 'just talking' });
    const mentioning = webex.postAs(annToken, { roomId: group.id, markdown: `<@personId:${bot.id}|Doctor> help` });
    await webex.idle();
    expect(received.map((r) => r.event.data.id)).toEqual([mentioning.id]);
    expect(mentioning).toMatchObject({ text: 'Doctor help', mentionedPeople: [bot.id] });
    expect(mentioning.html).toContain(`data-object-id="${bot.id}">Doctor</spark-mention>`);
  });

  it('sends card presses only to the attachmentActions webhook, and hides them from third parties', async () => {
    const card = webex.postAs(botToken, { roomId: group.id, text: 'card', attachments: [CARD] });
    await webex.idle();
    received.length = 0;
    const press = webex.pressCardButton(annToken, { messageId: card.id, inputs: { action: 'reverify' } });
    await webex.idle();
    expect(received.map((r) => r.event.resource)).toEqual(['attachmentActions']);
    expect(received[0]?.event.data).toEqual({ id: press.id, type: 'submit', messageId: card.id, personId: ann.id, roomId: group.id, created: press.created });
    const eveToken = webex.addPerson({ email: 'eve@example.com', displayName: 'Eve', type: 'person' }).token;
    expect((await call(`/attachment/actions/${press.id}`, { token: eveToken })).status).toBe(404);
    expect((await call(`/attachment/actions/${press.id}`)).status).toBe(200);
  });

  it('retries a failed delivery and can deliver every event twice', async () => {
    failNext = 1;
    webex.postAs(annToken, { roomId: dm.id, text: 'retried' });
    await webex.idle();
    expect(received).toHaveLength(1);
    expect(webex.deliveries.filter((d) => d.dataId === received[0]?.event.data.id).map((d) => d.outcome)).toEqual([500, 200]);

    received.length = 0;
    webex.configureDelivery({ duplicate: true });
    webex.postAs(annToken, { roomId: dm.id, text: 'twice' });
    await webex.idle();
    expect(received).toHaveLength(2);
    expect(received[0]?.raw.equals(received[1]?.raw ?? Buffer.alloc(0))).toBe(true);
  });

  it('injects 429s with Retry-After on matching requests only, and counts them', async () => {
    webex.setFaults({ status429: { count: 1, retryAfter: 7 }, path: /^\/rooms/ });
    expect((await call('/people/me')).status).toBe(200);
    const limited = await call('/rooms');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
    expect((await call('/rooms')).status).toBe(200);
    expect(webex.counters.injected.status429).toBe(1);
    webex.setFaults({});
  });
});
