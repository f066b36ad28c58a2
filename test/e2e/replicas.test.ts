import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectPath } from '../../src/paths.js';
import type { WebexRoom } from '../../src/webex/types.js';
import { botEnv, freePort, startBotProcess, startWorld, type BotProcess, type World } from '../support/bot-process.js';
import { postgresAvailability, startPostgres, type PostgresServer } from '../support/postgres.js';
import { reverifyOf, spacesReady, Transcript } from './support.js';

/**
 * Two replicas of the bot behind one webhook URL, sharing one PostgreSQL database. A relay stands in for the load
 * balancer at its worst: it hands EVERY signed event, byte for byte, to both replicas at once (as when Webex
 * redelivers an event and the retry lands on the other replica). Exactly one answer must come out.
 */

const debugInfo = readFileSync(projectPath('test/fixtures/pastes/en-debug-info.txt'), 'utf8');
const availability = postgresAvailability();
// Locally without PostgreSQL binaries the suite is skipped; in CI (mustFail) startPostgres throws the reason.
const skip = !availability.available && !availability.mustFail;

interface Relay {
  url: string;
  /** For each event's data id, the status each replica answered. */
  answers: Map<string, number[]>;
  close(): Promise<void>;
}

async function startRelay(targets: () => string[]): Promise<Relay> {
  const answers = new Map<string, number[]>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const headers = { 'content-type': req.headers['content-type'] ?? 'application/json', 'x-spark-signature': String(req.headers['x-spark-signature'] ?? '') };
      const dataId = (JSON.parse(body.toString('utf8')) as { data?: { id?: string } }).data?.id ?? '';
      void Promise.all(targets().map((url) => fetch(url, { method: 'POST', body, headers }).then(async (r) => (await r.arrayBuffer(), r.status), () => 0))).then((statuses) => {
        answers.set(dataId, statuses);
        res.writeHead(statuses.some((s) => s === 200) ? 200 : 502).end();
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webex/webhook`,
    answers,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

describe.skipIf(skip)('two replicas sharing one PostgreSQL database, each given every event', () => {
  let world: World;
  let postgres: PostgresServer;
  let relay: Relay;
  const replicas: BotProcess[] = [];
  let transcript: Transcript;
  let room: WebexRoom;

  beforeAll(async () => {
    world = await startWorld({ scenarios: ['integrationAppRemoved'] });
    transcript = new Transcript(world);
    postgres = await startPostgres();
    const databaseUrl = await postgres.freshSchema();
    const ports = [await freePort(), await freePort()];
    relay = await startRelay(() => ports.map((port) => `http://127.0.0.1:${port}/webex/webhook`));
    // Both start at once, as a deployment scales out: schema set-up and webhook repair race (webhook-race.test.ts).
    const started = await Promise.allSettled(ports.map((port) => startBotProcess(botEnv(world, 'integrationAppRemoved', port, { DATABASE_URL: databaseUrl, WEBEX_WEBHOOK_URL: relay.url }))));
    for (const result of started) if (result.status === 'fulfilled') replicas.push(result.value); // stopped in afterAll either way
    const failed = started.find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
    room = world.direct(world.admin);
    await spacesReady(world);
  });

  afterAll(async () => {
    transcript?.dispose();
    await Promise.all(replicas.map((r) => r.stop()));
    await world?.stop();
    await relay?.close();
    await postgres?.stop();
  });

  it('answers a paste once, and a Re-verify press once, although both replicas received each', async () => {
    const paste = world.webex.postAs(world.admin.token, { roomId: room.id, text: debugInfo });
    const card = await transcript.waitForCard({ roomId: room.id, parentId: paste.id });
    await transcript.settle();
    expect(relay.answers.get(paste.id)).toEqual([200, 200]);
    expect(transcript.bot({ roomId: room.id, parentId: paste.id })).toHaveLength(2); // "checking…" and the card

    const since = transcript.mark();
    const press = world.webex.pressCardButton(world.admin.token, { messageId: card.id, inputs: reverifyOf(card) ?? {} });
    await transcript.waitForCard({ since, roomId: room.id, parentId: paste.id });
    await transcript.settle();
    expect(relay.answers.get(press.id)).toEqual([200, 200]);
    expect(transcript.bot({ since })).toHaveLength(2);
    // The webhooks are shared, not duplicated: one firehose and one card webhook for the one URL.
    expect(world.webex.webhooks().filter((h) => h.targetUrl === relay.url).map((h) => h.resource).sort()).toEqual(['all', 'attachmentActions']);
  });
});
