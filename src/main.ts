#!/usr/bin/env node
import { startDoctor } from './app.js';
import { loadConfig, type Config } from './config.js';
import { CodedError } from './errors.js';
import { startLocalMode } from './local/start.js';
import { createLogger, type Logger } from './log.js';

/** Wiring only: settings → logger → local mode or the Webex bot → graceful shutdown. */

const SHUTDOWN_BOUND_MS = 20_000;

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    // A bad setting stops the program at once, naming the variable and what it expects.
    console.error(error instanceof CodedError ? `${error.message}\n${error.hint ?? ''}` : error);
    process.exit(2);
  }
  const logger = createLogger({
    level: config.logLevel,
    secrets: [config.webex.token, config.webex.webhookSecret, config.azure?.clientSecret, config.store.databaseUrl, ...Object.values(config.tenantCredentials).map((c) => c.clientSecret)],
  });
  guardProcess(logger);

  const running = config.mode === 'local' ? await startLocalMode(config, logger, startDoctor) : await startDoctor(config, logger);
  onShutdown(logger, () => running.stop());
}

/** SIGTERM (Heroku, Kubernetes) and SIGINT: stop taking work, finish what is in flight, close the store, exit within a bound. */
function onShutdown(logger: Logger, stop: () => Promise<void>): void {
  let shuttingDown = false;
  const shutdown = (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    logger.info({ signal }, 'shutting down');
    const timer = setTimeout(() => {
      logger.error({ boundMs: SHUTDOWN_BOUND_MS }, 'shutdown took too long; exiting');
      process.exit(1);
    }, SHUTDOWN_BOUND_MS);
    timer.unref();
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

/** One handler's failure never takes the process down: anything that escaped is logged, not fatal. */
function guardProcess(logger: Logger): void {
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled rejection (kept running)'));
}

main().catch((error: unknown) => {
  const coded = error instanceof CodedError ? error : undefined;
  console.error(coded ? `${coded.message}${coded.hint ? `\n${coded.hint}` : ''}` : error);
  process.exit(1);
});
