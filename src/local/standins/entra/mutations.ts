/**
 * What Entra does to a tenant when an admin acts: soft delete, restore, admin consent. Scenarios use these
 * to plant history, and the local demo uses them so "fix it, then Re-verify" really changes what Graph says.
 */
import { randomUUID } from 'node:crypto';
import { auditRecord, jsonValue, tenantAdmin, type AuditActor } from './audit-records.js';
import type { FakeDeletedServicePrincipal, FakeServicePrincipal, FakeTenant } from './model.js';
import { graphSpId, integrationRoleAssignments } from './tenant-builder.js';
import {
  FAKE_CISCO_HOME_TENANT_ID,
  GRAPH_APP_ROLE_IDS,
  INTEGRATION_APP_ID,
  INTEGRATION_APP_NAME,
  INTEGRATION_DELEGATED_SCOPES,
  type GraphAppRoleValue,
} from './well-known.js';

/** "Delete" on an enterprise app: the SP goes to deleted items with its grants, roles and ownerships. */
export function softDeleteServicePrincipal(tenant: FakeTenant, spId: string, at: string, seed?: string): void {
  const sp = tenant.servicePrincipals.find((s) => s.id === spId);
  if (sp === undefined) throw new Error(`no service principal ${spId} in tenant ${tenant.tenantId}`);
  const touches = (o: { ownerId: string; objectId: string }): boolean => o.ownerId === spId || o.objectId === spId;
  const deleted: FakeDeletedServicePrincipal = {
    servicePrincipal: { ...sp, deletedDateTime: at },
    retainedGrants: tenant.oauth2PermissionGrants.filter((g) => g.clientId === spId),
    retainedAppRoleAssignments: tenant.appRoleAssignments.filter((a) => a.principalId === spId),
    retainedOwnerships: tenant.ownerships.filter(touches),
  };
  tenant.servicePrincipals = tenant.servicePrincipals.filter((s) => s.id !== spId);
  tenant.oauth2PermissionGrants = tenant.oauth2PermissionGrants.filter((g) => g.clientId !== spId);
  tenant.appRoleAssignments = tenant.appRoleAssignments.filter((a) => a.principalId !== spId);
  tenant.ownerships = tenant.ownerships.filter((o) => !touches(o));
  tenant.deletedServicePrincipals.push(deleted);
  tenant.directoryAudits.push(
    auditRecord({
      ...(seed === undefined ? {} : { seed }),
      activity: 'Remove service principal',
      at,
      by: tenantAdmin(tenant),
      targets: [{ id: sp.id, displayName: sp.displayName, type: 'ServicePrincipal' }],
      operationType: 'Delete',
    }),
  );
}

/** Restore from deleted items (within 30 days): the SP comes back with its configuration. */
export function restoreDeletedServicePrincipal(tenant: FakeTenant, id: string, now: Date): FakeServicePrincipal | undefined {
  const item = tenant.deletedServicePrincipals.find((d) => d.servicePrincipal.id === id);
  if (item === undefined) return undefined;
  const restored: FakeServicePrincipal = { ...item.servicePrincipal, deletedDateTime: null };
  tenant.deletedServicePrincipals = tenant.deletedServicePrincipals.filter((d) => d !== item);
  tenant.servicePrincipals.push(restored);
  tenant.oauth2PermissionGrants.push(...item.retainedGrants);
  tenant.appRoleAssignments.push(...item.retainedAppRoleAssignments);
  tenant.ownerships.push(...item.retainedOwnerships);
  tenant.directoryAudits.push(
    auditRecord({
      activity: 'Restore service principal',
      at: now.toISOString(),
      by: tenantAdmin(tenant),
      targets: [{ id: restored.id, displayName: restored.displayName, type: 'ServicePrincipal' }],
      operationType: 'Update',
    }),
  );
  return restored;
}

