/**
 * The process as an operator sees it: a deploy sends SIGTERM while an admin waits for a diagnosis (the answer
 * must still arrive, and the process exit 0 within its bound), and a wrong setting stops it at once, naming
 * the variable.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { botEnv, freePort, startBotProcess, startWorld, type BotProcess, type World } from '../support/bot-process.js';
import { answersTo, botMessagesIn, cardOf, DEBUG_PASTE, postWebhook, until } from './support/conversation.js';
import { runUntilExit } from './support/exit.js';
import { expectNoSecrets, recordBotPosts, type PostRecorder } from './support/secrets.js';

/** main.ts gives a shutdown 20 s before it gives up. */
const SHUTDOWN_BOUND_MS = 20_000;

describe('SIGTERM with a diagnosis in flight', () => {
  let world: World;
  let bot: BotProcess;
  let posts: PostRecorder;

  beforeAll(async () => {
    world = await startWorld({ scenarios: ['integrationAppRemoved'] });
    posts = recordBotPosts(world);
    bot = await startBotProcess(botEnv(world, 'integrationAppRemoved', await freePort()));
  });

  afterAll(async () => {
    await bot?.stop();
    await world?.stop();
  });

  it('posts the answer, then exits 0 within the bound', async () => {
    const room = world.direct(world.admin);
    // Graph slow enough that the diagnosis is surely running when the signal lands.
    world.entra.setFaults([{ latencyMs: 2_000 }]);
    const paste = world.webex.postAs(world.admin.token, { roomId: room.id, text: DEBUG_PASTE });
    await until('the "checking" note', () => botMessagesIn(world, room.id, paste.id).length === 1);
    const started = Date.now();
    const code = await bot.stop(SHUTDOWN_BOUND_MS + 5_000);
    const ms = Date.now() - started;
    expect(code).toBe(0);
    expect(ms).toBeLessThan(SHUTDOWN_BOUND_MS);
    const answers = answersTo(world, paste);
    expect(answers).toHaveLength(1);
    expect(JSON.stringify(cardOf(answers[0]))).toContain('admin@contoso.com');
    expect(bot.output()).toContain('"signal":"SIGTERM"');
  });

  it('printed or posted no secret', () => {
    expectNoSecrets(world, bot, posts);
  });
});

describe('a wrong setting', () => {
  it('stops the process at once with code 2, naming the variable and never echoing a secret', async () => {
    const port = String(await freePort());
    const exit = await runUntilExit({
      WEBEX_BOT_TOKEN: 'a-bot-token-that-is-long-enough-0123456789',
      WEBEX_WEBHOOK_URL: `http://127.0.0.1:${port}/webex/webhook`,
      WEBEX_WEBHOOK_SECRET: 'too-short',
      PORT: port,
      AZURE_TENANT_ID: 'nope',
    });
    expect(exit.code).toBe(2);
    expect(exit.output).toContain('AZURE_TENANT_ID: expected a GUID');
    expect(exit.output).toContain('WEBEX_WEBHOOK_SECRET: expected a random string of at least 16 characters');
    expect(exit.output).not.toContain('too-short');
    expect(exit.output).not.toContain('a-bot-token-that-is-long-enough');
    // Nothing was started: no port to wait for, no Webex to call. "At once" is the time to load the program.
    expect(exit.ms).toBeLessThan(15_000);
    await expect(postWebhook(Number(port), '{}')).rejects.toThrow();
  });
});
