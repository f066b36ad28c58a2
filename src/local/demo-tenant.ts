import type { AzureSettings } from '../config.js';
import { DEMO_BOT_CLIENT_ID, DEMO_BOT_SECRET, INTEGRATION_APP_ID, SCENARIOS, startEntraStandin } from './standins/entra/index.js';
import type { FakeTenant } from './standins/entra/index.js';

/**
 * The demo tenant: Contoso, where an admin deleted the Cisco Webex Identity Integration app yesterday (still
 * restorable). It runs in the Entra/Graph stand-in, so the bot's real Graph client, checks and diagnosis run
 * unchanged; "apply the admin consent" changes what Graph answers, so Re-verify shows a real before/after.
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
  /** What Entra does when a Global Administrator accepts the consent screen. */
  applyAdminConsent(): void;
  /** Back to "deleted yesterday", with "yesterday" relative to now. */
  reset(): void;
  /** True once the Integration app is present again. */
  isFixed(): boolean;
  stop(): Promise<void>;
}

const DEMO_SCENARIO = SCENARIOS.integrationAppRemoved;
const DEMO_DISPLAY_NAME = 'Contoso (demo)';

function freshTenant(now: Date): FakeTenant {
  const tenant = DEMO_SCENARIO.tenant(now);
  tenant.displayName = DEMO_DISPLAY_NAME;
  return tenant;
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
    applyAdminConsent: () => void standin.applyAdminConsent(tenantId),
    reset: () => standin.addTenant(freshTenant(now())),
    isFixed: () => standin.tenant(tenantId)?.servicePrincipals.some((sp) => sp.appId === INTEGRATION_APP_ID) ?? false,
    stop: () => standin.stop(),
  };
}