/** Removes some of the Integration app's app role assignments, as an admin revoking permissions would. */
export function removeIntegrationAppRoles(tenant: FakeTenant, roles: GraphAppRoleValue[], at: string): void {
  const integration = tenant.servicePrincipals.find((s) => s.appId === INTEGRATION_APP_ID);
  if (integration === undefined) throw new Error('the Integration app is not in this tenant');
  for (const role of roles) {
    const roleId = GRAPH_APP_ROLE_IDS[role];
    tenant.appRoleAssignments = tenant.appRoleAssignments.filter(
      (a) => !(a.principalId === integration.id && a.appRoleId === roleId),
    );
    tenant.directoryAudits.push(
      auditRecord({
        seed: `${tenant.tenantId}:audit:remove-role:${role}:${at}`,
        activity: 'Remove app role assignment from service principal',
        at,
        by: tenantAdmin(tenant),
        targets: [
          {
            id: integration.id,
            displayName: integration.displayName,
            type: 'ServicePrincipal',
            modifiedProperties: [
              { displayName: 'AppRole.Id', oldValue: jsonValue(roleId), newValue: null },
              { displayName: 'AppRole.Value', oldValue: jsonValue(role), newValue: null },
              { displayName: 'ServicePrincipal.AppId', oldValue: jsonValue(INTEGRATION_APP_ID), newValue: null },
            ],
          },
        ],
        operationType: 'UnAssign',
      }),
    );
  }
}

/**
 * What Entra does when a Global Administrator consents to the Integration app: the SP is created if absent
 * (a new object; a soft-deleted one stays in deleted items), the User.Read grant and the seven app roles are
 * (re)granted, and "Add service principal" / "Consent to application" are audited. It does not enable a disabled
 * app, nor recreate the provisioning app (Control Hub's wizard does that).
 */
export function applyAdminConsent(tenant: FakeTenant, now: Date, by: AuditActor = tenantAdmin(tenant)): FakeServicePrincipal {
  const at = now.toISOString();
  let sp = tenant.servicePrincipals.find((s) => s.appId === INTEGRATION_APP_ID);
  if (sp === undefined) {
    sp = {
      id: randomUUID(),
      appId: INTEGRATION_APP_ID,
      displayName: INTEGRATION_APP_NAME,
      accountEnabled: true,
      appOwnerOrganizationId: FAKE_CISCO_HOME_TENANT_ID,
      servicePrincipalType: 'Application',
      disabledByMicrosoftStatus: null,
      createdDateTime: at,
      deletedDateTime: null,
      tags: ['WindowsAzureActiveDirectoryIntegratedApp'],
      appRoles: [],
      oauth2PermissionScopes: [],
    };
    tenant.servicePrincipals.push(sp);
    tenant.directoryAudits.push(
      auditRecord({ activity: 'Add service principal', at, by, operationType: 'Add', targets: [target(sp)] }),
    );
  }
  const spId = sp.id;
  const grant = tenant.oauth2PermissionGrants.find((g) => g.clientId === spId && g.consentType === 'AllPrincipals');
  const scopes = new Set([...(grant?.scope.split(' ').filter(Boolean) ?? []), ...INTEGRATION_DELEGATED_SCOPES]);
  if (grant === undefined) {
    tenant.oauth2PermissionGrants.push({
      id: randomUUID(),
      clientId: spId,
      consentType: 'AllPrincipals',
      principalId: null,
      resourceId: graphSpId(tenant.tenantId),
      scope: [...scopes].join(' '),
    });
  } else {
    grant.scope = [...scopes].join(' ');
  }
  const held = new Set(tenant.appRoleAssignments.filter((a) => a.principalId === spId).map((a) => a.appRoleId));
  const missing = integrationRoleAssignments(tenant.tenantId, spId, at).filter((a) => !held.has(a.appRoleId));
  tenant.appRoleAssignments.push(...missing.map((a) => ({ ...a, id: randomUUID() })));
  tenant.directoryAudits.push(
    auditRecord({ activity: 'Consent to application', at, by, operationType: 'Assign', targets: [target(sp)] }),
  );
  return sp;
}

function target(sp: FakeServicePrincipal): { id: string; displayName: string; type: 'ServicePrincipal' } {
  return { id: sp.id, displayName: sp.displayName, type: 'ServicePrincipal' };
}
