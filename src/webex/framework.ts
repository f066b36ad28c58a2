import type Framework from 'webex-node-bot-framework';
import type processEventFn from 'webex-node-bot-framework/lib/process-event.js';
import { CodedError } from '../errors.js';
import { WebexApi } from './api.js';
import { InMemoryEventDeduper } from './dedupe.js';
import type { EventDeduper } from './dedupe.js';
import { ensureBotWebhooks, frameworkWebhookName, waitForFrameworkWebhooks } from './framework-webhooks.js';
import { InboundDispatcher } from './inbound.js';
import type { InboundHandlers, InboundOutcome } from './inbound.js';
import type { WebexLogger } from './logger.js';
import { guardAgainstSdkRejections } from './process-guard.js';
import type { WebhookEvent } from './types.js';

export type { IncomingCardAction, IncomingMessage, InboundHandlers, InboundOutcome } from './inbound.js';

export interface FrameworkOptions extends InboundHandlers {
  token: string;
  /** Webex REST base, e.g. https://webexapis.com/v1 (the stand-in's URL in tests and local mode). */
  apiUrl: string;
  /** The SDK's service catalog (U2C_SERVICE_URL); only for stand-ins. */
  u2cUrl?: string;
  /**
   * The Webex SDK's own console logging (WEBEX_LOG_LEVEL), read when it loads. Default 'error', its production
   * default; without it the SDK logs at trace level whenever NODE_ENV is 'test'.
   */
  sdkLogLevel?: 'silent' | 'error' | 'warn' | 'info' | 'debug' | 'trace';
  /** Public URL Webex POSTs events to. Absent: websocket mode, entirely the framework's. */
  webhookUrl?: string;
  /** Required with webhookUrl: Webex signs every event with it. */
  webhookSecret?: string;
  logger: WebexLogger;
  deduper?: EventDeduper;
  api?: WebexApi;
  /** Spaces the framework discovers at start (it spawns the rest when they speak). Default: the framework's (all). */
  maxStartupSpaces?: number;
  /** How long to wait for the framework's own webhook creation before checking them ourselves. */
  webhookSetupTimeoutMs?: number;
  /** How long the framework may take on one event before it is processed once more, then reported lost (default 10 s). */
  eventTimeoutMs?: number;
  /** First wait before processing once more an event the framework dropped (a failed read); doubles per pass (default 1 s). */
  eventRetryDelayMs?: number;
}

export interface RunningFramework {
  mode: 'webhook' | 'websocket';
  bot: { id: string; email: string; displayName: string };
  api: WebexApi;
  framework: Framework;
  /** Webhook mode: pass it as createWebhookReceiver's onEvent. Resolves once the event's handler has finished. */
  handleVerifiedEvent(event: WebhookEvent): Promise<InboundOutcome>;
  /**
   * Stops handling events. In webhook mode the webhooks stay (other instances use them: same name) unless
   * `removeWebhooks` is set, which lets the framework delete them.
   */
  stop(options?: { removeWebhooks?: boolean }): Promise<void>;
}

interface LoadedFramework {
  apiUrl: string;
  u2cUrl: string | undefined;
  Framework: typeof Framework;
  processEvent: typeof processEventFn;
}

let loaded: LoadedFramework | undefined;

/**
 * The Webex SDK reads HYDRA_SERVICE_URL / U2C_SERVICE_URL / WEBEX_LOG_LEVEL once, when first loaded: set them, then import.
 * A second start with other URLs in the same process cannot work, so it is refused clearly.
 */
async function loadFramework(apiUrl: string, u2cUrl: string | undefined, sdkLogLevel: string): Promise<LoadedFramework> {
  if (loaded) {
    if (loaded.apiUrl !== apiUrl || loaded.u2cUrl !== u2cUrl) {
      throw new CodedError('webex_sdk_already_loaded', `The Webex SDK was already loaded for ${loaded.apiUrl}; it cannot switch to ${apiUrl} in the same process`, 'Start one framework per process (or the same Webex API URL every time).');
    }
    return loaded;
  }
  process.env.HYDRA_SERVICE_URL = apiUrl;
  if (u2cUrl !== undefined) process.env.U2C_SERVICE_URL = u2cUrl;
  process.env.WEBEX_LOG_LEVEL = sdkLogLevel;
  const [frameworkModule, processEventModule] = await Promise.all([import('webex-node-bot-framework'), import('webex-node-bot-framework/lib/process-event.js')]);
  loaded = { apiUrl, u2cUrl, Framework: frameworkModule.default, processEvent: processEventModule.default };
  return loaded;
}

/**
 * Starts webex-node-bot-framework (the project's chosen stack) and wraps it: in webhook mode its own
 * unverified webhook handler is never exposed; events arrive through createWebhookReceiver (signature checked
 * on raw bytes), are deduplicated, and are fed to the framework's own event processing.
 */
