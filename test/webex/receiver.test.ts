import { createHmac } from 'node:crypto';
import express from 'express';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createWebhookReceiver } from '../../src/webex/receiver.js';
import type { WebhookEvent } from '../../src/webex/types.js';
import { captureLogger } from '../fakes/webex/capture-logger.js';
import { listenLocal } from '../fakes/webex/http-server.js';
import { waitFor } from '../fakes/webex/wait-for.js';

const SECRET = 'receiver-test-secret-123';
const PATH = '/webex/events';
const sign = (raw: string | Buffer): string => createHmac('sha1', SECRET).update(raw).digest('hex');

const event = (dataId: string): WebhookEvent => ({
  id: 'WEBHOOK', name: 'n', targetUrl: 'http://x', resource: 'messages', event: 'created', orgId: 'o', createdBy: 'c', appId: 'a',
  ownedBy: 'creator', status: 'active', created: '2024-01-01T00:00:00.000Z', actorId: 'p', data: { id: dataId, roomId: 'r' },
});

describe('createWebhookReceiver', () => {
  const { logger, lines, text } = captureLogger();
  const received: WebhookEvent[] = [];
  let releaseSlowHandler: () => void = () => undefined;
  let server: Awaited<ReturnType<typeof listenLocal>>;

  beforeAll(async () => {
    const app = express();
    app.use(
      createWebhookReceiver({
        path: PATH,
        secret: SECRET,
        logger,
        maxBodyBytes: 4096,
        onEvent: async (e) => {
          received.push(e);
          if (e.data.id === 'slow') await new Promise<void>((resolve) => (releaseSlowHandler = resolve));
          if (e.data.id === 'throws') throw new Error('handler exploded');
        },
      }),
    );
    server = await listenLocal(app);
  });
  afterAll(async () => {
    releaseSlowHandler();
    await server.close();
  });
  beforeEach(() => {
    received.length = 0;
    lines.length = 0;
  });

  const post = (body: string | Buffer, headers: Record<string, string> = {}): Promise<Response> =>
    fetch(server.origin + PATH, { method: 'POST', body: typeof body === 'string' ? body : new Uint8Array(body), headers: { 'content-type': 'application/json', ...headers } });

  it('refuses an unsigned call with 401, never processes it, and tells the operator what to check', async () => {
    const res = await post(JSON.stringify(event('unsigned')));
    expect(res.status).toBe(401);
    await new Promise((r) => setTimeout(r, 50));
    expect(received).toHaveLength(0);
    expect(text()).toContain('verify that the webhook secret matches WEBEX_WEBHOOK_SECRET');
  });

  it('refuses a forged signature with 401 and does not process it', async () => {
    const body = JSON.stringify(event('forged'));
    const res = await post(body, { 'x-spark-signature': createHmac('sha1', 'not-the-secret').update(body).digest('hex') });
    expect(res.status).toBe(401);
    await new Promise((r) => setTimeout(r, 50));
    expect(received).toHaveLength(0);
  });

  it('answers 200 before the handler finishes, then hands over the parsed event', async () => {
    const body = JSON.stringify(event('slow'));
    const res = await post(body, { 'x-spark-signature': sign(body) });
    expect(res.status).toBe(200);
    const got = await waitFor('the event to reach onEvent', () => received[0]);
    expect(got.data.id).toBe('slow');
    releaseSlowHandler();
  });

  it('verifies the raw bytes: escaped unicode in the body still passes', async () => {
    const body = '{"id":"W","name":"Caf\\u00e9","resource":"messages","event":"created","actorId":"p","data":{"id":"unicode"}}';
    const res = await post(Buffer.from(body, 'utf8'), { 'x-spark-signature': sign(body) });
    expect(res.status).toBe(200);
    expect((await waitFor('the unicode event', () => received[0])).name).toBe('Café');
  });

  it('answers 400 to a signed body that is not JSON or not an event, and processes nothing', async () => {
    for (const body of ['{not json', '[1,2]', '{"resource":"messages"}']) {
      const res = await post(body, { 'x-spark-signature': sign(body) });
      expect(res.status).toBe(400);
    }
    await new Promise((r) => setTimeout(r, 50));
    expect(received).toHaveLength(0);
  });

  it('answers 413 to an oversized body', async () => {
    const body = JSON.stringify({ ...event('big'), padding: 'x'.repeat(5000) });
    const res = await post(body, { 'x-spark-signature': sign(body) });
    expect(res.status).toBe(413);
    expect(received).toHaveLength(0);
  });

  it('logs a failing handler instead of letting the rejection escape', async () => {
    const body = JSON.stringify(event('throws'));
    const res = await post(body, { 'x-spark-signature': sign(body) });
    expect(res.status).toBe(200);
    const line = await waitFor('the handler failure to be logged', () => lines.find((l) => l.msg === 'Handling a Webex webhook event failed'));
    expect(line.dataId).toBe('throws');
  });
});
