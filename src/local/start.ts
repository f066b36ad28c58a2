import type { StartDoctor } from '../app.js';
import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import { deriveBotConfig } from './bot-config.js';
import { startDemoTenant } from './demo-tenant.js';
import type { DemoTenant } from './demo-tenant.js';
import { loadPasteExamples } from './examples.js';
import { createLocalRoutes } from './http/router.js';
import { cardSamples } from './samples.js';
import { SpaceSession } from './space-session.js';
import { startWebexStandin } from './standins/webex/index.js';
import type { WebexStandin } from './standins/webex/index.js';
import { ensureLocalCaTrusted, isLocalCaTrusted } from './trust-local-ca.js';
import { populateLocalOrg } from './webex-space.js';

export type { StartDoctor };

export interface LocalMode {
  /** http://localhost:PORT: the local Webex space. */
  url: string;
  port: number;
  webex: WebexStandin;
  /** Absent when a real tenant is connected. */
  demo?: DemoTenant;
  stop(): Promise<void>;
}

/**
 * The whole product on one machine with no Webex token: a Webex stand-in with an admin, the bot and two spaces,
 * the real bot running against it, a browser page that acts as the admin, and (without Azure settings) a demo
 * tenant where the Integration app was deleted yesterday. With AZURE_* settings the real tenant is checked.
 */
export async function startLocalMode(config: Config, logger: Logger, startDoctor: StartDoctor): Promise<LocalMode> {
  // First, before anything listens or prints: this may run the program again as a child and never return.
  await ensureLocalCaTrusted({ realTenant: config.azure !== undefined, logger });

  const cleanups: (() => Promise<void> | void)[] = [];
  const stopAll = async (): Promise<void> => {
    for (const cleanup of cleanups.splice(0).reverse()) {
      try {
        await cleanup();
      } catch (error) {
        logger.warn({ err: error }, 'local mode: a part did not stop cleanly');
      }
    }
  };
  try {
    const webex = await startWebexStandin();
    cleanups.push(() => webex.stop());
    const people = populateLocalOrg(webex);

    const demo = config.azure === undefined ? await startDemoTenant() : undefined;
    if (demo !== undefined) cleanups.push(() => demo.stop());
    const azure = config.azure ?? (demo as DemoTenant).azure;

    const routes = createLocalRoutes({
      session: new SpaceSession(webex, people),
      me: { id: people.me.id, displayName: people.me.displayName },
      bot: { id: people.bot.id, displayName: people.bot.displayName },
      examples: loadPasteExamples(),
      ...(demo === undefined ? { realTenant: { tenantId: azure.tenantId, cloud: azure.cloud } } : { demo }),
      cardSamples: cardSamples({ canReachStandin: isLocalCaTrusted(), logger }),
      logger,
    });
    const closeRoutes = (): void => routes.close();
    cleanups.push(closeRoutes);

    const botConfig = deriveBotConfig(config, { botToken: people.botToken, webexApiUrl: webex.url, webexU2cUrl: webex.u2cUrl, webexOrgId: webex.orgId, azure });
    const doctor = await startDoctor(botConfig, logger, { extraRoutes: routes.router });
    // Cleanups run last-in first: the bot stops after the page's event streams end (an open stream would hold
    // its server open) and before the stand-ins it calls go away.
    cleanups.splice(cleanups.indexOf(closeRoutes), 0, () => doctor.stop());

    const url = `http://localhost:${doctor.port}`;
    announce(url, demo);
    return { url, port: doctor.port, webex, ...(demo === undefined ? {} : { demo }), stop: stopAll };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

/** On stdout whatever the log level: this is the one thing a new user must see. */
function announce(url: string, demo: DemoTenant | undefined): void {
  const tenant = demo === undefined ? 'your Entra tenant (AZURE_* settings)' : `the demo tenant ${demo.displayName}: ${demo.summary}`;
  process.stdout.write(
    `Azure AD Doctor (local mode) ready: ${url}\n` +
      `Open it, paste Control Hub's error or its Copy Debug Info into the 1:1 space (or use "Insert example"; more under test/fixtures/pastes/). Checking ${tenant}.\n`,
  );
}
