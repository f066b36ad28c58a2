/**
 * A realistic healthy tenant: Cisco Webex Identity Integration present, enabled and consented (one
 * AllPrincipals User.Read grant plus seven app role assignments), owning "Cisco Webex Identity" whose SCIM job
 * is Active; plus unrelated apps and records so every query has something to filter out.
 */
import { auditRecord, jsonValue, tenantAdmin } from './audit-records.js';
import { guidFrom, isoDaysBefore, isoHoursBefore } from './ids.js';
import type { FakeAppRoleAssignment, FakeServicePrincipal, FakeSynchronizationJob, FakeTenant } from './model.js';
import {
  BOT_PERMISSIONS,
  FAKE_CISCO_HOME_TENANT_ID,
  GRAPH_APP_ROLE_IDS,
  INTEGRATION_APP_ID,
  INTEGRATION_APP_NAME,
  INTEGRATION_APP_ROLES,
  MICROSOFT_GRAPH_APP_ID,
  MICROSOFT_SERVICES_TENANT_ID,
  PROVISIONING_APP_NAME,
  graphAppRoles,
  graphPermissionScopes,
} from './well-known.js';

/** The bot's app registration used by local mode and the tests (a stand-in secret, valid nowhere else). */
export const DEMO_BOT_CLIENT_ID = guidFrom('azure-ad-doctor:bot-app');
export const DEMO_BOT_SECRET = 'Zq8~demo.StandIn-Secret_0nly-For-The-Fake-Tenant';

export interface BaseTenantOptions {
  /** The moment the tenant's history is relative to ("yesterday", "3 days ago"). */
  now?: Date;
  tenantId?: string;
  displayName?: string;
  defaultDomain?: string;
  retentionDays?: 7 | 30;
  botPermissions?: readonly string[];
}

export const integrationSpId = (tenantId: string): string => guidFrom(`${tenantId}:sp:integration`);
export const graphSpId = (tenantId: string): string => guidFrom(`${tenantId}:sp:graph`);
export const provisioningSpId = (tenantId: string): string => guidFrom(`${tenantId}:sp:provisioning`);

function servicePrincipal(
  fields: Pick<FakeServicePrincipal, 'id' | 'appId' | 'displayName' | 'appOwnerOrganizationId' | 'createdDateTime'> &
    Partial<FakeServicePrincipal>,
): FakeServicePrincipal {
  return {
    accountEnabled: true,
    servicePrincipalType: 'Application',
    disabledByMicrosoftStatus: null,
    deletedDateTime: null,
    tags: ['WindowsAzureActiveDirectoryIntegratedApp'],
    appRoles: [],
    oauth2PermissionScopes: [],
    ...fields,
  };
}

/** The seven app role assignments admin consent gives the Integration app. */
export function integrationRoleAssignments(tenantId: string, spId: string, createdDateTime: string): FakeAppRoleAssignment[] {
  return INTEGRATION_APP_ROLES.map((role) => ({
    id: guidFrom(`${tenantId}:assignment:${spId}:${role}`),
    appRoleId: GRAPH_APP_ROLE_IDS[role],
    principalId: spId,
    principalDisplayName: INTEGRATION_APP_NAME,
    principalType: 'ServicePrincipal',
    resourceId: graphSpId(tenantId),
    resourceDisplayName: 'Microsoft Graph',
    createdDateTime,
    deletedDateTime: null,
  }));
}

export function activeScimJob(tenantId: string, now: Date): FakeSynchronizationJob {
  return {
    id: `scim.${guidFrom(`${tenantId}:job`).replace(/-/g, '')}.${tenantId}`,
    templateId: 'scim',
    schedule: { expiration: null, interval: 'PT40M', state: 'Active' },
    status: {
      code: 'Active',
      quarantine: null,
      lastSuccessfulExecution: { timeEnded: isoHoursBefore(now, 0.5) },
    },
  };
}

