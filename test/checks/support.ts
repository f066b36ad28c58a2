import { CHECKS, runChecks } from '../../src/checks/index.js';
import type { TenantSnapshot } from '../../src/checks/snapshot.js';
import type { Finding, Outcome } from '../../src/checks/types.js';

export const CHECK_IDS = CHECKS.map((c) => c.meta.id);

export function findingsById(snapshot: TenantSnapshot): Record<string, Finding> {
  return Object.fromEntries(runChecks(snapshot).map((f) => [f.checkId, f]));
}

/** Outcomes in CHECKS order, for compact tables. */
export function outcomes(snapshot: TenantSnapshot): Outcome[] {
  return runChecks(snapshot).map((f) => f.outcome);
}

export function finding(snapshot: TenantSnapshot, checkId: string): Finding {
  const f = findingsById(snapshot)[checkId];
  if (f === undefined) throw new Error(`no finding for ${checkId}`);
  return f;
}
