/**
 * Assembles the audit window from the per-activity queries: merged, de-duplicated, kept only when about the
 * Webex apps, newest first, and dated with the period the search really covers (the tenant's retention).
 */
import type { AuditWindow, DirectoryAuditRecord, Fetched } from '../checks/snapshot.js';
import type { ListResult } from './lists.js';
import { AUDIT_ACTIVITIES, INTEGRATION_APP_ID, WEBEX_APP_NAME_PREFIX } from './queries.js';
import { hasEntraPremium, parseDirectoryAudits } from './records.js';

const DAY_MS = 86_400_000;

export const auditKey = (index: number): `audit${number}` => `audit${index}`;

/**
 * Days of history the tenant keeps: 30 with Entra ID P1/P2, else 7. When the licences cannot be read, only the
 * 7 days every tenant keeps are certain, so the window claims no more than that.
 */
export function retentionDays(licences: ListResult): 7 | 30 {
  return licences.ok && hasEntraPremium(licences.items) ? 30 : 7;
}

/** True when the record names a Webex app (by object id, appId or display name) anywhere in its targets. */
function concernsWebex(record: DirectoryAuditRecord, markers: readonly string[]): boolean {
  const text = JSON.stringify(record.targetResources).toLowerCase();
  return markers.some((m) => text.includes(m));
}

export function assembleAuditWindow(
  results: Readonly<Record<string, ListResult>>,
  licences: ListResult,
  integrationObjectIds: readonly string[],
  options: { now: Date; auditDays: number },
): Fetched<AuditWindow> {
  const markers = [INTEGRATION_APP_ID, WEBEX_APP_NAME_PREFIX, ...integrationObjectIds].map((m) => m.toLowerCase());
  const records = new Map<string, DirectoryAuditRecord>();
  const failures = AUDIT_ACTIVITIES.map((_, i) => results[auditKey(i)]).filter((r): r is Extract<ListResult, { ok: false }> => r?.ok === false);
  if (failures.length > 0) {
    // Prefer the permission problem: it is the one an admin can fix.
    const failure = failures.find((f) => f.problem.kind === 'permission') ?? failures[0];
    if (failure !== undefined) return { status: 'unavailable', problem: failure.problem };
  }
  for (const [index, activity] of AUDIT_ACTIVITIES.entries()) {
    const result = results[auditKey(index)];
    if (result === undefined || !result.ok) continue;
    const parsed = parseDirectoryAudits(result.items);
    if (!parsed.ok) return { status: 'unavailable', problem: parsed.problem };
    for (const record of parsed.value) {
      if (activity.targetIsWebexApp || concernsWebex(record, markers)) records.set(record.id, record);
    }
  }
  const days = Math.min(options.auditDays, retentionDays(licences));
  return {
    status: 'ok',
    value: {
      records: [...records.values()].sort((a, b) => Date.parse(b.activityDateTime) - Date.parse(a.activityDateTime)),
      from: new Date(options.now.getTime() - days * DAY_MS).toISOString(),
      to: options.now.toISOString(),
    },
  };
}
