import { SCENARIOS, startEntraStandin, type EntraStandin } from '../../src/local/standins/entra/index.js';
import { startWebexStandin, type WebexStandin } from '../../src/local/standins/webex/index.js';
import type { WebexPerson, WebexRoom } from '../../src/webex/types.js';

/**
 * The world a bot under test lives in, all on 127.0.0.1: the Webex stand-in with a bot account and N admins
 * of the bot's org, each in a 1:1 space with the bot (a paste is one admin's question in their own space), and
 * the Entra stand-in holding the tenant the Japanese seed describes (Integration app removed yesterday).
 * Spaces exist before the bot starts, as in a running deployment, so no join events muddle the measurements.
 */

export interface Admin {
  person: WebexPerson;
  token: string;
  room: WebexRoom;
}

export interface BenchWorld {
  webex: WebexStandin;
  entra: EntraStandin;
  tenantId: string;
  bot: { person: WebexPerson; token: string };
  admins: Admin[];
  stop(): Promise<void>;
}

export const BENCH_SCENARIO = 'integrationAppRemoved';

export async function startBenchWorld(options: { admins: number }): Promise<BenchWorld> {
  const tenant = SCENARIOS[BENCH_SCENARIO].tenant(new Date());
  const entra = await startEntraStandin({ tenants: [tenant] });
  // A slow bot under load must not get duplicate events from the stand-in's retries: they would be measured as work.
  const webex = await startWebexStandin({ delivery: { timeoutMs: 30_000, retries: 0 } });
  const bot = webex.addPerson({ email: 'azure-ad-doctor@webex.bot', displayName: 'Azure AD Doctor', type: 'bot' });
  const admins = Array.from({ length: options.admins }, (_, i) => {
    const admin = webex.addPerson({ email: `admin${i + 1}@contoso.example`, displayName: `Admin ${i + 1}`, type: 'person' });
    return { ...admin, room: webex.addRoom({ title: admin.person.displayName, type: 'direct', members: [admin.person.id, bot.person.id] }) };
  });
  return {
    webex,
    entra,
    tenantId: tenant.tenantId,
    bot,
    admins,
    async stop() {
      await webex.stop();
      await entra.stop();
    },
  };
}
