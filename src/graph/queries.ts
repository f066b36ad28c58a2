/**
 * The Graph requests a diagnosis makes, as batch-relative URLs. This is the only place that knows Graph's
 * paths and OData syntax (FACTS.md lists what Graph accepts).
 */

import { INTEGRATION_APP_ID, PROVISIONING_APP_NAME } from '../checks/constants.js';

// The Cisco apps' identities are facts the checks own; the collector asks Graph for exactly those.
export { INTEGRATION_APP_ID, PROVISIONING_APP_NAME };
export const MICROSOFT_GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';
/** Both Cisco apps' names start with this; audit records are matched on it. */
export const WEBEX_APP_NAME_PREFIX = 'Cisco Webex Identity';

const SP_FIELDS = 'id,appId,displayName,accountEnabled,disabledByMicrosoftStatus,appOwnerOrganizationId,servicePrincipalType,deletedDateTime';

/** OData string literal: quotes doubled. */
const quoted = (value: string): string => `'${value.replace(/'/g, "''")}'`;

function url(path: string, query: Record<string, string>): string {
  const parts = Object.entries(query).map(([key, value]) => `${key}=${encodeURIComponent(value)}`);
  return parts.length === 0 ? path : `${path}?${parts.join('&')}`;
}

export const query = {
  integrationApp: (): string => url('/servicePrincipals', { $filter: `appId eq ${quoted(INTEGRATION_APP_ID)}`, $select: SP_FIELDS }),
  graphResource: (): string =>
    url('/servicePrincipals', { $filter: `appId eq ${quoted(MICROSOFT_GRAPH_APP_ID)}`, $select: 'id,appRoles,oauth2PermissionScopes' }),
  provisioningCandidates: (): string =>
    url('/servicePrincipals', { $filter: `displayName eq ${quoted(PROVISIONING_APP_NAME)}`, $select: SP_FIELDS }),
  deletedIntegrationApps: (): string =>
    url('/directory/deletedItems/microsoft.graph.servicePrincipal', { $filter: `appId eq ${quoted(INTEGRATION_APP_ID)}`, $select: SP_FIELDS }),
  licences: (): string => url('/subscribedSkus', { $select: 'skuPartNumber,capabilityStatus,servicePlans' }),
  delegatedGrants: (spId: string): string => `/servicePrincipals/${encodeURIComponent(spId)}/oauth2PermissionGrants`,
  appRoleAssignments: (spId: string): string => `/servicePrincipals/${encodeURIComponent(spId)}/appRoleAssignments`,
  ownedObjects: (spId: string): string => url(`/servicePrincipals/${encodeURIComponent(spId)}/ownedObjects`, { $select: 'id' }),
  synchronizationJobs: (spId: string): string => `/servicePrincipals/${encodeURIComponent(spId)}/synchronization/jobs`,
  audits: (activity: AuditActivity, from: Date): string => {
    const clauses = [`activityDateTime ge ${from.toISOString()}`, `activityDisplayName eq ${quoted(activity.name)}`];
    if (activity.targetIsWebexApp) clauses.push(`targetResources/any(t: startswith(t/displayName, ${quoted(WEBEX_APP_NAME_PREFIX)}))`);
    return url('/auditLogs/directoryAudits', { $filter: clauses.join(' and '), $top: '999' });
  },
};

export interface AuditActivity {
  name: string;
  /**
   * The record's target is the Webex app itself, so Graph can filter on its name. For grant and role events the
   * target may be the resource (Microsoft Graph); those are matched after reading (see collect.ts).
   */
  targetIsWebexApp: boolean;
}

/** Directory audit activities that explain a broken Webex integration (FACTS.md: Graph's activity names). */
export const AUDIT_ACTIVITIES: readonly AuditActivity[] = [
  { name: 'Remove service principal', targetIsWebexApp: true },
  { name: 'Hard delete service principal', targetIsWebexApp: true },
  { name: 'Restore service principal', targetIsWebexApp: true },
  { name: 'Add service principal', targetIsWebexApp: true },
  { name: 'Update service principal', targetIsWebexApp: true },
  { name: 'Consent to application', targetIsWebexApp: true },
  { name: 'Quarantine', targetIsWebexApp: true },
  { name: 'Remove app role assignment from service principal', targetIsWebexApp: false },
  { name: 'Add app role assignment to service principal', targetIsWebexApp: false },
  { name: 'Remove delegated permission grant', targetIsWebexApp: false },
  { name: 'Add delegated permission grant', targetIsWebexApp: false },
  { name: 'Restore consent', targetIsWebexApp: false },
];
