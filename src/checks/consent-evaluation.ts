import type { Seen } from './finding.js';
import { KNOWN_APP_ROLE_NAMES, REQUIRED_PERMISSIONS } from './required-permissions.js';
import type { GrantForm } from './required-permissions.js';
import type { AppRoleAssignmentRecord, DelegatedGrantRecord, GraphResourceRecord } from './snapshot.js';
import type { UnknownReason } from './types.js';

export type PermissionState = 'granted' | 'missing' | 'unverified';

export interface PermissionStatus {
  name: string;
  state: PermissionState;
  /** How it was granted, when granted. */
  via?: GrantForm;
}

export interface ConsentInputs {
  servicePrincipalId: string;
  graphResource: Seen<GraphResourceRecord | null>;
  delegatedGrants: Seen<DelegatedGrantRecord[]>;
  appRoleAssignments: Seen<AppRoleAssignmentRecord[]>;
}

/** App role id → name: Graph's own list when readable (authoritative), the well-known ids otherwise. */
function appRoleNames(graph: GraphResourceRecord | null | undefined): Map<string, string> {
  const names = new Map(KNOWN_APP_ROLE_NAMES);
  for (const role of graph?.appRoles ?? []) names.set(role.id.toLowerCase(), role.value);
  return names;
}

function graphSpIdOf(input: ConsentInputs): string | undefined {
  return input.graphResource.seen && input.graphResource.value !== null ? input.graphResource.value.id : undefined;
}

function grantedRoleNames(input: ConsentInputs): Set<string> {
  if (!input.appRoleAssignments.seen) return new Set();
  const graphSpId = graphSpIdOf(input);
  const names = appRoleNames(input.graphResource.seen ? input.graphResource.value : undefined);
  const granted = new Set<string>();
  for (const a of input.appRoleAssignments.value) {
    if (a.principalId !== input.servicePrincipalId) continue;
    // App role ids are globally unique GUIDs, so without Graph's SP id the id alone still identifies the permission.
    if (graphSpId !== undefined && a.resourceId !== graphSpId) continue;
    const name = names.get(a.appRoleId.toLowerCase());
    if (name !== undefined) granted.add(name);
  }
  return granted;
}

/**
 * Scopes of tenant-wide (AllPrincipals) delegated grants. A grant holds scope names, not ids, so it counts as
 * Graph's only when its resourceId is Graph's SP; without that id a found scope is `unconfirmed`.
 */
function delegatedScopes(input: ConsentInputs): { confirmed: Set<string>; unconfirmed: Set<string> } {
  const confirmed = new Set<string>();
  const unconfirmed = new Set<string>();
  if (!input.delegatedGrants.seen) return { confirmed, unconfirmed };
  const graphSpId = graphSpIdOf(input);
  for (const g of input.delegatedGrants.value) {
    if (g.clientId !== input.servicePrincipalId || g.consentType !== 'AllPrincipals') continue;
    const target = graphSpId === undefined ? unconfirmed : g.resourceId === graphSpId ? confirmed : undefined;
    for (const scope of g.scope.split(/\s+/).filter(Boolean)) target?.add(scope);
  }
  return { confirmed, unconfirmed };
}

/**
 * Each permission Cisco's consent screen asks for, granted in either form. A permission is `missing` only when every
 * place it could have been granted was seen and none holds it; otherwise it is `unverified`.
 */
export function evaluateConsent(input: ConsentInputs): PermissionStatus[] {
  const roles = grantedRoleNames(input);
  const scopes = delegatedScopes(input);
  return REQUIRED_PERMISSIONS.map((p): PermissionStatus => {
    const canBeRole = p.forms.includes('application');
    const canBeDelegated = p.forms.includes('delegated');
    if (canBeRole && roles.has(p.name)) return { name: p.name, state: 'granted', via: 'application' };
    if (canBeDelegated && scopes.confirmed.has(p.name)) return { name: p.name, state: 'granted', via: 'delegated' };
    const roleUnseen = canBeRole && !input.appRoleAssignments.seen;
    const delegatedUnseen = canBeDelegated && (!input.delegatedGrants.seen || scopes.unconfirmed.has(p.name));
    return { name: p.name, state: roleUnseen || delegatedUnseen ? 'unverified' : 'missing' };
  });
}

/** Why some permissions stay unverified: the first unreadable piece that could have held them. */
export function unverifiedReason(input: ConsentInputs): UnknownReason {
  if (!input.appRoleAssignments.seen) return input.appRoleAssignments.reason;
  if (!input.delegatedGrants.seen) return input.delegatedGrants.reason;
  if (!input.graphResource.seen) return input.graphResource.reason;
  return {
    kind: 'error',
    problem: { kind: 'error', detail: "Microsoft Graph's service principal was not found in the tenant" },
  };
}
