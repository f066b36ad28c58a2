import type { NoRecentRemovalsDetails } from '../checks/no-recent-removals.js';
import { requiredBotPermissions } from '../checks/index.js';
import { msg } from '../i18n/message.js';
import type { MessageRef } from '../i18n/message.js';
import type { FindingIndex } from './finding-access.js';

/** Permissions whose absence hides something specific; each has its own sentence saying what. */
const KNOWN_PERMISSIONS = new Set(['Application.Read.All', 'Directory.Read.All', 'AuditLog.Read.All', 'Synchronization.Read.All']);

/** Entra P1/P2 keeps 30 days of audit logs; a shorter window hides older removals. */
const FULL_AUDIT_DAYS = 30;

function permissionSpot(permission: string): MessageRef {
  return KNOWN_PERMISSIONS.has(permission)
    ? msg(`diagnosis.blind.permission.${permission}`)
    : msg('diagnosis.blind.permission', { permission });
}

/**
 * What the bot could not see, one sentence per reason, so nobody mistakes "not seen" for "fine".
 * `missingPermissions` also covers pieces whose checks were blocked earlier, so the operator fixes them all at once.
 */
export function blindSpots(findings: FindingIndex | undefined, missingPermissions: readonly string[] = []): MessageRef[] {
  if (findings === undefined) return [msg('diagnosis.blind.no-tenant', { permissions: requiredBotPermissions().join(', ') })];
  const spots = new Map<string, MessageRef>();
  const transient = new Map<string, number>();
  for (const f of findings.all) {
    const reason = f.unknown;
    // Checks made moot by an earlier failure hide nothing: the failure is the news.
    if (f.outcome !== 'unknown' || reason === undefined || reason.kind === 'prerequisite') continue;
    const problem = reason.problem;
    switch (reason.kind) {
      case 'permission': {
        const permission = problem?.missingPermission;
        const spot = permission === undefined ? msg('diagnosis.blind.permission-unnamed') : permissionSpot(permission);
        spots.set(`permission:${permission ?? ''}`, spot);
        break;
      }
      case 'auth':
        spots.set(
          'auth',
          problem?.aadstsCode === undefined ? msg('diagnosis.blind.auth-no-code') : msg('diagnosis.blind.auth', { code: problem.aadstsCode }),
        );
        break;
      case 'throttled':
      case 'timeout':
      case 'unreachable':
        transient.set(reason.kind, (transient.get(reason.kind) ?? 0) + 1);
        break;
      case 'error':
        spots.set(`error:${f.checkId}`, msg('diagnosis.blind.error', { detail: (problem?.detail ?? '').slice(0, 200) }));
        break;
    }
  }
  for (const permission of missingPermissions) {
    if (!spots.has(`permission:${permission}`)) spots.set(`permission:${permission}`, permissionSpot(permission));
  }
  for (const [kind, count] of transient) spots.set(kind, msg(`diagnosis.blind.${kind}`, { count }));
  const audit = findings.details<NoRecentRemovalsDetails>('no-recent-removals');
  if (findings.outcome('no-recent-removals') !== 'unknown' && audit !== undefined && audit.days < FULL_AUDIT_DAYS) {
    spots.set('short-audit', msg('diagnosis.blind.short-audit-window', { days: audit.days, from: { date: audit.from } }));
  }
  return [...spots.values()];
}
