import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectPath } from '../../src/paths.js';
import type { WebexRoom } from '../../src/webex/types.js';
import { botEnv, freePort, startBotProcess, startWorld, type BotProcess, type World } from '../support/bot-process.js';
import { cardOf, reverifyOf, spacesReady, Transcript } from './support.js';

/**
 * A restart (a deploy, a crash) between a diagnosis and the admin's Re-verify press: the card's record lives in
 * SQLite, so a new process on the same SQLITE_PATH (and the same webhook URL) takes the press over.
 */

const debugInfo = readFileSync(projectPath('test/fixtures/pastes/en-debug-info.txt'), 'utf8');

describe('Re-verify across a restart of the bot process', () => {
  let world: World;
  let first: BotProcess | undefined;
  let second: BotProcess | undefined;
  let transcript: Transcript;
  let dataDir: string;
  let env: Record<string, string>;
  let room: WebexRoom;

  beforeAll(async () => {
    world = await startWorld({ scenarios: ['integrationAppRemoved'] });
    transcript = new Transcript(world);
    dataDir = mkdtempSync(join(tmpdir(), 'doctor-e2e-restart-'));
    env = botEnv(world, 'integrationAppRemoved', await freePort(), { SQLITE_PATH: join(dataDir, 'doctor.sqlite') });
    first = await startBotProcess(env);
    room = world.direct(world.admin);
    await spacesReady(world);
  });

  afterAll(async () => {
    transcript?.dispose();
    await first?.stop();
    await second?.stop();
    await world?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('a new process on the same database answers a press on a card the old one posted', async () => {
    const paste = world.webex.postAs(world.admin.token, { roomId: room.id, text: debugInfo });
    const card = await transcript.waitForCard({ roomId: room.id, parentId: paste.id });
    const pressed = reverifyOf(card);
    if (!pressed) throw new Error('no Re-verify button');

    expect(await first?.stop()).toBe(0); // SIGTERM: a clean shutdown
    second = await startBotProcess(env);

    const since = transcript.mark();
    world.webex.pressCardButton(world.admin.token, { messageId: card.id, inputs: pressed });
    const fresh = await transcript.waitForCard({ since, roomId: room.id, parentId: paste.id });
    expect(reverifyOf(fresh)?.diagnosisId).not.toBe(pressed.diagnosisId);
    // The new card compares with the one stored by the old process: nothing changed in the tenant meanwhile.
    const json = JSON.stringify(cardOf(fresh));
    expect(json).toContain('What changed since the last check');
    expect(json).toContain('Nothing changed');
    expect(second.output()).toContain('Azure AD Doctor ready');
  });
});
