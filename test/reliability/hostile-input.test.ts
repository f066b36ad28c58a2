/**
 * Hostile and broken pastes through the real bot process: whatever an admin (or an attacker in a shared space)
 * sends, the bot answers, stays up, and nothing the user typed becomes a link, a button, markup or a mention in
 * what it posts. The bot has no language model: prompt-like text is text.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebexMessage, WebexRoom } from '../../src/webex/types.js';
import { actionsOf, markdownTexts } from '../cards/validate-card.js';
import { botEnv, freePort, startBotProcess, startWorld, type BotProcess, type World } from '../support/bot-process.js';
import { cardStrings } from './support/cards.js';
import { ask, cardOf } from './support/conversation.js';
import { binaryJunk, deeplyNestedPaste, HOSTILE_PASTE, INVISIBLE, liveMarkup, pasteAtWebexLimit, PROMPT_LIKE, WEBEX_TEXT_LIMIT } from './support/hostile.js';
import { expectNoSecrets, recordBotPosts, type PostRecorder } from './support/secrets.js';

const NEED_MORE_TITLE = '🔎 I found no Azure AD error in that message';
const ALLOWED_LINK_HOSTS = new Set(['learn.microsoft.com', 'help.webex.com', 'portal.azure.com', 'admin.webex.com']);

describe('hostile input, end to end', () => {
  let world: World;
  let bot: BotProcess;
  let posts: PostRecorder;
  let room: WebexRoom;
  let authorityHost: string;

  beforeAll(async () => {
    world = await startWorld({ scenarios: ['integrationAppRemoved'] });
    posts = recordBotPosts(world);
    authorityHost = new URL(world.entra.authorityHost).host;
    const port = await freePort();
    bot = await startBotProcess(botEnv(world, 'integrationAppRemoved', port, { RATE_LIMIT_PER_PERSON_PER_MINUTE: '60' }));
    room = world.direct(world.admin);
  });

  afterAll(async () => {
    await bot?.stop();
    await world?.stop();
  });

  /** Nothing pasted is live: no foreign link or button, no markup, no invisible characters, in card or Markdown. */
  function expectInert(answer: WebexMessage): void {
    const card = cardOf(answer);
    const texts = [...(card ? markdownTexts(card) : []), answer.markdown ?? ''];
    for (const text of texts) expect(liveMarkup(text), text).toEqual([]);
    expect(INVISIBLE.test(JSON.stringify(answer))).toBe(false);
    for (const action of card ? actionsOf(card) : []) {
      if (action.type === 'Action.OpenUrl') {
        const url = new URL(String(action.url));
        expect(url.protocol).toBe('https:');
        expect(ALLOWED_LINK_HOSTS.has(url.host) || url.host === authorityHost, url.href).toBe(true);
      }
      if (action.type === 'Action.Submit') expect(Object.keys(action.data as object).sort()).toEqual(['action', 'diagnosisId']);
    }
    for (const [, target] of (answer.markdown ?? '').matchAll(/\]\((\S+?)\)/g)) {
      const host = new URL(target ?? '').host;
      expect(ALLOWED_LINK_HOSTS.has(host) || host === authorityHost, target).toBe(true);
    }
  }

  it('shows Markdown, HTML, mentions, RTL overrides and zero-width characters as inert text', async () => {
    const { answer } = await ask(world, world.admin, room, HOSTILE_PASTE);
    expect(cardOf(answer), 'still a diagnosis card').toBeDefined();
    expectInert(answer);
    // The admin still sees what they pasted (escaped, not dropped), and the ids still read right.
    const shown = cardStrings(cardOf(answer)).join('\n');
    expect(shown).toContain('\\[click\\]\\(https\\://evil\\.example/login\\)');
    expect(shown).toContain('ATLAS_497d70df-8811-4b6b-9b6a-ef4f438b57f6_136');
  });

  it('treats prompt-like text as text: no verdict, no secret, no echo', async () => {
    const { answer } = await ask(world, world.admin, room, PROMPT_LIKE);
    expect(cardStrings(cardOf(answer))).toContain(NEED_MORE_TITLE);
    expect(JSON.stringify(answer)).not.toMatch(/healthy|maintenance mode|WEBEX_BOT_TOKEN/i);
    expectInert(answer);
  });

  it('diagnoses a paste at Webex’s size limit', async () => {
    const paste = pasteAtWebexLimit();
    expect(Buffer.byteLength(paste, 'utf8')).toBe(WEBEX_TEXT_LIMIT);
    const { answer, ms } = await ask(world, world.admin, room, paste);
    expect(cardStrings(cardOf(answer)).join('\n')).toContain('Cisco Webex Identity Integration was deleted');
    expect(ms).toBeLessThan(10_000);
  });

  it('answers binary junk with what it needs', async () => {
    const { answer } = await ask(world, world.admin, room, binaryJunk(3_000));
    // Latin-1 junk may well read as Spanish or French: the need-more card, in whichever language, is the answer.
    expect(cardStrings(cardOf(answer)).some((s) => s.startsWith('🔎 '))).toBe(true);
    expectInert(answer);
  });

  it('reads a debug block whose JSON is nested hundreds of levels deep', async () => {
    const paste = deeplyNestedPaste(600);
    expect(Buffer.byteLength(paste, 'utf8')).toBeLessThanOrEqual(WEBEX_TEXT_LIMIT);
    const { answer } = await ask(world, world.admin, room, paste);
    expect(cardStrings(cardOf(answer)).join('\n')).toContain('Cisco Webex Identity Integration was deleted');
  });

  it('is still up and answering after all of it', async () => {
    expect((await fetch(`http://127.0.0.1:${bot.port}/healthz`)).status).toBe(200);
    const { answer } = await ask(world, world.admin, room, 'help');
    expect(cardOf(answer)).toBeDefined();
  });

  it('stops cleanly, and printed or posted no secret', async () => {
    expect(await bot.stop()).toBe(0);
    expectNoSecrets(world, bot, posts);
  });
});
