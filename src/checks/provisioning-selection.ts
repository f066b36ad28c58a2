import { PROVISIONING_APP_NAME } from './constants.js';
import type { ProvisioningAppRecord } from './snapshot.js';

const OWNERSHIP_RANK: Record<string, number> = { true: 0, unknown: 1, false: 2 };

/**
 * The provisioning app the checks judge, when the tenant holds several "Cisco Webex Identity" apps:
 * the one the Integration app owns (it created it), else one whose owner could not be read, else any.
 */
export function chooseProvisioningApp(candidates: readonly ProvisioningAppRecord[]): ProvisioningAppRecord | undefined {
  const named = candidates.filter((c) => c.displayName.trim().toLowerCase() === PROVISIONING_APP_NAME.toLowerCase());
  return [...named].sort(
    (a, b) => (OWNERSHIP_RANK[String(a.ownedByIntegrationApp)] ?? 2) - (OWNERSHIP_RANK[String(b.ownedByIntegrationApp)] ?? 2),
  )[0];
}
