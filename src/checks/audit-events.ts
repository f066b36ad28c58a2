import { KNOWN_APP_ROLE_NAMES } from './required-permissions.js';
import type { DirectoryAuditRecord } from './snapshot.js';
import { isBefore } from './time.js';

/** Changes that break the Cisco integration. */
export type RemovalKind = 'sp-removed' | 'sp-hard-deleted' | 'grant-removed' | 'role-removed' | 'consent-revoked' | 'disabled';
/** Changes that undo one. */
type RepairKind = 'sp-restored' | 'consented' | 'grant-added' | 'role-added' | 'enabled';

export type WatchedApp = 'integration' | 'provisioning';

/** How the app was told apart in the record: its object id, its appId, or (last resort) its display name. */
export type MatchedBy = 'id' | 'appId' | 'name';

export interface AppIdentity {
  app: WatchedApp;
  objectIds: ReadonlySet<string>;
  appIds: ReadonlySet<string>;
  names: ReadonlySet<string>;
}

export interface RemovalEvent {
  recordId: string;
  activity: string;
  kind: RemovalKind;
  at: string;
  /** UPN (or display name) of the user, or the app's name, who made the change. */
  by?: string;
  byApp: boolean;
  app: WatchedApp;
  matchedBy: MatchedBy;
  /** The permission removed, when the record names it. */
  permission?: string;
  /** When a later record for the same app undid this change. */
  undoneAt?: string;
}

const REMOVALS: Record<string, RemovalKind> = {
  'remove service principal': 'sp-removed',
  'hard delete service principal': 'sp-hard-deleted',
  'remove delegated permission grant': 'grant-removed',
  'remove oauth2permissiongrant': 'grant-removed',
  'remove app role assignment from service principal': 'role-removed',
  'revoke consent': 'consent-revoked',
};
const REPAIRS: Record<string, RepairKind> = {
  'add service principal': 'sp-restored',
  'restore service principal': 'sp-restored',
  'consent to application': 'consented',
  'restore consent': 'consented',
  'add delegated permission grant': 'grant-added',
  'add app role assignment to service principal': 'role-added',
};
const UNDONE_BY: Record<RemovalKind, readonly RepairKind[]> = {
  'sp-removed': ['sp-restored', 'consented'],
  'sp-hard-deleted': ['sp-restored', 'consented'],
  'grant-removed': ['grant-added', 'consented'],
  'role-removed': ['role-added', 'consented'],
  'consent-revoked': ['grant-added', 'consented'],
  disabled: ['enabled'],
};

