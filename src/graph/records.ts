/**
 * Graph's JSON checked and trimmed to the snapshot's records. A record that does not have the shape Graph
 * documents makes the whole piece "unavailable" rather than a guess the checks would trust.
 */
import { z } from 'zod';
import type {
  AppRoleAssignmentRecord,
  DelegatedGrantRecord,
  DeletedServicePrincipalRecord,
  DirectoryAuditRecord,
  FetchProblem,
  GraphResourceRecord,
  ServicePrincipalRecord,
  SynchronizationJobRecord,
} from '../checks/snapshot.js';

const servicePrincipal = z.object({
  id: z.string(),
  appId: z.string(),
  displayName: z.string(),
  accountEnabled: z.boolean(),
  disabledByMicrosoftStatus: z.string().nullish(),
  appOwnerOrganizationId: z.string().nullish(),
  servicePrincipalType: z.string().optional(),
  deletedDateTime: z.string().nullish(),
});

const deletedServicePrincipal = servicePrincipal.extend({ deletedDateTime: z.string() });

const permission = z.object({ id: z.string(), value: z.string().nullish() });
const graphResource = z.object({
  id: z.string(),
  appRoles: z.array(permission).default([]),
  oauth2PermissionScopes: z.array(permission).default([]),
});

const delegatedGrant = z.object({
  id: z.string(),
  clientId: z.string(),
  consentType: z.enum(['AllPrincipals', 'Principal']),
  principalId: z.string().nullish(),
  resourceId: z.string(),
  scope: z.string().nullish().transform((s) => s ?? ''),
});

const appRoleAssignment = z.object({
  id: z.string(),
  appRoleId: z.string(),
  principalId: z.string(),
  resourceId: z.string(),
  resourceDisplayName: z.string().optional(),
  createdDateTime: z.string().optional(),
});

const synchronizationJob = z.object({
  id: z.string(),
  templateId: z.string().optional(),
  status: z.object({
    code: z.string(),
    quarantine: z
      .object({
        currentBegan: z.string().optional(),
        nextAttempt: z.string().optional(),
        reason: z.string().optional(),
        seriesBegan: z.string().optional(),
        seriesCount: z.number().optional(),
        error: z.object({ code: z.string().optional(), message: z.string().optional() }).nullish(),
      })
      .nullish(),
    lastSuccessfulExecution: z.object({ timeEnded: z.string().optional() }).nullish(),
  }),
});

const directoryAudit = z.object({
  id: z.string(),
  activityDisplayName: z.string(),
  activityDateTime: z.string(),
  result: z.string().optional(),
  correlationId: z.string().optional(),
  initiatedBy: z.object({
    user: z.object({ id: z.string().optional(), displayName: z.string().nullish(), userPrincipalName: z.string().nullish() }).nullish(),
    app: z.object({ appId: z.string().nullish(), displayName: z.string().nullish(), servicePrincipalId: z.string().nullish() }).nullish(),
  }),
  targetResources: z.array(
    z.object({
      id: z.string().optional(),
      displayName: z.string().nullish(),
      type: z.string().optional(),
      modifiedProperties: z
        .array(z.object({ displayName: z.string().optional(), oldValue: z.string().nullish(), newValue: z.string().nullish() }))
        .optional(),
    }),
  ),
});

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: FetchProblem };

function parseAll<T>(schema: z.ZodType<T, z.ZodTypeDef, unknown>, items: readonly unknown[], what: string): Parsed<T[]> {
  const parsed: T[] = [];
  for (const item of items) {
    const result = schema.safeParse(item);
    if (!result.success) {
      const issue = result.error.issues[0];
      const where = issue === undefined ? '' : ` (${issue.path.join('.')}: ${issue.message})`;
      return { ok: false, problem: { kind: 'error', detail: `Graph returned a ${what} in an unexpected shape${where}.` } };
    }
    parsed.push(result.data);
  }
  return { ok: true, value: parsed };
}

export const parseServicePrincipals = (items: readonly unknown[]): Parsed<ServicePrincipalRecord[]> =>
  parseAll(servicePrincipal, items, 'service principal');

export const parseDeletedServicePrincipals = (items: readonly unknown[]): Parsed<DeletedServicePrincipalRecord[]> =>
  parseAll(deletedServicePrincipal, items, 'deleted service principal');

export function parseGraphResources(items: readonly unknown[]): Parsed<GraphResourceRecord[]> {
  const parsed = parseAll(graphResource, items, 'Microsoft Graph service principal');
  if (!parsed.ok) return parsed;
  const named = (list: { id: string; value?: string | null }[]): { id: string; value: string }[] =>
    list.flatMap((p) => (typeof p.value === 'string' ? [{ id: p.id, value: p.value }] : []));
  return {
    ok: true,
    value: parsed.value.map((r) => ({ id: r.id, appRoles: named(r.appRoles), oauth2PermissionScopes: named(r.oauth2PermissionScopes) })),
  };
}

export const parseDelegatedGrants = (items: readonly unknown[]): Parsed<DelegatedGrantRecord[]> =>
  parseAll(delegatedGrant, items, 'permission grant');

export const parseAppRoleAssignments = (items: readonly unknown[]): Parsed<AppRoleAssignmentRecord[]> =>
  parseAll(appRoleAssignment, items, 'app role assignment');

export const parseSynchronizationJobs = (items: readonly unknown[]): Parsed<SynchronizationJobRecord[]> =>
  parseAll(synchronizationJob, items, 'synchronization job');

export const parseDirectoryAudits = (items: readonly unknown[]): Parsed<DirectoryAuditRecord[]> =>
  parseAll(directoryAudit, items, 'directory audit');

/** Object ids in an ownedObjects answer (directoryObjects of any type). */
export function ownedObjectIds(items: readonly unknown[]): Set<string> {
  return new Set(items.flatMap((item) => {
    const id = (item as { id?: unknown } | null)?.id;
    return typeof id === 'string' ? [id.toLowerCase()] : [];
  }));
}

/** True when an Entra ID P1/P2 plan is active: audit logs are then kept 30 days instead of 7. */
export function hasEntraPremium(skus: readonly unknown[]): boolean {
  return skus.some((sku) => {
    const s = sku as { capabilityStatus?: unknown; servicePlans?: unknown } | null;
    const active = s?.capabilityStatus === 'Enabled' || s?.capabilityStatus === 'Warning';
    const plans = Array.isArray(s?.servicePlans) ? (s.servicePlans as { servicePlanName?: unknown; provisioningStatus?: unknown }[]) : [];
    return active && plans.some((p) => typeof p.servicePlanName === 'string' && p.servicePlanName.startsWith('AAD_PREMIUM') && p.provisioningStatus !== 'Disabled');
  });
}
