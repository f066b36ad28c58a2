import type { AzureSettings } from '../config.js';
import { DEMO_BOT_CLIENT_ID, DEMO_BOT_SECRET, INTEGRATION_APP_ID, SCENARIOS, startEntraStandin } from './standins/entra/index.js';
import type { EntraStandin, FakeTenant } from './standins/entra/index.js';

/**
 * The demo tenant: Contoso, where an admin deleted the Cisco Webex Identity Integration app yesterday (still
 * restorable). It runs in the Entra/Graph stand-in, so the bot's real Graph client, checks and diagnosis run
 * unchanged; the demo's fix changes what Graph answers, so Re-verify shows a real before/after.
 */
export interface DemoTenant {
  tenantId: string;
  displayName: string;
  /** One line for the page: what state the tenant is in. */
  summary: string;
  /** The bot's Azure settings for this tenant (authority and Graph on the stand-in, the demo app registration). */
  azure: AzureSettings;
  /** https://127.0.0.1:PORT: where the stand-in's sign-in pages (admin consent) live. */
  authorityOrigin: string;
  /**
   * The fix the bot's card gives for this state, done as the tenant's Global Administrator would: restore the
   * Integration app from deleted items while it is still there (its grants and its ownership of the provisioning
   * app come back with it), then the admin consent. Consent alone creates a new app object that does not own
   * the provisioning app, which the checks rightly still report.
   */
  applyFix(): { restored: boolean };
  /** Back to "deleted yesterday", with "yesterday" relative to now. */
  reset(): void;
  /** True once the Integration app is present again. */
  isFixed(): boolean;
  /** The live tenant the stand-in answers from (for tests and diagnostics; mutate only through the methods). */
  tenant(): FakeTenant | undefined;
  stop(): Promise<void>;
}

const DEMO_SCENARIO = SCENARIOS.integrationAppRemoved;
const DEMO_DISPLAY_NAME = 'Contoso (demo)';

function freshTenant(now: Date): FakeTenant {
  const tenant = DEMO_SCENARIO.tenant(now);
  tenant.displayName = DEMO_DISPLAY_NAME;
  return tenant;
}

/** See DemoTenant.applyFix: restore the Integration app while restorable, then consent. */
export function applyCardFix(standin: Pick<EntraStandin, 'tenant' | 'restoreDeleted' | 'applyAdminConsent'>, tenantId: string): { restored: boolean } {
  const deleted = standin.tenant(tenantId)?.deletedServicePrincipals.find((d) => d.servicePrincipal.appId === INTEGRATION_APP_ID);
  const restored = deleted !== undefined && standin.restoreDeleted(deleted.servicePrincipal.id) !== undefined;
  standin.applyAdminConsent(tenantId);
  return { restored };
}

export async function startDemoTenant(now: () => Date = () => new Date()): Promise<DemoTenant> {
  const first = freshTenant(now());
  const standin = await startEntraStandin({ tenants: [first], faults: DEMO_SCENARIO.faults, now });
  const tenantId = first.tenantId;
  return {
    tenantId,
    displayName: DEMO_DISPLAY_NAME,
    summary: DEMO_SCENARIO.summary,
    azure: {
      cloud: 'worldwide',
      authorityHost: standin.authorityHost,
      graphBaseUrl: standin.graphBaseUrl,
      tenantId,
      clientId: DEMO_BOT_CLIENT_ID,
      clientSecret: DEMO_BOT_SECRET,
      useDefaultCredential: false,
    },
    authorityOrigin: new URL(standin.authorityHost).origin,
    applyFix: () => applyCardFix(standin, tenantId),
    reset: () => standin.addTenant(freshTenant(now())),
    isFixed: () => standin.tenant(tenantId)?.servicePrincipals.some((sp) => sp.appId === INTEGRATION_APP_ID) ?? false,
    tenant: () => standin.tenant(tenantId),
    stop: () => standin.stop(),
  };
}
