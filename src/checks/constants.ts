/**
 * Fixed facts about the two Cisco apps and the Entra rules the checks judge against.
 * Sources: Cisco's "Set up the Entra ID (Azure AD) Wizard App" help article and TAC documents (shared/seeds),
 * Microsoft Learn (restore-application, application-provisioning-quarantine-status).
 */

/** Cisco Webex Identity Integration: Cisco's multi-tenant app. Some texts call it "…Synchronization": match on appId only. */
export const INTEGRATION_APP_ID = '90db942a-c1eb-4e8d-82e4-eebf64a7e2ae';

/** Display names the Integration app has carried; used only as a last resort to match audit records. */
export const INTEGRATION_APP_NAMES = ['Cisco Webex Identity Integration', 'Cisco Webex Identity Synchronization'];

/** The SCIM provisioning app the Integration app creates per tenant (no global appId). */
export const PROVISIONING_APP_NAME = 'Cisco Webex Identity';

/** A soft-deleted service principal stays in deleted items this long, then Entra deletes it for good. */
export const RESTORE_WINDOW_DAYS = 30;

/** A provisioning job in quarantine for more than four weeks is disabled (stops running). */
export const QUARANTINE_DISABLE_DAYS = 28;

export const DOCS = {
  ciscoWizard: 'https://help.webex.com/en-us/article/heauzeb/Set-up-Azure-AD-Wizard-App-in-Control-Hub',
  adminConsent: 'https://learn.microsoft.com/en-us/entra/identity/enterprise-apps/grant-admin-consent',
  restoreApp: 'https://learn.microsoft.com/en-us/entra/identity/enterprise-apps/restore-application',
  disableApp: 'https://learn.microsoft.com/en-us/entra/identity/enterprise-apps/disable-user-sign-in-portal',
  servicePrincipal: 'https://learn.microsoft.com/en-us/graph/api/resources/serviceprincipal',
  quarantine: 'https://learn.microsoft.com/en-us/entra/identity/app-provisioning/application-provisioning-quarantine-status',
  auditLogs: 'https://learn.microsoft.com/en-us/entra/identity/monitoring-health/concept-audit-logs',
  errorCodes: 'https://learn.microsoft.com/en-us/entra/identity-platform/reference-error-codes',
} as const;
