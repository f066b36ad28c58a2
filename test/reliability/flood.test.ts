/**
 * A flood: a hundred admins paste at the same moment. Every one of them gets an answer (the diagnosis, or an
 * explicit "try again in N s" when the tenant's quota is spent), Graph sees one shared collection per burst
 * rather than one per paste, and the process's memory stays bounded.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebexMessage, WebexRoom } from '../../src/webex/types.js';
import { botEnv, freePort, startBotProcess, startWorld, type BotProcess, type Person, type World } from '../support/bot-process.js';
import { answersTo, DEBUG_PASTE, until } from './support/conversation.js';
import { expectNoSecrets, recordBotPosts, type PostRecorder } from './support/secrets.js';

const PEOPLE = 100;
const PER_TENANT_PER_MINUTE = 20;

function rssMb(pid: number): number {
  const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(kb) / 1024;
}

describe('a flood of pastes, end to end', () => {
  let world: World;
  let bot: BotProcess;
  let posts: PostRecorder;
  const admins: { person: Person; room: WebexRoom }[] = [];

  beforeAll(async () => {
    world = await startWorld({ scenarios: ['integrationAppRemoved'] });
    posts = recordBotPosts(world);
    const port = await freePort();
    bot = await startBotProcess(botEnv(world, 'integrationAppRemoved', port, { RATE_LIMIT_PER_TENANT_PER_MINUTE: String(PER_TENANT_PER_MINUTE) }));
    for (let i = 0; i < PEOPLE; i++) {
      const person = world.webex.addPerson({ email: `admin${i}@contoso.example`, displayName: `Admin ${i}`, type: 'person' });
      admins.push({ person, room: world.direct(person) });
    }
    await world.webex.idle();
  });

  afterAll(async () => {
    await bot?.stop();
    await world?.stop();
  });

  it('answers every one of 100 simultaneous pastes, sheds the excess explicitly, and shares Graph collections', async () => {
    const pid = bot.child.pid as number;
    const rssBefore = rssMb(pid);
    world.entra.resetCounters();
    // Graph as it is on a busy day: half a second a call, so concurrent pastes overlap.
    world.entra.setFaults([{ latencyMs: 500 }]);
    let rssPeak = rssBefore;
    const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, rssMb(pid))), 100);
    const started = Date.now();
    const pastes = admins.map(({ person, room }) => world.webex.postAs(person.token, { roomId: room.id, text: DEBUG_PASTE }));
    let answers: WebexMessage[][] = [];
    try {
      await until('an answer to every paste', () => (answers = pastes.map((p) => answersTo(world, p))).every((a) => a.length > 0), 90_000);
      await world.webex.idle();
    } finally {
      clearInterval(sampler);
    }
    const seconds = (Date.now() - started) / 1000;

    expect(answers.map((a) => a.length)).toEqual(pastes.map(() => 1)); // one answer each, none twice
    const cards = answers.filter(([a]) => a?.attachments !== undefined);
    const busy = answers.filter(([a]) => a?.attachments === undefined);
    for (const [answer] of busy) expect(answer?.markdown).toMatch(/^You are asking faster than I can check\. Try again in \d+ s\.$/);
    expect(cards.length).toBe(PER_TENANT_PER_MINUTE);
    expect(cards.length + busy.length).toBe(PEOPLE);
    for (const [card] of cards) expect(JSON.stringify(card)).toContain('admin@contoso.com');

    const graph = world.entra.counters;
    expect(graph.tokenRequests).toBeLessThanOrEqual(1);
    // One collection is at most two $batch round trips: twenty diagnoses alone would cost forty; they share a few.
    expect(graph.graphRequests).toBeLessThanOrEqual(10);
    expect(rssPeak - rssBefore, `RSS ${rssBefore.toFixed(0)} MB → peak ${rssPeak.toFixed(0)} MB`).toBeLessThan(200);
    expect(seconds, 'every admin answered within a minute').toBeLessThan(60);
  }, 120_000);

  it('is still answering afterwards', async () => {
    world.entra.setFaults([]);
    const [first] = admins;
    const paste = world.webex.postAs(first?.person.token ?? '', { roomId: first?.room.id, text: 'help' });
    await until('the help card', () => answersTo(world, paste)[0]);
  });

  it('stops cleanly, and printed or posted no secret', async () => {
    expect(await bot.stop()).toBe(0);
    expectNoSecrets(world, bot, posts);
  });
});
