import express from 'express';
import type { Logger } from 'pino';
import { startWebexStandin } from '../../../src/local/standins/webex/index.js';
import type { WebexStandin, WebexStandinOptions } from '../../../src/local/standins/webex/index.js';
import type { FrameworkOptions, InboundOutcome, RunningFramework } from '../../../src/webex/framework.js';
import { startFramework } from '../../../src/webex/framework.js';
import { createWebhookReceiver } from '../../../src/webex/receiver.js';
import type { WebexPerson, WebhookEvent } from '../../../src/webex/types.js';
import { listenLocal } from './http-server.js';

export const HARNESS_WEBHOOK_SECRET = 'harness-webhook-secret-0123456789';

export interface BotHarness {
  webex: WebexStandin;
  bot: { person: WebexPerson; token: string };
  running: RunningFramework;
  /** Every verified event and what became of it, in arrival order. */
  outcomes: { event: WebhookEvent; outcome: InboundOutcome }[];
  stop(): Promise<void>;
}

/**
 * The whole Webex side as production runs it, against the stand-in: a bot account, an HTTP server with the
 * signature-checking receiver, and the real framework in webhook mode. One per test file (the SDK binds to
 * one API URL per process).
 */
export async function startBotHarness(options: {
  logger: Logger;
  handlers: Pick<FrameworkOptions, 'onMessage' | 'onCardAction'>;
  standin?: WebexStandinOptions;
  framework?: Partial<Pick<FrameworkOptions, 'eventTimeoutMs' | 'deduper' | 'maxStartupSpaces'>>;
  /** Runs with the bot's token before the framework starts (e.g. to create webhooks of another app). */
  beforeStart?: (webex: WebexStandin, botToken: string) => Promise<void> | void;
}): Promise<BotHarness> {
  const webex = await startWebexStandin(options.standin);
  const bot = webex.addPerson({ email: 'azure-ad-doctor@webex.bot', displayName: 'Azure AD Doctor', type: 'bot' });
  await options.beforeStart?.(webex, bot.token);
  const app = express();
  const server = await listenLocal(app);
  const outcomes: BotHarness['outcomes'] = [];
  try {
    const running = await startFramework({
      token: bot.token,
      apiUrl: webex.url,
      u2cUrl: webex.u2cUrl,
      webhookUrl: `${server.origin}/webex/events`,
      webhookSecret: HARNESS_WEBHOOK_SECRET,
      logger: options.logger,
      // The SDK's console noise would drown the test output; its failures reach our logger through the guard.
      sdkLogLevel: 'silent',
      ...options.handlers,
      ...options.framework,
    });
    app.use(
      createWebhookReceiver({
        path: '/webex/events',
        secret: HARNESS_WEBHOOK_SECRET,
        logger: options.logger,
        onEvent: async (event) => {
          const outcome = await running.handleVerifiedEvent(event);
          outcomes.push({ event, outcome });
        },
      }),
    );
    return {
      webex,
      bot,
      running,
      outcomes,
      async stop() {
        await webex.idle();
        await running.stop();
        await server.close();
        await webex.stop();
      },
    };
  } catch (error) {
    await server.close();
    await webex.stop();
    throw error;
  }
}