export function baseHealthyTenant(options: BaseTenantOptions = {}): FakeTenant {
  const now = options.now ?? new Date();
  const tenantId = options.tenantId ?? guidFrom('tenant:contoso');
  const defaultDomain = options.defaultDomain ?? 'contoso.com';
  const consentedAt = isoDaysBefore(now, 400);
  const integrationId = integrationSpId(tenantId);
  const provisioningId = provisioningSpId(tenantId);
  const provisioningAppId = guidFrom(`${tenantId}:app:provisioning`);
  const provisioningApplicationId = guidFrom(`${tenantId}:application:provisioning`);
  const hrPortalSpId = guidFrom(`${tenantId}:sp:hr-portal`);
  const admin = tenantAdmin({ tenantId, defaultDomain });

  return {
    tenantId,
    displayName: options.displayName ?? 'Contoso',
    defaultDomain,
    retentionDays: options.retentionDays ?? 30,
    servicePrincipals: [
      servicePrincipal({
        id: graphSpId(tenantId),
        appId: MICROSOFT_GRAPH_APP_ID,
        displayName: 'Microsoft Graph',
        appOwnerOrganizationId: MICROSOFT_SERVICES_TENANT_ID,
        createdDateTime: isoDaysBefore(now, 900),
        tags: [],
        appRoles: graphAppRoles(),
        oauth2PermissionScopes: graphPermissionScopes(),
      }),
      servicePrincipal({
        id: integrationId,
        appId: INTEGRATION_APP_ID,
        displayName: INTEGRATION_APP_NAME,
        appOwnerOrganizationId: FAKE_CISCO_HOME_TENANT_ID,
        createdDateTime: consentedAt,
      }),
      servicePrincipal({
        id: provisioningId,
        appId: provisioningAppId,
        displayName: PROVISIONING_APP_NAME,
        appOwnerOrganizationId: tenantId,
        createdDateTime: consentedAt,
        tags: ['WindowsAzureActiveDirectoryIntegratedApp', 'WindowsAzureActiveDirectoryCustomSingleSignOnApplication'],
      }),
      servicePrincipal({
        id: guidFrom(`${tenantId}:sp:bot`),
        appId: DEMO_BOT_CLIENT_ID,
        displayName: 'Azure AD Doctor for Webex',
        appOwnerOrganizationId: tenantId,
        createdDateTime: isoDaysBefore(now, 20),
      }),
      servicePrincipal({
        id: hrPortalSpId,
        appId: guidFrom(`${tenantId}:app:hr-portal`),
        displayName: 'Contoso HR Portal',
        appOwnerOrganizationId: tenantId,
        createdDateTime: isoDaysBefore(now, 3),
      }),
    ],
    applications: [
      { id: provisioningApplicationId, appId: provisioningAppId, displayName: PROVISIONING_APP_NAME, createdDateTime: consentedAt },
    ],
    oauth2PermissionGrants: [
      {
        id: guidFrom(`${tenantId}:grant:integration`),
        clientId: integrationId,
        consentType: 'AllPrincipals',
        principalId: null,
        resourceId: graphSpId(tenantId),
        scope: 'User.Read',
      },
    ],
    appRoleAssignments: integrationRoleAssignments(tenantId, integrationId, consentedAt),
    ownerships: [
      { ownerId: integrationId, objectId: provisioningId },
      { ownerId: integrationId, objectId: provisioningApplicationId },
    ],
    synchronizationJobs: [{ servicePrincipalId: provisioningId, job: activeScimJob(tenantId, now) }],
    directoryAudits: [
      // Outside any retention: Graph no longer returns these, as in a real tenant consented long ago.
      auditRecord({
        seed: `${tenantId}:audit:consent`,
        activity: 'Consent to application',
        at: consentedAt,
        by: admin,
        targets: [{ id: integrationId, displayName: INTEGRATION_APP_NAME, type: 'ServicePrincipal' }],
        operationType: 'Assign',
      }),
      // Noise inside retention: another app's history, which the collector must not mistake for Webex's.
      auditRecord({
        seed: `${tenantId}:audit:hr-add`,
        activity: 'Add service principal',
        at: isoDaysBefore(now, 3),
        by: admin,
        targets: [{ id: hrPortalSpId, displayName: 'Contoso HR Portal', type: 'ServicePrincipal' }],
        operationType: 'Add',
      }),
      auditRecord({
        seed: `${tenantId}:audit:hr-role`,
        activity: 'Remove app role assignment from service principal',
        at: isoDaysBefore(now, 2),
        by: admin,
        targets: [
          {
            id: hrPortalSpId,
            displayName: 'Contoso HR Portal',
            type: 'ServicePrincipal',
            modifiedProperties: [{ displayName: 'AppRole.Value', oldValue: jsonValue('User.Read.All'), newValue: null }],
          },
        ],
        operationType: 'UnAssign',
      }),
    ],
    deletedServicePrincipals: [],
    bot: {
      clientId: DEMO_BOT_CLIENT_ID,
      displayName: 'Azure AD Doctor for Webex',
      secrets: [
        {
          keyId: guidFrom(`${tenantId}:bot-secret`),
          displayName: 'bot',
          value: DEMO_BOT_SECRET,
          endDateTime: new Date(now.getTime() + 365 * 86_400_000).toISOString(),
        },
      ],
      certificates: [],
      grantedPermissions: [...(options.botPermissions ?? BOT_PERMISSIONS)],
    },
  };
}
