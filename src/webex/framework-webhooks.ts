import { setTimeout as delay } from 'node:timers/promises';
import type Framework from 'webex-node-bot-framework';
import { CodedError } from '../errors.js';
import { WebexApiError } from './api-errors.js';
import type { WebexApi } from './api.js';
import type { WebexLogger } from './logger.js';
import type { WebexWebhook } from './types.js';

/**
 * The name the framework gives its webhooks and requires on every event: base64("host[:port] botEmail"),
 * host taken from the webhook URL exactly as the framework does (lib/framework.js).
 */
export function frameworkWebhookName(webhookUrl: string, botEmail: string): string {
  const host = webhookUrl.split('/')[2] ?? '';
  return Buffer.from(`${host} ${botEmail}`, 'utf8').toString('base64');
}

/**
 * `framework.start()` resolves before its webhook chain (list, delete ours, create two) has run. Wait until
 * that chain settles, so our check below does not race with its deletes. `false` means it gave up.
 */
export async function waitForFrameworkWebhooks(framework: Framework, timeoutMs: number): Promise<'created' | 'failed' | 'timeout'> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (framework.webhook === false || framework.cardsWebhook === false) return 'failed';
    if (framework.cardsWebhook.id !== undefined) return 'created';
    await delay(25);
  }
  return 'timeout';
}

export interface BotWebhooks {
  /** all/all as the framework makes it (messages/created accepted): messages, memberships, rooms. */
  firehose: WebexWebhook;
  /** attachmentActions/created: card presses are not part of the firehose. */
  cards: WebexWebhook;
}

interface Wanted {
  name: string;
  targetUrl: string;
  secret: string;
}

/**
 * Makes sure the bot's two webhooks exist on Webex, active, with our name, target and secret: checked with
 * GET /webhooks, repaired with PUT or POST, duplicates removed (they would deliver every event twice).
 */
export async function ensureBotWebhooks(api: WebexApi, wanted: Wanted, logger: WebexLogger): Promise<BotWebhooks> {
  try {
    const ours = (await api.listWebhooks()).filter((h) => h.name === wanted.name && !h.filter);
    const firehose = await ensureOne(api, ours, wanted, { resource: 'all', event: 'all' }, (h) => (h.resource === 'all' && h.event === 'all') || (h.resource === 'messages' && (h.event === 'created' || h.event === 'all')), logger);
    const cards = await ensureOne(api, ours, wanted, { resource: 'attachmentActions', event: 'created' }, (h) => h.resource === 'attachmentActions' && (h.event === 'created' || h.event === 'all'), logger);
    return { firehose, cards };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CodedError(
      'webex_webhook_setup_failed',
      `Could not make sure the bot's Webex webhooks exist: ${reason}`,
      'Check WEBEX_BOT_TOKEN and that WEBEX_WEBHOOK_URL is a public URL Webex accepts; the bot hears nothing without its webhooks.',
    );
  }
}

async function ensureOne(
  api: WebexApi,
  ours: WebexWebhook[],
  wanted: Wanted,
  create: Pick<WebexWebhook, 'resource' | 'event'>,
  fits: (hook: WebexWebhook) => boolean,
  logger: WebexLogger,
): Promise<WebexWebhook> {
  const [first, ...extra] = ours.filter(fits);
  for (const hook of extra) {
    logger.warn({ webhookId: hook.id, resource: hook.resource, event: hook.event }, 'Deleting a duplicate bot webhook');
    try {
      await api.deleteWebhook(hook.id);
    } catch (error) {
      // Another replica starting at the same moment saw the same duplicate and removed it first: that is done.
      if (!(error instanceof WebexApiError && error.status === 404)) throw error;
    }
  }
  if (!first) {
    logger.warn({ resource: create.resource, event: create.event }, 'The bot webhook was missing after the framework started; creating it');
    return api.createWebhook({ name: wanted.name, targetUrl: wanted.targetUrl, secret: wanted.secret, ...create });
  }
  // Webex returns the secret to the webhook's owner; if it did not, setting it again is the only way to be sure.
  const drift = [first.targetUrl !== wanted.targetUrl && 'targetUrl', first.secret !== wanted.secret && 'secret', first.status !== 'active' && 'status'].filter(Boolean);
  if (drift.length === 0) return first;
  logger.warn({ webhookId: first.id, resource: first.resource, drift }, 'Repairing the bot webhook');
  return api.updateWebhook(first.id, { name: wanted.name, targetUrl: wanted.targetUrl, secret: wanted.secret, status: 'active' });
}
