import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectPath } from '../../src/paths.js';
import { botEnv, botMessages, freePort, startBotProcess, startWorld, type BotProcess, type World } from '../support/bot-process.js';

const seedJa = readFileSync(projectPath('test/fixtures/pastes/seed-ja.txt'), 'utf8');

describe('the real bot process, the Integration app removed yesterday', () => {
  let world: World;
  let bot: BotProcess;

  beforeAll(async () => {
    world = await startWorld({ scenarios: ['integrationAppRemoved'] });
    const port = await freePort();
    bot = await startBotProcess(botEnv(world, 'integrationAppRemoved', port));
  });

  afterAll(async () => {
    await bot?.stop();
    await world?.stop();
  });

  it('answers the Japanese seed in a 1:1 space with the cause, the remover and a tenant-scoped consent link, in Japanese', async () => {
    const room = world.direct(world.admin);
    const paste = world.webex.postAs(world.admin.token, { roomId: room.id, text: seedJa });
    const [checking, answer] = await botMessages(world, room.id, 2, { parentId: paste.id });
    expect(checking?.markdown).toContain('テナントを確認しています');
    const card = answer?.attachments?.[0]?.content as Record<string, unknown>;
    expect(card.version).toBe('1.3');
    const json = JSON.stringify(card);
    const tenantId = world.tenants.integrationAppRemoved ?? '';
    expect(json).toContain(`/${tenantId}/adminconsent?client_id=90db942a-c1eb-4e8d-82e4-eebf64a7e2ae`);
    expect(json).toContain('admin@contoso.com');
    expect(json).toContain('"action":"reverify"');
    expect(answer?.markdown).toContain('削除');
  });
});
