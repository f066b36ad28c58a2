import { expect } from 'vitest';
import { DEMO_BOT_SECRET } from '../../../src/local/standins/entra/index.js';
import type { WebexMessage } from '../../../src/webex/types.js';
import { E2E_WEBHOOK_SECRET, type BotProcess, type World } from '../../support/bot-process.js';

/**
 * The secrets scan: nothing the bot process printed and nothing it posted to Webex may hold the client secret,
 * the bot token (or its secret first part alone), the webhook secret, or an Authorization header ("Bearer ").
 * Every suite in this folder records what its bot posted and ends with this scan after the process has exited,
 * so the shutdown lines are scanned too.
 */

export interface PostRecorder {
  /** Every message the bot posted so far, in order. */
  readonly botMessages: readonly WebexMessage[];
}

/** Starts recording every message the bot posts in the world (all spaces, threads and 1:1s). */
export function recordBotPosts(world: World): PostRecorder {
  const botMessages: WebexMessage[] = [];
  world.webex.events.on('message', (message) => {
    if (message.personId === world.bot.person.id) botMessages.push(message);
  });
  return { botMessages };
}

/** The needles, each with a name that can be printed (the values themselves never are). */
export function secretsOf(world: World): { name: string; value: string }[] {
  const token = world.bot.token;
  return [
    { name: 'AZURE_CLIENT_SECRET', value: DEMO_BOT_SECRET },
    { name: 'WEBEX_BOT_TOKEN', value: token },
    // The token's first part is the secret half of it; the rest (cluster, org id) is public.
    { name: 'WEBEX_BOT_TOKEN (first part)', value: token.split('_')[0] ?? token },
    { name: 'WEBEX_WEBHOOK_SECRET', value: E2E_WEBHOOK_SECRET },
    { name: 'an Authorization header', value: 'Bearer ' },
  ];
}

/** Names of the secrets found in `haystack` (never the values, so a failure message leaks nothing either). */
export function leakedSecrets(haystack: string, world: World): string[] {
  return secretsOf(world)
    .filter(({ value }) => haystack.includes(value))
    .map(({ name }) => name);
}

/** Fails when any secret appears in the process output or in anything the bot posted. */
export function expectNoSecrets(world: World, bot: BotProcess, posts: PostRecorder): void {
  // Canary: the scan must be able to see a leak, or its silence proves nothing.
  expect(leakedSecrets(`x-${world.bot.token}-y`, world)).toContain('WEBEX_BOT_TOKEN');
  expect(posts.botMessages.length, 'the scan needs something to scan').toBeGreaterThan(0);
  expect(bot.output().length, 'the scan needs something to scan').toBeGreaterThan(0);
  expect(leakedSecrets(bot.output(), world), 'secrets in the bot process output').toEqual([]);
  expect(leakedSecrets(JSON.stringify(posts.botMessages), world), 'secrets in messages the bot posted').toEqual([]);
}