/** Audit values are JSON-ish strings such as "[\"false\"]" or "\"AuditLog.Read.All\"": keep the words. */
function plain(value: string | null | undefined): string {
  return (value ?? '').replace(/[[\]"\\]/g, ' ').replace(/\s+/g, ' ').trim();
}

function property(record: DirectoryAuditRecord, name: string): string | undefined {
  for (const target of record.targetResources) {
    for (const p of target.modifiedProperties ?? []) {
      if (p.displayName?.toLowerCase() === name.toLowerCase()) {
        const value = plain(p.newValue) || plain(p.oldValue);
        if (value !== '') return value;
      }
    }
  }
  return undefined;
}

/** "Update service principal" records matter only when they flip AccountEnabled. */
function accountEnabledChange(record: DirectoryAuditRecord): 'disabled' | 'enabled' | undefined {
  for (const target of record.targetResources) {
    const p = target.modifiedProperties?.find((m) => m.displayName?.toLowerCase() === 'accountenabled');
    if (p === undefined) continue;
    const now = plain(p.newValue).toLowerCase();
    if (now === 'false') return 'disabled';
    if (now === 'true' && plain(p.oldValue).toLowerCase() === 'false') return 'enabled';
  }
  return undefined;
}

function classify(record: DirectoryAuditRecord): RemovalKind | RepairKind | undefined {
  const activity = record.activityDisplayName.trim().toLowerCase();
  if (activity === 'update service principal') return accountEnabledChange(record);
  return REMOVALS[activity] ?? REPAIRS[activity];
}

function permissionOf(record: DirectoryAuditRecord): string | undefined {
  const roleId = property(record, 'AppRole.Id');
  return (
    property(record, 'AppRole.Value') ??
    (roleId === undefined ? undefined : KNOWN_APP_ROLE_NAMES.get(roleId.toLowerCase())) ??
    property(record, 'DelegatedPermissionGrant.Scope')
  );
}

function matchBy(record: DirectoryAuditRecord, who: AppIdentity): MatchedBy | undefined {
  const values = record.targetResources.flatMap((t) =>
    (t.modifiedProperties ?? []).flatMap((p) => [p.newValue ?? '', p.oldValue ?? '']).map((v) => v.toLowerCase()),
  );
  const contains = (ids: ReadonlySet<string>): boolean =>
    [...ids].some((id) => values.some((v) => v.includes(id.toLowerCase())));
  if (record.targetResources.some((t) => t.id !== undefined && who.objectIds.has(t.id)) || contains(who.objectIds)) {
    return 'id';
  }
  if (contains(who.appIds)) return 'appId';
  const names = new Set([...who.names].map((n) => n.toLowerCase()));
  const shownNames = record.targetResources.flatMap((t) => [
    t.displayName ?? '',
    ...(t.modifiedProperties ?? []).filter((p) => /displayname/i.test(p.displayName ?? '')).flatMap((p) => [plain(p.newValue), plain(p.oldValue)]),
  ]);
  return shownNames.some((n) => names.has(n.trim().toLowerCase())) ? 'name' : undefined;
}

function initiator(record: DirectoryAuditRecord): { by?: string; byApp: boolean } {
  const user = record.initiatedBy.user;
  const userName = user?.userPrincipalName ?? user?.displayName ?? undefined;
  if (userName !== undefined && userName !== null && userName !== '') return { by: userName, byApp: false };
  const app = record.initiatedBy.app;
  const appName = app?.displayName ?? app?.appId ?? undefined;
  return appName === undefined || appName === null || appName === '' ? { byApp: false } : { by: appName, byApp: true };
}

/** A repair undoes a permission removal only when it touches the same permission (unknown on either side: assume so). */
function samePermission(repaired: string | undefined, removed: string | undefined): boolean {
  if (repaired === undefined || removed === undefined) return true;
  const words = new Set(repaired.split(' '));
  return removed.split(' ').some((w) => words.has(w));
}

/**
 * Every change in the audit records that removed or disabled one of the watched apps, a consent, a grant or an app
 * role, newest first, each marked undone when a later record for the same app repaired it.
 */
export function findRemovals(records: readonly DirectoryAuditRecord[], identities: readonly AppIdentity[]): RemovalEvent[] {
  const removals: RemovalEvent[] = [];
  const repairs: { kind: RepairKind; app: WatchedApp; at: string; permission?: string }[] = [];
  for (const record of records) {
    if (record.result !== undefined && record.result.toLowerCase() === 'failure') continue;
    const kind = classify(record);
    if (kind === undefined) continue;
    const match = identities.map((who) => ({ who, by: matchBy(record, who) })).find((m) => m.by !== undefined);
    if (match?.by === undefined) continue;
    const permission = permissionOf(record);
    if (kind in UNDONE_BY) {
      removals.push({
        recordId: record.id,
        activity: record.activityDisplayName,
        kind: kind as RemovalKind,
        at: record.activityDateTime,
        ...initiator(record),
        app: match.who.app,
        matchedBy: match.by,
        permission,
      });
    } else {
      repairs.push({ kind: kind as RepairKind, app: match.who.app, at: record.activityDateTime, permission });
    }
  }
  return removals
    .map((removal) => {
      const undo = repairs
        .filter(
          (r) =>
            r.app === removal.app &&
            UNDONE_BY[removal.kind].includes(r.kind) &&
            isBefore(removal.at, r.at) &&
            samePermission(r.permission, removal.permission),
        )
        .sort((a, b) => Date.parse(a.at) - Date.parse(b.at))[0];
      return undo === undefined ? removal : { ...removal, undoneAt: undo.at };
    })
    .sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
}
