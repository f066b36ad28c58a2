/**
 * The baseline bot for the overhead benchmark: the same Webex plumbing the doctor stands on
 * (webex-node-bot-framework behind our signature-checking receiver, our REST client), with a handler that
 * only replies, in the thread, with the text it got. Whatever the doctor costs beyond this is its own work.
 * Started by bench/bot/processes.ts with the bot's environment variables (read through src/config.ts).
 */
import type { Server } from 'node:http';
import express from 'express';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import { startFramework } from '../../src/webex/framework.js';
import { createWebhookReceiver } from '../../src/webex/receiver.js';
import type { RunningFramework } from '../../src/webex/framework.js';

const config = loadConfig();
const { token, webhookUrl, webhookSecret } = config.webex;
if (!token || !webhookUrl || !webhookSecret) throw new Error('echo bot: WEBEX_BOT_TOKEN, WEBEX_WEBHOOK_URL and WEBEX_WEBHOOK_SECRET are required');
const logger = createLogger({ level: config.logLevel, secrets: [token, webhookSecret] });
process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled rejection (kept running)'));

// The receiver exists before the framework has started (Webex may already be calling): bound late.
const late: { framework?: RunningFramework } = {};
const app = express();
app.get('/healthz', (_req, res) => {
  res.status(late.framework ? 200 : 503).json({ status: late.framework ? 'ok' : 'starting' });
});
app.use(
  createWebhookReceiver({
    path: new URL(webhookUrl).pathname,
    secret: webhookSecret,
    logger,
    onEvent: (event) => late.framework?.handleVerifiedEvent(event),
  }),
);
const server: Server = await new Promise((resolve) => {
  const listening = app.listen(config.port, '127.0.0.1', () => resolve(listening));
});

const running = await startFramework({
  token,
  apiUrl: config.webex.apiUrl,
  u2cUrl: config.webex.u2cUrl,
  webhookUrl,
  webhookSecret,
  logger,
  onMessage: async (message) => {
    await running.api.postMessage({ roomId: message.roomId, parentId: message.parentId ?? message.messageId, markdown: message.text });
  },
  onCardAction: () => undefined,
});
late.framework = running;
logger.info({ port: config.port }, 'echo bot ready');

process.once('SIGTERM', () => {
  void running
    .stop()
    .then(() => new Promise<void>((resolve) => server.close(() => resolve())))
    .then(() => process.exit(0), () => process.exit(1));
});
