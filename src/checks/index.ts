import { integrationAppEnabled } from './integration-app-enabled.js';
import { integrationAppPresent } from './integration-app-present.js';
import { integrationAppRestorable } from './integration-app-restorable.js';
import { integrationConsentComplete } from './integration-consent-complete.js';
import { noRecentRemovals } from './no-recent-removals.js';
import { provisioningAppPresent } from './provisioning-app-present.js';
import { provisioningJobHealthy } from './provisioning-job-healthy.js';
import type { TenantSnapshot } from './snapshot.js';
import type { Check, Finding } from './types.js';

/** In order: a check may rely on the findings of those before it (prerequisites). */
export const CHECKS: readonly Check[] = [
  integrationAppPresent,
  integrationAppEnabled,
  integrationConsentComplete,
  provisioningAppPresent,
  provisioningJobHealthy,
  noRecentRemovals,
  integrationAppRestorable,
];

/** The checks that decide whether the Integration app works at all: none may be unknown in a "healthy" verdict. */
export const CORE_CHECK_IDS: readonly string[] = [
  integrationAppPresent.meta.id,
  integrationAppEnabled.meta.id,
  integrationConsentComplete.meta.id,
];

/** Pure: judges one snapshot with every check, in order. */
export function runChecks(snapshot: TenantSnapshot): Finding[] {
  const earlier = new Map<string, Finding>();
  for (const check of CHECKS) earlier.set(check.meta.id, check.evaluate(snapshot, earlier));
  return [...earlier.values()];
}

/** Every Graph application permission the bot needs for a complete diagnosis. */
export function requiredBotPermissions(): string[] {
  return [...new Set(CHECKS.flatMap((c) => c.meta.graphPermissions))].sort();
}
