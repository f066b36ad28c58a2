/**
 * Microsoft Graph misbehaving under a real bot process: throttling, an outage, a rotated client secret and a
 * slow tenant. The admin always gets an answer that says what was and was not seen, in bounded time; the
 * webhook is answered before the slow work; and nothing secret shows up anywhere.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCENARIOS } from '../../src/local/standins/entra/index.js';
import type { WebexRoom } from '../../src/webex/types.js';
import { botEnv, freePort, startBotProcess, startWorld, type BotProcess, type World } from '../support/bot-process.js';
import { cardStrings, checkRows } from './support/cards.js';
import { addOrg, ask, cardOf, DEBUG_PASTE } from './support/conversation.js';
import { expectNoSecrets, recordBotPosts, type PostRecorder } from './support/secrets.js';

/** The seven checks a diagnosis card lists. */
const CHECK_COUNT = 7;

describe('Graph faults, end to end', () => {
  let world: World;
  let bot: BotProcess;
  let posts: PostRecorder;
  let room: WebexRoom;
  let rotated: ReturnType<typeof addOrg>;

  beforeAll(async () => {
    world = await startWorld({ scenarios: ['integrationAppRemoved', 'badClientSecret'] });
    posts = recordBotPosts(world);
    // A second customer org whose tenant rotated the bot's secret (a partner's bot serves many tenants).
    rotated = addOrg(world, 'rotated');
    const port = await freePort();
    bot = await startBotProcess(
      botEnv(world, 'integrationAppRemoved', port, {
        LOG_LEVEL: 'debug', // the secrets scan reads the chattiest output the bot can produce
        TENANT_MAP: `${rotated.orgUuid}=${world.tenants.badClientSecret}`,
        ALLOWED_ORG_IDS: `${world.webex.orgId},${rotated.orgId}`,
        RATE_LIMIT_PER_PERSON_PER_MINUTE: '60',
      }),
    );
    room = world.direct(world.admin);
  });

  afterAll(async () => {
    await bot?.stop();
    await world?.stop();
  });

  it('waits out Retry-After (on the $batch and inside it) and still gives the full diagnosis', async () => {
    world.entra.setFaults(SCENARIOS.throttledThenFine.faults);
    const { answer, ms } = await ask(world, world.admin, room, DEBUG_PASTE);
    const card = cardOf(answer);
    const rows = checkRows(card);
    expect(rows).toHaveLength(CHECK_COUNT);
    expect(rows.filter((r) => r.detail.startsWith('Could not check')), 'every check ran despite the throttling').toEqual([]);
    expect(cardStrings(card).join('\n')).toContain('Cisco Webex Identity Integration was deleted by admin@contoso\\.com');
    // One second for the throttled $batch, one for the throttled audit query inside the next one: honoured, not skipped.
    expect(ms).toBeGreaterThanOrEqual(2_000);
    expect(ms).toBeLessThan(15_000);
  });

  it('says what it could not see when Graph is down, and answers within the retry bound', async () => {
    world.entra.setFaults(SCENARIOS.graphDown.faults);
    const { answer, ms } = await ask(world, world.admin, room, DEBUG_PASTE);
    const card = cardOf(answer);
    const rows = checkRows(card);
    expect(rows).toHaveLength(CHECK_COUNT);
    for (const row of rows) {
      expect(row.icon).toBe('⚠️');
      expect(row.detail).toBe('Could not check: Microsoft Graph could not be reached.');
    }
    const shown = cardStrings(card).join('\n');
    expect(shown).toContain('What the bot could not see');
    expect(shown).toContain('503 UnknownError');
    expect(shown).not.toContain('✅');
    expect(answer.markdown).toContain('What the bot could not see');
    // Graph's retry budget is 10 s per request; the answer must not wait much beyond it.
    expect(ms).toBeLessThan(15_000);
  });

  it('names AADSTS7000215 and the fix when the tenant rotated the bot secret, and reveals no secret', async () => {
    world.entra.setFaults([]);
    const { answer } = await ask(world, rotated.admin, world.direct(rotated.admin), DEBUG_PASTE);
    const shown = cardStrings(cardOf(answer)).join('\n');
    expect(shown).toContain('The bot could not sign in to your tenant (AADSTS7000215)');
    expect(shown).toContain("The bot's client secret is wrong; often the Secret ID was configured instead of the secret's Value.");
    for (const row of checkRows(cardOf(answer))) expect(row.detail).toBe('Could not check: the bot could not sign in to your tenant (AADSTS7000215).');
    expect(answer.markdown).toContain('AADSTS7000215');
  });

  it('answers the webhook at once while Graph takes 2 s a call', async () => {
    // Webex gives up on a slow receiver and redelivers; the stand-in gives up after 500 ms here and never retries.
    world.webex.configureDelivery({ timeoutMs: 500, retries: 0 });
    world.entra.setFaults([{ latencyMs: 2_000 }]);
    try {
      const { paste, ms } = await ask(world, world.admin, room, DEBUG_PASTE);
      expect(ms, 'the diagnosis itself took longer than the webhook bound').toBeGreaterThan(2_000);
      const deliveries = world.webex.deliveries.filter((d) => d.dataId === paste.id);
      expect(deliveries.map((d) => d.outcome)).toEqual([200]);
    } finally {
      world.webex.configureDelivery({ timeoutMs: 5_000, retries: 2 });
      world.entra.setFaults([]);
    }
  });

  it('stops cleanly, and printed or posted no secret', async () => {
    expect(await bot.stop()).toBe(0);
    expectNoSecrets(world, bot, posts);
  });
});
