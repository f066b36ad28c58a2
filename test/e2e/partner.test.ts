import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalWebexId } from '../../src/access/index.js';
import { renderRefusal } from '../../src/cards/index.js';
import { projectPath } from '../../src/paths.js';
import type { WebexMessage, WebexRoom } from '../../src/webex/types.js';
import { botEnv, freePort, startBotProcess, startWorld, type BotProcess, type Person, type World } from '../support/bot-process.js';
import { addMember, cardOf, expectNoTenantData, mentioning, reverifyOf, spacesReady, Transcript } from './support.js';

/**
 * A partner's bot (issue "Who may see a tenant"): two Webex orgs, each mapped to its own Entra tenant in one
 * Entra stand-in (org A, the bot's own, has lost its Integration app; org B's is disabled), and a strict rate limit.
 */

const debugInfo = readFileSync(projectPath('test/fixtures/pastes/en-debug-info.txt'), 'utf8');

describe('a partner bot serving two orgs, each with its own tenant', () => {
  let world: World;
  let bot: BotProcess;
  let transcript: Transcript;
  let tenantA: string;
  let tenantB: string;
  let orgBTeam: WebexRoom;
  /** A second person of org B, with a space of her own (the rate limit allows one paste a minute per person). */
  let fiona: Person;
  let fionasSpace: WebexRoom;
  const directs = new Map<Person, WebexRoom>();

  beforeAll(async () => {
    world = await startWorld({ scenarios: ['integrationAppRemoved', 'disabled'] });
    tenantA = world.tenants.integrationAppRemoved ?? '';
    tenantB = world.tenants.disabled ?? '';
    transcript = new Transcript(world);
    const orgA = world.admin.person.orgId;
    // Org B written as Control Hub shows it (a bare UUID), org A as the API does (a Hydra id): both forms must work.
    const orgB = canonicalWebexId(world.outsider.person.orgId);
    const port = await freePort();
    bot = await startBotProcess(
      botEnv(world, 'integrationAppRemoved', port, {
        TENANT_MAP: `${orgA}=${tenantA},${orgB}=${tenantB}`,
        ALLOWED_ORG_IDS: `${orgA},${orgB}`,
        RATE_LIMIT_PER_PERSON_PER_MINUTE: '1',
      }),
    );
    for (const person of [world.admin, world.colleague, world.outsider]) directs.set(person, world.direct(person));
    orgBTeam = world.group('Fabrikam identity', [world.outsider]);
    fiona = world.webex.addPerson({ email: 'fiona@fabrikam.example', displayName: 'Fiona Fabrikam', type: 'person', orgId: world.outsider.person.orgId });
    fionasSpace = world.group('Fabrikam directory', [fiona]);
    await spacesReady(world);
  });

  afterAll(async () => {
    transcript?.dispose();
    await bot?.stop();
    await world?.stop();
  });

  async function paste(person: Person, room: WebexRoom): Promise<{ paste: WebexMessage; card: WebexMessage }> {
    const sent = world.webex.postAs(person.token, room.type === 'group' ? { roomId: room.id, markdown: mentioning(world, debugInfo) } : { roomId: room.id, text: debugInfo });
    return { paste: sent, card: await transcript.waitForCard({ roomId: room.id, parentId: sent.id }) };
  }

  it("checks each org's own tenant, and only that one", async () => {
    const [a, b] = await Promise.all([paste(world.admin, directs.get(world.admin) as WebexRoom), paste(world.outsider, orgBTeam)]);
    const cardA = JSON.stringify(cardOf(a.card));
    const cardB = JSON.stringify(cardOf(b.card));
    expect(cardA).toContain(`/${tenantA}/adminconsent`);
    expect(cardA).not.toContain(tenantB);
    expect(cardB).toContain(`Entra tenant ${tenantB}`);
    expect(cardB).not.toContain(tenantA);
    // Two tenants, two findings: A's Integration app was deleted, B's is there but disabled.
    expect(cardA).toContain('Cisco Webex Identity Integration was deleted from your tenant');
    expect(cardA).not.toContain('is disabled');
    expect(cardB).toContain('Cisco Webex Identity Integration is disabled');
    expect(cardB).not.toContain('was deleted from your tenant');
  });

  it("refuses a member of org A who presses the Re-verify button on org B's card", async () => {
    const { card } = await paste(fiona, fionasSpace);
    expect(JSON.stringify(cardOf(card))).toContain(`Entra tenant ${tenantB}`);
    // Someone adds the org A admin to the space later: the card is now in front of a person of another tenant.
    addMember(world.webex, fionasSpace, world.admin, fiona);
    const since = transcript.mark();
    world.webex.pressCardButton(world.admin.token, { messageId: card.id, inputs: reverifyOf(card) ?? {} });
    const refusal = await transcript.waitForBot((m) => m.roomId === fionasSpace.id, { since, what: 'refusing the press' });
    expect(refusal.markdown).toBe(renderRefusal({ kind: 'not-allowed' }, 'en').markdown);
    await transcript.settle();
    const after = transcript.bot({ since });
    expect(after).toHaveLength(1);
    expectNoTenantData(after, [tenantA, tenantB]);
  });

  it('answers a second paste within the minute with "try again in N s", and runs no check for it', async () => {
    const room = directs.get(world.colleague) as WebexRoom;
    await paste(world.colleague, room);
    const since = transcript.mark();
    const second = world.webex.postAs(world.colleague.token, { roomId: room.id, text: debugInfo });
    const answer = await transcript.waitForBot((m) => m.parentId === second.id, { since, what: 'answering the second paste' });
    const seconds = Number(/(\d+) s\.$/.exec(answer.markdown ?? '')?.[1]);
    expect(seconds).toBeGreaterThan(0);
    expect(seconds).toBeLessThanOrEqual(60);
    expect(answer.markdown).toBe(renderRefusal({ kind: 'rate-limited', retryAfterSeconds: seconds }, 'en').markdown);
    await transcript.settle();
    expect(transcript.bot({ since })).toHaveLength(1);
  });
});
