/**
 * A paste far over the paste reader's refusal limit (2 MiB). No receiver can deliver one today (Webex stops at
 * 7,439 bytes, local mode at 16,000 characters), so the conversation is driven directly, with its real parts:
 * the Webex API client against the stand-in, the doctor, the store. Whatever the size, the admin gets a clear
 * answer in bounded time, and the conversation keeps answering.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RateLimiter } from '../../src/access/index.js';
import { createConversation } from '../../src/bot/conversation.js';
import { createTenantDoctor } from '../../src/bot/doctor.js';
import { webexMessenger } from '../../src/bot/webex-messenger.js';
import { GraphConnectionPool } from '../../src/graph/index.js';
import { DEFAULT_REFUSE_ABOVE_BYTES } from '../../src/intake/index.js';
import { createLogger } from '../../src/log.js';
import { startWebexStandin, type WebexStandin } from '../../src/local/standins/webex/index.js';
import { openStore } from '../../src/store/index.js';
import type { Store } from '../../src/store/types.js';
import { WebexApi } from '../../src/webex/api.js';
import type { InboundHandlers } from '../../src/webex/inbound.js';
import type { WebexMessage, WebexPerson, WebexRoom } from '../../src/webex/types.js';
import { cardText } from '../../src/cards/text.js';
import { cardStrings } from './support/cards.js';
import { cardOf, DEBUG_PASTE, until } from './support/conversation.js';

const OVER_THE_LIMIT = DEFAULT_REFUSE_ABOVE_BYTES + 1024 * 1024;

describe('a paste over the reader’s refusal limit, through the conversation', () => {
  let webex: WebexStandin;
  let store: Store;
  let conversation: InboundHandlers;
  let bot: WebexPerson;
  let admin: { person: WebexPerson; token: string };
  let room: WebexRoom;

  beforeAll(async () => {
    webex = await startWebexStandin();
    const botAccount = webex.addPerson({ email: 'azure-ad-doctor@webex.bot', displayName: 'Azure AD Doctor', type: 'bot' });
    bot = botAccount.person;
    admin = webex.addPerson({ email: 'ann.admin@contoso.example', displayName: 'Ann Admin', type: 'person' });
    room = webex.addRoom({ title: 'Ann Admin', type: 'direct', members: [admin.person.id, bot.id] });
    store = await openStore({ sqlitePath: ':memory:' });
    conversation = createConversation({
      messenger: webexMessenger(new WebexApi({ token: botAccount.token, apiUrl: webex.url })),
      // No tenant is mapped: the answer rests on the paste alone (nothing here needs Graph).
      doctor: createTenantDoctor({ pool: new GraphConnectionPool(() => undefined), defaultLoginHost: 'https://login.microsoftonline.com', auditDays: 30, now: () => new Date() }),
      store,
      policy: { botOrgId: webex.orgId, tenants: [] },
      limiter: new RateLimiter({ perPersonPerMinute: 60, perTenantPerMinute: 60 }),
      botPersonId: bot.id,
      logger: createLogger({ level: 'silent' }),
      trustedOrigins: [],
      now: () => new Date(),
      newId: () => randomUUID(),
    });
  });

  afterAll(async () => {
    await store?.close();
    await webex?.stop();
  });

  /** The admin's message as Webex holds it (a short stand-in), read by the bot as `text`. */
  async function send(text: string): Promise<{ answer: WebexMessage; ms: number }> {
    const message = webex.postAs(admin.token, { roomId: room.id, text: 'a very long paste' });
    const started = Date.now();
    await conversation.onMessage({ messageId: message.id, roomId: room.id, roomType: 'direct', personId: admin.person.id, personEmail: 'ann.admin@contoso.example', text, mentionedBot: false });
    const replies = () => webex.messages(room.id).filter((m) => m.personId === bot.id && m.parentId === message.id && m.attachments);
    const answer = await until('the answer', () => replies()[0]);
    return { answer, ms: Date.now() - started };
  }

  it('diagnoses from the first part of a 3 MiB paste, and says it read only that part', async () => {
    const { answer, ms } = await send(DEBUG_PASTE + '\n' + 'x'.repeat(OVER_THE_LIMIT));
    const shown = cardStrings(cardOf(answer)).join('\n');
    expect(shown).toContain('ATLAS_497d70df-8811-4b6b-9b6a-ef4f438b57f6_136');
    expect(shown).toContain(cardText('en').md('ui.fact.pasteTruncated'));
    expect(ms).toBeLessThan(5_000);
  });

  it('answers 3 MiB of junk with what it needs and that it read only the first part', async () => {
    const { answer, ms } = await send('junk '.repeat(OVER_THE_LIMIT / 5));
    const shown = cardStrings(cardOf(answer));
    expect(shown).toContain('🔎 I found no Azure AD error in that message');
    expect(shown).toContain('Your message was very long: I read only its first part.');
    expect(ms).toBeLessThan(5_000);
  });

  it('keeps answering afterwards', async () => {
    const { answer } = await send(DEBUG_PASTE);
    expect(cardStrings(cardOf(answer)).join('\n')).toContain('ATLAS_497d70df-8811-4b6b-9b6a-ef4f438b57f6_136');
  });
});
