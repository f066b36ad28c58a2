/**
 * The stand-in's tenant model: plain data, so a scenario is a small patch of a healthy tenant and a test can
 * read exactly what the fake will answer. Field names follow Microsoft Graph v1.0 so handlers can serve
 * objects without translation.
 */
import type { DirectoryAuditRecord, SynchronizationJobRecord } from '../../../checks/snapshot.js';

export interface FakeAppRole {
  id: string;
  value: string;
  displayName: string;
  description: string;
  allowedMemberTypes: string[];
  isEnabled: boolean;
  origin: 'Application';
}

export interface FakePermissionScope {
  id: string;
  value: string;
  type: 'User' | 'Admin';
  adminConsentDisplayName: string;
  adminConsentDescription: string;
  isEnabled: boolean;
}

export interface FakeServicePrincipal {
  id: string;
  appId: string;
  displayName: string;
  accountEnabled: boolean;
  appOwnerOrganizationId: string | null;
  servicePrincipalType: 'Application' | 'ManagedIdentity' | 'Legacy';
  disabledByMicrosoftStatus: string | null;
  createdDateTime: string;
  deletedDateTime: string | null;
  tags: string[];
  appRoles: FakeAppRole[];
  oauth2PermissionScopes: FakePermissionScope[];
}

/** An application object (app registration) local to the tenant; only used as an owned object. */
export interface FakeApplication {
  id: string;
  appId: string;
  displayName: string;
  createdDateTime: string;
}

export interface FakeDelegatedGrant {
  id: string;
  clientId: string;
  consentType: 'AllPrincipals' | 'Principal';
  principalId: string | null;
  resourceId: string;
  scope: string;
}

export interface FakeAppRoleAssignment {
  id: string;
  appRoleId: string;
  principalId: string;
  principalDisplayName: string;
  principalType: 'ServicePrincipal';
  resourceId: string;
  resourceDisplayName: string;
  createdDateTime: string;
  deletedDateTime: null;
}

export interface FakeOwnership {
  ownerId: string;
  objectId: string;
}

export interface FakeSynchronizationJob extends SynchronizationJobRecord {
  schedule: { expiration: string | null; interval: string; state: 'Active' | 'Disabled' | 'Paused' };
}

export interface FakeJobOfServicePrincipal {
  servicePrincipalId: string;
  job: FakeSynchronizationJob;
}

/** A directory audit as Graph returns it (the snapshot's record plus the fields the snapshot does not keep). */
export interface FakeDirectoryAudit extends DirectoryAuditRecord {
  category: string;
  correlationId: string;
  result: 'success' | 'failure';
  resultReason: string;
  loggedByService: string;
  operationType: 'Add' | 'Update' | 'Delete' | 'Assign' | 'UnAssign' | 'Other';
  additionalDetails: { key: string; value: string }[];
}

/**
 * A soft-deleted service principal and what Entra keeps with it, so a restore brings its configuration back
 * (Microsoft Learn, "Restore a soft deleted enterprise application").
 */
export interface FakeDeletedServicePrincipal {
  servicePrincipal: FakeServicePrincipal & { deletedDateTime: string };
  retainedGrants: FakeDelegatedGrant[];
  retainedAppRoleAssignments: FakeAppRoleAssignment[];
  retainedOwnerships: FakeOwnership[];
}

export interface FakeClientSecret {
  keyId: string;
  displayName: string;
  value: string;
  endDateTime: string;
}

export interface FakeClientCertificate {
  /** PEM of the public certificate (no key): what an admin uploads to the app registration. */
  certificatePem: string;
  endDateTime: string;
}

/** The bot's own app registration in this tenant: how it signs in and which Graph app roles it was granted. */
export interface FakeBotApp {
  clientId: string;
  displayName: string;
  secrets: FakeClientSecret[];
  certificates: FakeClientCertificate[];
  /** Graph application permission values, e.g. "Application.Read.All". */
  grantedPermissions: string[];
}

export interface FakeTenant {
  tenantId: string;
  displayName: string;
  defaultDomain: string;
  /** Directory audit retention: 7 days (Entra ID Free) or 30 days (P1/P2). Older records are gone. */
  retentionDays: 7 | 30;
  servicePrincipals: FakeServicePrincipal[];
  applications: FakeApplication[];
  oauth2PermissionGrants: FakeDelegatedGrant[];
  appRoleAssignments: FakeAppRoleAssignment[];
  ownerships: FakeOwnership[];
  synchronizationJobs: FakeJobOfServicePrincipal[];
  directoryAudits: FakeDirectoryAudit[];
  deletedServicePrincipals: FakeDeletedServicePrincipal[];
  bot: FakeBotApp;
}
