import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderRefusal } from '../../src/cards/index.js';
import { renderCardExpired, renderMovedToDirect, renderWatchReply } from '../../src/cards/render-plain.js';
import { projectPath } from '../../src/paths.js';
import type { WebexMessage, WebexRoom } from '../../src/webex/types.js';
import { botEnv, freePort, startBotProcess, startWorld, type BotProcess, type Person, type World } from '../support/bot-process.js';
import { addMember, cardOf, expectNoTenantData, mentioning, reverifyOf, spacesReady, Transcript } from './support.js';

/**
 * Who may see a tenant (issue "Who may see a tenant"), with the REAL bot process: a person from another Webex
 * org, group spaces with such a person in them, forged and stale card presses.
 */

const seedJa = readFileSync(projectPath('test/fixtures/pastes/seed-ja.txt'), 'utf8');
const debugInfo = readFileSync(projectPath('test/fixtures/pastes/en-debug-info.txt'), 'utf8');

describe('who may see the tenant', () => {
  let world: World;
  let bot: BotProcess;
  let transcript: Transcript;
  let tenantId: string;
  const directs = new Map<Person, WebexRoom>();
  /** Group spaces, each for one test: with an outsider from the start, or insiders only (a guest joins later). */
  let withOutsider: WebexRoom;
  let withOutsiderForHistory: WebexRoom;
  let insidersForOutsiderPress: WebexRoom;
  let insidersForInsiderPress: WebexRoom;

  beforeAll(async () => {
    world = await startWorld({ scenarios: ['integrationAppRemoved'] });
    tenantId = world.tenants.integrationAppRemoved ?? '';
    transcript = new Transcript(world);
    const port = await freePort();
    bot = await startBotProcess(botEnv(world, 'integrationAppRemoved', port, { RATE_LIMIT_PER_PERSON_PER_MINUTE: '60' }));
    // Each person's 1:1 space with the bot exists from the start, so "sent to you in a 1:1 space" has one place to land.
    for (const person of [world.admin, world.colleague, world.outsider]) directs.set(person, world.direct(person));
    withOutsider = world.group('Vendor call', [world.admin, world.outsider]);
    withOutsiderForHistory = world.group('Vendor call (history)', [world.admin, world.outsider]);
    insidersForOutsiderPress = world.group('Identity team', [world.admin, world.colleague]);
    insidersForInsiderPress = world.group('Identity team (guest later)', [world.admin, world.colleague]);
    await spacesReady(world);
  });

  afterAll(async () => {
    transcript?.dispose();
    await bot?.stop();
    await world?.stop();
  });

  const direct = (person: Person): WebexRoom => directs.get(person) as WebexRoom;

  /** A diagnosis card posted in `room` for `person`'s paste (mentioning the bot in group spaces). */
  async function cardFor(person: Person, room: WebexRoom): Promise<WebexMessage> {
    const paste = world.webex.postAs(person.token, room.type === 'group' ? { roomId: room.id, markdown: mentioning(world, debugInfo) } : { roomId: room.id, text: debugInfo });
    return transcript.waitForCard({ roomId: room.id, parentId: paste.id });
  }

  it('tells a person from another org, politely, that they may not use the bot, and shows nothing of the tenant', async () => {
    const room = direct(world.outsider);
    const asks = [seedJa, 'check', 'history', 'watch'];
    const posted = asks.map((text) => world.webex.postAs(world.outsider.token, { roomId: room.id, text }));
    await transcript.waitForBot((m) => transcript.bot({ roomId: room.id }).length >= asks.length && m.roomId === room.id, { what: 'answering each of the outsider’s messages' });
    await transcript.settle();
    const replies = transcript.bot({ roomId: room.id });
    expect(replies).toHaveLength(asks.length);
    // One refusal in each thread; the Japanese paste is refused in Japanese, the rest in English.
    const replyTo = (paste: WebexMessage) => replies.find((r) => r.parentId === paste.id)?.markdown;
    expect(posted.map(replyTo)).toEqual([renderRefusal({ kind: 'not-allowed' }, 'ja').markdown, ...asks.slice(1).map(() => renderRefusal({ kind: 'not-allowed' }, 'en').markdown)]);
    expectNoTenantData(replies, [tenantId]);
  });

  it('in a group space with an outsider, keeps the group to a "continuing in 1:1" note and sends the card to the asker’s 1:1 space', async () => {
    const mixed = withOutsider;
    const since = transcript.mark();
    const paste = world.webex.postAs(world.admin.token, { roomId: mixed.id, markdown: mentioning(world, debugInfo) });
    const card = await transcript.waitForCard({ since, roomId: direct(world.admin).id });
    expect(JSON.stringify(cardOf(card))).toContain(`/${tenantId}/adminconsent`);
    // In the 1:1 space the card answers the "checking" note there, so the exchange reads as one thread.
    const [checking] = transcript.bot({ since, roomId: direct(world.admin).id });
    expect(card.parentId).toBe(checking?.id);

    await transcript.settle();
    const inGroup = transcript.bot({ since, roomId: mixed.id });
    expect(inGroup.map((m) => m.markdown)).toEqual([renderMovedToDirect('en').markdown]);
    expect(inGroup[0]?.parentId).toBe(paste.id);
    expectNoTenantData(inGroup, [tenantId]);
  });

  it('in a group space with an outsider, sends history and watch replies to the asker’s 1:1 space too', async () => {
    const mixed = withOutsiderForHistory;
    const since = transcript.mark();
    world.webex.postAs(world.admin.token, { roomId: mixed.id, markdown: mentioning(world, 'history') });
    const history = await transcript.waitForBot((m) => m.roomId === direct(world.admin).id && (m.markdown ?? '').includes(tenantId), { since, what: 'with the history in the 1:1 space' });
    expect(history.markdown).toContain('Check runs');
    world.webex.postAs(world.admin.token, { roomId: mixed.id, markdown: mentioning(world, 'watch') });
    await transcript.waitForBot((m) => m.roomId === direct(world.admin).id && m.markdown === renderWatchReply({ kind: 'watching' }, 'en').markdown, { since, what: 'confirming the watch in the 1:1 space' });
    await transcript.settle();
    const inGroup = transcript.bot({ since, roomId: mixed.id });
    expect(inGroup.map((m) => m.markdown)).toEqual([renderMovedToDirect('en').markdown, renderMovedToDirect('en').markdown]);
    expectNoTenantData(inGroup, [tenantId]);

    // The alerts will go to the 1:1 space: that is where the watch is, not in the group.
    world.webex.postAs(world.admin.token, { roomId: direct(world.admin).id, text: 'status' });
    const status = await transcript.waitForBot((m) => m.roomId === direct(world.admin).id && (m.markdown ?? '').includes(tenantId) && m.id !== history.id, { since, what: 'with the watch status' });
    expect(status.markdown).not.toBe(renderWatchReply({ kind: 'not-watching' }, 'en').markdown);
  });

  it('refuses a Re-verify pressed by an outsider who joined the space after the card was posted', async () => {
    // Webex itself refuses a press on a card in a space the presser is not in (a 1:1 card is out of reach)…
    const adminsCard = await cardFor(world.admin, direct(world.admin));
    expect(() => world.webex.pressCardButton(world.outsider.token, { messageId: adminsCard.id, inputs: reverifyOf(adminsCard) ?? {} })).toThrow();
    // …so the outsider needs to be in the space: a guest added to a group space after the card was posted.
    const team = insidersForOutsiderPress;
    const card = await cardFor(world.admin, team);
    addMember(world.webex, team, world.outsider, world.admin);

    const since = transcript.mark();
    world.webex.pressCardButton(world.outsider.token, { messageId: card.id, inputs: reverifyOf(card) ?? {} });
    const refusal = await transcript.waitForBot((m) => m.roomId === team.id, { since, what: 'refusing the press' });
    expect(refusal.markdown).toBe(renderRefusal({ kind: 'not-allowed' }, 'en').markdown);
    await transcript.settle();
    const after = transcript.bot({ since });
    expect(after).toHaveLength(1);
    expectNoTenantData(after, [tenantId]);
  });

  it('sends a Re-verify pressed by an insider to their 1:1 space once an outsider is in the space', async () => {
    const team = insidersForInsiderPress;
    const card = await cardFor(world.admin, team);
    addMember(world.webex, team, world.outsider, world.colleague);

    const since = transcript.mark();
    world.webex.pressCardButton(world.colleague.token, { messageId: card.id, inputs: reverifyOf(card) ?? {} });
    const fresh = await transcript.waitForCard({ since, roomId: direct(world.colleague).id });
    expect(JSON.stringify(cardOf(fresh))).toContain(`/${tenantId}/adminconsent`);
    await transcript.settle();
    const inGroup = transcript.bot({ since, roomId: team.id });
    expect(inGroup.map((m) => m.markdown)).toEqual([renderMovedToDirect('en').markdown]);
    expectNoTenantData(inGroup, [tenantId]);
  });

  it('treats a press whose inputs name another diagnosis than the card pressed as stale: no diagnosis runs', async () => {
    const room = direct(world.admin);
    const mine = await cardFor(world.admin, room);
    const other = await cardFor(world.colleague, direct(world.colleague));
    const otherId = reverifyOf(other)?.diagnosisId;
    expect(otherId).toBeDefined();
    expect(otherId).not.toBe(reverifyOf(mine)?.diagnosisId);

    const since = transcript.mark();
    world.webex.pressCardButton(world.admin.token, { messageId: mine.id, inputs: { action: 'reverify', diagnosisId: otherId } });
    const answer = await transcript.waitForBot((m) => m.roomId === room.id, { since, what: 'answering the press' });
    expect(answer.markdown).toBe(renderCardExpired('en').markdown);
    expect(answer.parentId).toBe(mine.parentId);
    await transcript.settle();
    // Only that note: no "checking…", no card, nothing anywhere else.
    expect(transcript.bot({ since })).toHaveLength(1);
  });
});
