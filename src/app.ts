import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { hostname } from 'node:os';
import type { Server } from 'node:http';
import express from 'express';
import { policyProblems, RateLimiter } from './access/index.js';
import { createConversation } from './bot/conversation.js';
import { createTenantDoctor } from './bot/doctor.js';
import { policyFromConfig } from './bot/policy-from-config.js';
import { webexMessenger } from './bot/webex-messenger.js';
import { createWatchNotifier } from './bot/watch-notify.js';
import type { Config } from './config.js';
import { CodedError } from './errors.js';
import { GraphConnectionPool } from './graph/index.js';
import { assertCanSignIn, endpointsOf, tenantConnectionOptions } from './graph/settings.js';
import type { Logger } from './log.js';
import { readPaste } from './intake/read-paste.js';
import { asEventDeduper, openStore } from './store/index.js';
import { createWatcher } from './watch/index.js';
import { startFramework, type RunningFramework } from './webex/framework.js';
import { createWebhookReceiver } from './webex/receiver.js';
import type { InboundHandlers } from './webex/inbound.js';

export interface RunningDoctor {
  port: number;
  stop(): Promise<void>;
}

export type StartDoctor = (config: Config, logger: Logger, options?: { extraRoutes?: express.Router }) => Promise<RunningDoctor>;

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Wiring only: the store, the HTTP server (health, webhook receiver, extra routes), the framework, the doctor,
 * the watcher and the conversation. No behaviour of its own.
 */
export const startDoctor: StartDoctor = async (config, logger, options = {}) => {
  const token = config.webex.token;
  if (!token) throw new CodedError('config_invalid', 'startDoctor needs a Webex bot token', 'Set WEBEX_BOT_TOKEN, or start in local mode.');
  // Settings that cannot sign in together fail now, naming the variable, before anything starts.
  const azure = config.azure;
  if (azure) assertCanSignIn(azure);
  const endpoints = endpointsOf(azure);

  if (!config.store.databaseUrl && config.store.sqlitePath !== ':memory:') mkdirSync(dirname(config.store.sqlitePath), { recursive: true });
  const store = await openStore({
    databaseUrl: config.store.databaseUrl,
    sqlitePath: config.store.sqlitePath,
    onIdleError: (error: unknown) => logger.error({ err: error }, 'database connection error'),
  });

  let ready = false;
  // The conversation needs the bot's identity, known only once the framework has started: bound late.
  const late: { handlers?: InboundHandlers } = {};
  let framework: RunningFramework | undefined;
  const app = express();
  app.disable('x-powered-by');
  app.get('/healthz', (_req, res) => {
    res.status(ready ? 200 : 503).json({ status: ready ? 'ok' : 'starting' });
  });
  if (config.webex.webhookUrl && config.webex.webhookSecret) {
    app.use(
      createWebhookReceiver({
        path: new URL(config.webex.webhookUrl).pathname,
        secret: config.webex.webhookSecret,
        logger,
        onEvent: (event) => (framework ? framework.handleVerifiedEvent(event) : logger.warn({ resource: event.resource }, 'event before start-up finished: dropped (Webex will not resend it)')),
      }),
    );
  }
  if (options.extraRoutes) app.use(options.extraRoutes);

  const server = await listen(app, config.port);
  const port = (server.address() as { port: number }).port;
  try {
    framework = await startFramework({
      token,
      apiUrl: config.webex.apiUrl,
      u2cUrl: config.webex.u2cUrl,
      // The SDK prints plain-text lines to the console (not our JSON logs); its failures reach our logger anyway.
      sdkLogLevel: config.logLevel === 'debug' || config.logLevel === 'trace' ? 'error' : 'silent',
      webhookUrl: config.webex.webhookUrl,
      webhookSecret: config.webex.webhookSecret,
      logger,
      deduper: asEventDeduper(store),
      onMessage: (message) => late.handlers?.onMessage(message),
      onCardAction: (action) => late.handlers?.onCardAction(action),
    });
  } catch (error) {
    await closeServer(server);
    await store.close();
    throw error;
  }

  const me = await framework.api.getMe();
  const policy = policyFromConfig(config, me.orgId);
  const problems = policyProblems(policy);
  if (problems.length > 0) throw new CodedError('config_invalid', `Access policy problems:\n  ${problems.join('\n  ')}`, 'Fix TENANT_MAP / ALLOWED_ORG_IDS and start again.');

  const pool = new GraphConnectionPool((tenantId) => tenantConnectionOptions(config, tenantId));
  const doctor = createTenantDoctor({ pool, defaultLoginHost: endpoints.authorityHost, auditDays: config.auditLookbackDays, now: () => new Date() });
  const messenger = webexMessenger(framework.api);
  const trustedOrigins = azure?.authorityHost ? [azure.authorityHost] : [];

  const watcher = createWatcher({
    store,
    replicaId: `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
    intervalMs: config.watch.intervalMinutes * 60_000,
    closeWatch: { everyMs: config.watch.followUpEverySeconds * 1000, forMs: config.watch.followUpForMinutes * 60_000 },
    runChecks: (tenantId) => doctor.diagnose(tenantId, emptyEvidenceFor()),
    notify: createWatchNotifier({ store, messenger, policy, bot: { personId: me.id, orgId: me.orgId }, trustedOrigins, logger, now: () => new Date() }),
    logger,
  });

  late.handlers = createConversation({
    messenger,
    doctor,
    store,
    policy,
    limiter: new RateLimiter({ perPersonPerMinute: config.rateLimits.perPersonPerMinute, perTenantPerMinute: config.rateLimits.perTenantPerMinute }),
    botPersonId: me.id,
    logger,
    watch: watcher,
    watchIntervalMinutes: config.watch.intervalMinutes,
    trustedOrigins,
    now: () => new Date(),
    newId: () => randomUUID(),
  });
  watcher.start();

  const purge = async () => {
    try {
      const removed = await store.purgeOlderThan(config.store.retentionDays);
      logger.info({ removed, retentionDays: config.store.retentionDays }, 'retention purge');
    } catch (error) {
      logger.error({ err: error }, 'retention purge failed');
    }
  };
  void purge();
  const purgeTimer = setInterval(() => void purge(), DAY_MS);
  purgeTimer.unref();

  ready = true;
  logger.info({ port, mode: framework.mode, bot: framework.bot.email, tenants: policy.tenants.length }, 'Azure AD Doctor ready');

  let stopping: Promise<void> | undefined;
  return {
    port,
    stop() {
      stopping ??= (async () => {
        ready = false;
        clearInterval(purgeTimer);
        const closing = closeServer(server); // stop taking work
        await watcher.stop();
        await framework?.stop(); // waits for the events in flight
        await closing;
        await store.close();
      })();
      return stopping;
    },
  };
};

/** A scheduled run has no paste: the evidence is empty, so the diagnosis rests on the tenant alone. */
function emptyEvidenceFor() {
  return readPaste('');
}

function listen(app: express.Express, port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, '0.0.0.0');
    server.once('listening', () => resolve(server));
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new CodedError('port_in_use', `Port ${port} is already in use`, 'Stop the other process or set PORT to a free port.') : error),
    );
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
  });
}
