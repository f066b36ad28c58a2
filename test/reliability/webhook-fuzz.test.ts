/**
 * The webhook endpoint is on the internet: anyone can POST anything to it. Random bodies, unsigned or signed
 * with a wrong secret, are refused and never make the bot post; random bodies signed with the real secret
 * (Webex's own, in theory) never crash it. Fixed seed in CI; FUZZ_RUNS / FUZZ_SEED for longer or other runs.
 */
import { createHmac } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hydraId } from '../../src/local/standins/webex/ids.js';
import type { WebexRoom } from '../../src/webex/types.js';
import { botEnv, E2E_WEBHOOK_SECRET, freePort, startBotProcess, startWorld, type BotProcess, type World } from '../support/bot-process.js';
import { ask, cardOf, DEBUG_PASTE, postWebhook } from './support/conversation.js';
import { expectNoSecrets, recordBotPosts, type PostRecorder } from './support/secrets.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 60);
const SEED = Number(process.env.FUZZ_SEED ?? 20_240_611);

/** Bodies of every kind: bytes, JSON, webhook-shaped events with random fields, and very deep nesting. */
function bodies(world: World, knownMessageId: string): fc.Arbitrary<string | Uint8Array> {
  const hook = world.webex.webhooks().find((h) => h.resource === 'all');
  const hydra = (type: 'MESSAGE' | 'PEOPLE' | 'ROOM' | 'ATTACHMENT_ACTION') => fc.uuid().map((uuid) => hydraId(type, uuid));
  const event = fc.record(
    {
      id: fc.string(),
      name: fc.oneof(fc.constant(hook?.name ?? ''), fc.string()),
      resource: fc.oneof(fc.constantFrom('messages', 'attachmentActions', 'memberships', 'rooms'), fc.string()),
      event: fc.oneof(fc.constantFrom('created', 'updated', 'deleted'), fc.string()),
      actorId: fc.oneof(fc.constant(world.admin.person.id), hydra('PEOPLE'), fc.string()),
      data: fc.record(
        {
          id: fc.oneof(fc.constant(knownMessageId), hydra('MESSAGE'), hydra('ATTACHMENT_ACTION'), fc.string()),
          roomId: fc.oneof(hydra('ROOM'), fc.string()),
          personId: fc.oneof(fc.constant(world.admin.person.id), hydra('PEOPLE'), fc.anything()),
          messageId: fc.oneof(fc.constant(knownMessageId), fc.anything()),
          extra: fc.anything(),
        },
        { requiredKeys: ['id'] },
      ),
    },
    { requiredKeys: [] },
  );
  const deep = fc.integer({ min: 1_000, max: 200_000 }).map((depth) => `{"resource":"messages","event":"created","name":${JSON.stringify(hook?.name)},"data":{"id":"x","deep":${'['.repeat(depth)}${']'.repeat(depth)}}}`);
  return fc.oneof(fc.uint8Array({ maxLength: 4_096 }), fc.json({ maxDepth: 6 }), event.map((e) => JSON.stringify(e)), deep);
}

describe('fuzzing the webhook endpoint of the real bot process', () => {
  let world: World;
  let bot: BotProcess;
  let posts: PostRecorder;
  let room: WebexRoom;
  let knownMessageId: string;

  beforeAll(async () => {
    world = await startWorld({ scenarios: ['integrationAppRemoved'] });
    posts = recordBotPosts(world);
    const port = await freePort();
    bot = await startBotProcess(botEnv(world, 'integrationAppRemoved', port, { RATE_LIMIT_PER_PERSON_PER_MINUTE: '60' }));
    room = world.direct(world.admin);
    knownMessageId = (await ask(world, world.admin, room, DEBUG_PASTE)).paste.id;
  });

  afterAll(async () => {
    await bot?.stop();
    await world?.stop();
  });

  const postsToWebex = () => world.webex.counters.byRoute['POST /v1/messages'] ?? 0;

  it('refuses every unsigned, wrongly signed or tampered body with 401, and posts nothing', async () => {
    await world.webex.idle();
    const postedBefore = postsToWebex();
    const signing = fc.oneof(
      fc.constant<'none'>('none'),
      fc.constant<'wrong-secret'>('wrong-secret'),
      fc.constant<'tampered'>('tampered'),
      fc.stringMatching(/^[0-9a-f]{0,80}$/),
    );
    await fc.assert(
      fc.asyncProperty(bodies(world, knownMessageId), signing, async (body, how) => {
        const signature =
          how === 'none'
            ? undefined
            : how === 'wrong-secret'
              ? createHmac('sha1', 'not-the-webhook-secret').update(body).digest('hex')
              : how === 'tampered'
                ? createHmac('sha1', E2E_WEBHOOK_SECRET).update(`${String(body)} `).digest('hex')
                : how;
        const { status } = await postWebhook(bot.port, body, { signature });
        expect(status).toBe(401);
      }),
      { numRuns: RUNS, seed: SEED },
    );
    await delay(500);
    expect(postsToWebex()).toBe(postedBefore);
    expect(bot.child.exitCode).toBeNull();
  }, 120_000);

  it('never fails or falls over on random bodies signed with the real secret', async () => {
    await fc.assert(
      fc.asyncProperty(bodies(world, knownMessageId), async (body) => {
        const { status } = await postWebhook(bot.port, body, { secret: E2E_WEBHOOK_SECRET });
        expect([200, 400]).toContain(status);
      }),
      { numRuns: RUNS, seed: SEED },
    );
    // Events the framework could not read are processed again for a few seconds: let them finish, then look.
    await delay(4_000);
    expect(bot.child.exitCode).toBeNull();
    expect(bot.output()).not.toContain('Handling a Webex webhook event failed');
    expect(bot.output()).not.toContain('unhandled rejection');
    expect((await fetch(`http://127.0.0.1:${bot.port}/healthz`)).status).toBe(200);
    const { answer } = await ask(world, world.admin, room, DEBUG_PASTE);
    expect(cardOf(answer)).toBeDefined();
  }, 120_000);

  it('stops cleanly, and printed or posted no secret', async () => {
    expect(await bot.stop()).toBe(0);
    expectNoSecrets(world, bot, posts);
  });
});