export async function startFramework(options: FrameworkOptions): Promise<RunningFramework> {
  const { logger } = options;
  if (options.webhookUrl && !options.webhookSecret) {
    throw new CodedError('webex_webhook_secret_missing', 'A webhook URL was given without a webhook secret', 'Set WEBEX_WEBHOOK_SECRET: without it anyone could post fake events to the bot.');
  }
  const apiUrl = options.apiUrl.replace(/\/+$/, '');
  const { Framework: FrameworkClass, processEvent } = await loadFramework(apiUrl, options.u2cUrl, options.sdkLogLevel ?? 'error');
  const api = options.api ?? new WebexApi({ token: options.token, apiUrl, logger });
  const removeGuard = guardAgainstSdkRejections(logger);

  const framework = new FrameworkClass({
    token: options.token,
    ...(options.webhookUrl ? { webhookUrl: options.webhookUrl, webhookSecret: options.webhookSecret } : {}),
    // true would delete every webhook of the token, including other instances'.
    removeWebhooksOnStart: false,
    ...(options.maxStartupSpaces !== undefined ? { maxStartupSpaces: options.maxStartupSpaces } : {}),
  });
  framework.debugger = (line) => logger.debug({ source: 'webex-framework' }, line);
  // The framework's 'log' lines quote message text (pasted tenant details): debug level only.
  framework.on('log', (line) => logger.debug({ source: 'webex-framework' }, line));

  try {
    await framework.start();
  } catch (error) {
    removeGuard();
    throw startError(error);
  }
  const bot = { id: framework.person.id, email: framework.email, displayName: framework.person.displayName };

  if (options.webhookUrl && options.webhookSecret) {
    try {
      await adoptWebhooks(framework, api, { webhookUrl: options.webhookUrl, secret: options.webhookSecret, botEmail: bot.email, timeoutMs: options.webhookSetupTimeoutMs ?? 15_000 }, logger);
    } catch (error) {
      removeGuard();
      throw error;
    }
  }

  const mode = options.webhookUrl ? 'webhook' : 'websocket';
  const inbound = new InboundDispatcher({
    framework,
    processEvent,
    deduper: options.deduper ?? new InMemoryEventDeduper(),
    logger,
    handlers: { onMessage: options.onMessage, onCardAction: options.onCardAction },
    bot,
    eventTimeoutMs: options.eventTimeoutMs ?? 10_000,
    retryDelayMs: options.eventRetryDelayMs ?? 1_000,
    webhookMode: mode === 'webhook',
  });
  logger.info({ mode, bot: bot.email }, 'Webex framework started');

  return {
    mode,
    bot,
    api,
    framework,
    handleVerifiedEvent: (event) => inbound.handleVerifiedEvent(event),
    async stop(stopOptions = {}) {
      await inbound.stop();
      // Websocket mode must close its socket; webhook mode only talks to Webex to delete the webhooks.
      if (mode === 'websocket' || stopOptions.removeWebhooks) await framework.stop();
      removeGuard();
    },
  };
}

async function adoptWebhooks(
  framework: Framework,
  api: WebexApi,
  setup: { webhookUrl: string; secret: string; botEmail: string; timeoutMs: number },
  logger: WebexLogger,
): Promise<void> {
  const settled = await waitForFrameworkWebhooks(framework, setup.timeoutMs);
  if (settled !== 'created') logger.warn({ settled }, 'The framework did not create its webhooks; checking and creating them ourselves');
  const name = frameworkWebhookName(setup.webhookUrl, setup.botEmail);
  const hooks = await ensureBotWebhooks(api, { name, targetUrl: setup.webhookUrl, secret: setup.secret }, logger);
  // The framework only accepts events carrying its webhook's name; after a repair, point it at the live ones.
  framework.webhook = hooks.firehose;
  framework.cardsWebhook = hooks.cards;
  logger.info({ firehose: hooks.firehose.id, cards: hooks.cards.id }, 'Bot webhooks verified');
}

/** The SDK's errors carry request options (with the Authorization header): keep only what is safe and useful. */
function startError(error: unknown): CodedError {
  const statusCode = typeof error === 'object' && error !== null && 'statusCode' in error ? (error as { statusCode: unknown }).statusCode : undefined;
  if (statusCode === 401) {
    return new CodedError('webex_unauthorized', 'Webex refused the bot token (401) while the framework started', "Check WEBEX_BOT_TOKEN: it must be the bot's current access token from developer.webex.com.");
  }
  const first = error instanceof Error ? (error.message.split('\n')[0] ?? '').slice(0, 200) : String(error).slice(0, 200);
  return new CodedError('webex_start_failed', `The Webex framework could not start${typeof statusCode === 'number' ? ` (HTTP ${statusCode})` : ''}: ${first}`, 'Check WEBEX_BOT_TOKEN, WEBEX_API_URL and outbound HTTPS to Webex.');
}
