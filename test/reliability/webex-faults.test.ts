/**
 * Webex misbehaving under a real bot process: throttling and outages on POST /messages, a card Webex refuses,
 * redelivered webhooks and a double-clicked Re-verify. The admin gets exactly one answer each time.
 */
import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebexMessage, WebexRoom } from '../../src/webex/types.js';
import { botEnv, freePort, startBotProcess, startWorld, type BotProcess, type World } from '../support/bot-process.js';
import { cardStrings } from './support/cards.js';
import { answersTo, ask, botMessagesIn, cardOf, DEBUG_PASTE, until } from './support/conversation.js';
import { expectNoSecrets, recordBotPosts, type PostRecorder } from './support/secrets.js';

const CONSENT_PATH = 'adminconsent?client_id=90db942a-c1eb-4e8d-82e4-eebf64a7e2ae';

describe('Webex faults, end to end', () => {
  let world: World;
  let bot: BotProcess;
  let posts: PostRecorder;
  let room: WebexRoom;

  beforeAll(async () => {
    world = await startWorld({ scenarios: ['integrationAppRemoved'] });
    posts = recordBotPosts(world);
    const port = await freePort();
    bot = await startBotProcess(botEnv(world, 'integrationAppRemoved', port, { LOG_LEVEL: 'debug', RATE_LIMIT_PER_PERSON_PER_MINUTE: '60' }));
    room = world.direct(world.admin);
  });

  afterAll(async () => {
    await bot?.stop();
    await world?.stop();
  });

  /** Lets late or duplicate work surface before counting replies. */
  async function settle(): Promise<void> {
    await world.webex.idle();
    await delay(1_000);
  }

  /** Every reply in a paste's thread: exactly one "checking" note and one answer, nothing twice. */
  function expectOneExchange(paste: WebexMessage): WebexMessage {
    const thread = botMessagesIn(world, room.id, paste.id);
    expect(thread.map((m) => (m.attachments ? 'card' : 'text'))).toEqual(['text', 'card']);
    return thread[1] as WebexMessage;
  }

  it('waits out a 429 on POST /messages and still answers, once', async () => {
    world.webex.setFaults({ status429: { count: 1, retryAfter: 1 }, path: /^\/messages/, method: 'POST' });
    const before = world.webex.counters.injected.status429;
    const { paste, ms } = await ask(world, world.admin, room, DEBUG_PASTE);
    expect(world.webex.counters.injected.status429 - before).toBe(1);
    expect(ms).toBeGreaterThanOrEqual(1_000); // Retry-After honoured, not hammered
    await settle();
    expectOneExchange(paste);
  });

  it('retries POST /messages after 502 and 503 (Webex did not act on them) and answers once', async () => {
    world.webex.setFaults({ status5xx: { count: 2, status: 503 }, path: /^\/messages/, method: 'POST' });
    const before = world.webex.counters.injected.status5xx;
    const first = await ask(world, world.admin, room, DEBUG_PASTE);
    world.webex.setFaults({ status5xx: { count: 1, status: 502 }, path: /^\/messages/, method: 'POST' });
    const second = await ask(world, world.admin, room, DEBUG_PASTE);
    expect(world.webex.counters.injected.status5xx - before).toBe(3);
    await settle();
    expectOneExchange(first.paste);
    expectOneExchange(second.paste);
  });

  it('recovers a paste whose text the framework could not read (429 twice on GET /messages/{id})', async () => {
    // The framework swallows this failure and Webex will not resend the event: only another pass saves the paste.
    world.webex.setFaults({ status429: { count: 2, retryAfter: 1 }, path: /^\/messages\/[^/?]+$/, method: 'GET' });
    const before = world.webex.counters.injected.status429;
    const { paste } = await ask(world, world.admin, room, DEBUG_PASTE);
    expect(world.webex.counters.injected.status429 - before).toBe(2);
    await settle();
    expectOneExchange(paste);
  });

  it('falls back to the Markdown answer when Webex refuses the card', async () => {
    world.webex.setFaults({ rejectCards: 1 });
    const { paste, answer } = await ask(world, world.admin, room, DEBUG_PASTE);
    expect(world.webex.counters.injected.cardRejected).toBe(1);
    expect(answer.attachments).toBeUndefined();
    expect(answer.markdown).toContain('Azure AD integration is broken');
    expect(answer.markdown).toContain(CONSENT_PATH);
    expect(answer.markdown).toContain('Cisco Webex Identity Integration was deleted from your tenant');
    await settle();
    expect(answersTo(world, paste)).toHaveLength(1);
    expect(bot.output()).toContain('Webex rejected the card; posting the markdown alone');
  });

  it('answers a redelivered webhook once', async () => {
    world.webex.setFaults({});
    world.webex.configureDelivery({ duplicate: true });
    try {
      const { paste } = await ask(world, world.admin, room, DEBUG_PASTE);
      await settle();
      const deliveries = world.webex.deliveries.filter((d) => d.dataId === paste.id);
      expect(deliveries.map((d) => d.outcome)).toEqual([200, 200]);
      expectOneExchange(paste);
    } finally {
      world.webex.configureDelivery({ duplicate: false });
    }
  });

  it('answers a double-clicked Re-verify with one new card', async () => {
    const { paste, answer } = await ask(world, world.admin, room, DEBUG_PASTE);
    const reverify = JSON.stringify(cardOf(answer)).match(/"data":(\{"action":"reverify","diagnosisId":"[^"]+"\})/)?.[1];
    expect(reverify).toBeDefined();
    const inputs = JSON.parse(reverify as string) as Record<string, unknown>;
    // Graph a little slow, as it is: the first press is still running when the second lands.
    world.entra.setFaults([{ latencyMs: 300 }]);
    try {
      world.webex.pressCardButton(world.admin.token, { messageId: answer.id, inputs });
      world.webex.pressCardButton(world.admin.token, { messageId: answer.id, inputs });
      await until('the Re-verify card', () => botMessagesIn(world, room.id, paste.id).filter((m) => m.attachments).length >= 2);
      await settle();
    } finally {
      world.entra.setFaults([]);
    }
    const thread = botMessagesIn(world, room.id, paste.id);
    expect(thread.map((m) => (m.attachments ? 'card' : 'text'))).toEqual(['text', 'card', 'text', 'card']);
    expect(cardStrings(cardOf(thread[3])).join('\n')).toContain('admin@contoso');
  });

  it('stops cleanly, and printed or posted no secret', async () => {
    expect(await bot.stop()).toBe(0);
    expectNoSecrets(world, bot, posts);
  });
});
