/**
 * A tenant snapshot is everything the collector read from Microsoft Graph for one diagnosis.
 * Collecting (I/O) and judging (pure checks) are separate so each check is tested with a fixture.
 * Every piece carries its own fate: read, could not be read (and why), or not asked (and why).
 */

export type FetchProblemKind =
  | 'permission' // 403 Authorization_RequestDenied / Authentication_MSGraphPermissionMissing
  | 'throttled' // 429 after the retry budget
  | 'timeout'
  | 'unreachable' // network error, DNS, TLS, 5xx after retries
  | 'auth' // the bot's own token request failed (AADSTS…)
  | 'error'; // anything else Graph answered that we did not expect

export interface FetchProblem {
  kind: FetchProblemKind;
  /** Graph permission that would have allowed the read, when the problem is `permission`. */
  missingPermission?: string;
  /** HTTP status Graph answered, if any. */
  status?: number;
  /** Graph error code, e.g. "Authorization_RequestDenied". */
  graphCode?: string;
  /** AADSTS code digits when the token request failed. */
  aadstsCode?: string;
  /** Graph's request-id, for support cases. */
  requestId?: string;
  /** Short technical detail. Never contains secrets or tokens. */
  detail: string;
}

export type Fetched<T> =
  | { status: 'ok'; value: T }
  | { status: 'unavailable'; problem: FetchProblem }
  | { status: 'skipped'; because: string };

export interface ServicePrincipalRecord {
  id: string;
  appId: string;
  displayName: string;
  accountEnabled: boolean;
  disabledByMicrosoftStatus?: string | null;
  appOwnerOrganizationId?: string | null;
  servicePrincipalType?: string;
  deletedDateTime?: string | null;
}

export interface DeletedServicePrincipalRecord extends ServicePrincipalRecord {
  deletedDateTime: string;
}

/** An oauth2PermissionGrant (delegated permissions) held by the Integration app. */
export interface DelegatedGrantRecord {
  id: string;
  clientId: string;
  consentType: 'AllPrincipals' | 'Principal';
  principalId?: string | null;
  resourceId: string;
  /** Space-separated scope values, e.g. "User.Read". */
  scope: string;
}

/** An app role (application permission) assigned to the Integration app. */
export interface AppRoleAssignmentRecord {
  id: string;
  appRoleId: string;
  principalId: string;
  resourceId: string;
  resourceDisplayName?: string;
  createdDateTime?: string;
}

/** Microsoft Graph's own service principal in the tenant: resolves permission ids to names. */
export interface GraphResourceRecord {
  id: string;
  appRoles: { id: string; value: string }[];
  oauth2PermissionScopes: { id: string; value: string }[];
}

export interface QuarantineRecord {
  currentBegan?: string;
  nextAttempt?: string;
  reason?: string;
  seriesBegan?: string;
  seriesCount?: number;
  error?: { code?: string; message?: string } | null;
}

export interface SynchronizationJobRecord {
  id: string;
  templateId?: string;
  status: {
    code: 'NotConfigured' | 'NotRun' | 'Active' | 'Paused' | 'Quarantine' | string;
    quarantine?: QuarantineRecord | null;
    lastSuccessfulExecution?: { timeEnded?: string } | null;
  };
}

export interface DirectoryAuditRecord {
  id: string;
  activityDisplayName: string;
  activityDateTime: string;
  result?: string;
  correlationId?: string;
  initiatedBy: {
    user?: { id?: string; displayName?: string | null; userPrincipalName?: string | null } | null;
    app?: { appId?: string | null; displayName?: string | null; servicePrincipalId?: string | null } | null;
  };
  targetResources: {
    id?: string;
    displayName?: string | null;
    type?: string;
    modifiedProperties?: { displayName?: string; oldValue?: string | null; newValue?: string | null }[];
  }[];
}

export interface AuditWindow {
  records: DirectoryAuditRecord[];
  /** ISO timestamps of the searched window. */
  from: string;
  to: string;
}

/** The provisioning app and whether the Integration app's ownedObjects confirmed it. */
export interface ProvisioningAppRecord extends ServicePrincipalRecord {
  ownedByIntegrationApp: boolean | 'unknown';
}

export interface TenantSnapshot {
  tenantId: string;
  /** ISO time the collection started; checks judge ages against it (no clock in checks). */
  collectedAt: string;
  integrationApp: Fetched<ServicePrincipalRecord | null>;
  graphResource: Fetched<GraphResourceRecord | null>;
  delegatedGrants: Fetched<DelegatedGrantRecord[]>;
  appRoleAssignments: Fetched<AppRoleAssignmentRecord[]>;
  /** Candidates named "Cisco Webex Identity"; more than one is possible. */
  provisioningApps: Fetched<ProvisioningAppRecord[]>;
  /** Synchronization jobs, keyed by provisioning app object id. */
  synchronizationJobs: Fetched<Record<string, SynchronizationJobRecord[]>>;
  audits: Fetched<AuditWindow>;
  deletedIntegrationApps: Fetched<DeletedServicePrincipalRecord[]>;
}
