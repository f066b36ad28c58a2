/**
 * Named tenant states (ScubaGear style: each one a small patch of the healthy tenant) for tests, the
 * benchmark and local mode. Every scenario has its own tenant id, so several can live in one stand-in.
 */
import { auditRecord, jsonValue, tenantAdmin } from './audit-records.js';
import type { FaultRule } from './faults.js';
import { guidFrom, isoDaysBefore, isoHoursBefore } from './ids.js';
import type { FakeTenant } from './model.js';
import { removeIntegrationAppRoles, softDeleteServicePrincipal } from './mutations.js';
import { baseHealthyTenant, integrationSpId, provisioningSpId } from './tenant-builder.js';
import { INTEGRATION_APP_NAME, PROVISIONING_APP_NAME } from './well-known.js';

export type ScenarioPatch = (tenant: FakeTenant, now: Date) => void;

export interface Scenario {
  name: ScenarioName;
  /** One English line for pickers and logs. */
  summary: string;
  /** A fresh tenant in this state, its history relative to `now`. */
  tenant(now?: Date): FakeTenant;
  /** Faults the stand-in should run with for this scenario. */
  faults: FaultRule[];
}

const healthy: ScenarioPatch = () => undefined;

const integrationAppRemoved: ScenarioPatch = (t, now) =>
  softDeleteServicePrincipal(t, integrationSpId(t.tenantId), isoHoursBefore(now, 26), `${t.tenantId}:audit:removed`);

/** Deleted 45 days ago: purged from deleted items (30 days) and its audit record is past retention. */
const integrationAppRemovedLongAgo: ScenarioPatch = (t, now) =>
  softDeleteServicePrincipal(t, integrationSpId(t.tenantId), isoDaysBefore(now, 45), `${t.tenantId}:audit:removed`);

const disabled: ScenarioPatch = (t, now) => {
  const sp = t.servicePrincipals.find((s) => s.id === integrationSpId(t.tenantId));
  if (sp === undefined) throw new Error('base tenant lacks the Integration app');
  sp.accountEnabled = false;
  t.directoryAudits.push(
    auditRecord({
      seed: `${t.tenantId}:audit:disabled`,
      activity: 'Update service principal',
      at: isoDaysBefore(now, 2),
      by: tenantAdmin(t),
      operationType: 'Update',
      targets: [
        {
          id: sp.id,
          displayName: INTEGRATION_APP_NAME,
          type: 'ServicePrincipal',
          modifiedProperties: [{ displayName: 'AccountEnabled', oldValue: jsonValue([true]), newValue: jsonValue([false]) }],
        },
      ],
    }),
  );
};

const consentPartlyMissing: ScenarioPatch = (t, now) =>
  removeIntegrationAppRoles(t, ['AuditLog.Read.All', 'Domain.Read.All'], isoDaysBefore(now, 2));

/** The Control Hub wizard never created (or someone hard-deleted) the SCIM app. */
const provisioningAppMissing: ScenarioPatch = (t) => {
  const spId = provisioningSpId(t.tenantId);
  const appIds = new Set(t.applications.filter((a) => a.displayName === PROVISIONING_APP_NAME).map((a) => a.id));
  t.servicePrincipals = t.servicePrincipals.filter((s) => s.id !== spId);
  t.applications = t.applications.filter((a) => !appIds.has(a.id));
  t.ownerships = t.ownerships.filter((o) => o.objectId !== spId && !appIds.has(o.objectId));
  t.synchronizationJobs = t.synchronizationJobs.filter((j) => j.servicePrincipalId !== spId);
};

const quarantined: ScenarioPatch = (t, now) => {
  const entry = t.synchronizationJobs.find((j) => j.servicePrincipalId === provisioningSpId(t.tenantId));
  if (entry === undefined) throw new Error('base tenant lacks the provisioning job');
  const began = isoDaysBefore(now, 3);
  entry.job.status = {
    code: 'Quarantine',
    lastSuccessfulExecution: { timeEnded: isoDaysBefore(now, 3.1) },
    quarantine: {
      currentBegan: began,
      seriesBegan: began,
      seriesCount: 6,
      nextAttempt: new Date(now.getTime() + 6 * 3_600_000).toISOString(),
      reason: 'EncounteredQuarantineException',
      error: {
        code: 'SystemForCrossDomainIdentityManagementCredentialValidationUnavailable',
        message: 'The SCIM endpoint refused the credentials supplied for provisioning (HTTP 401 Unauthorized).',
      },
    },
  };
  t.directoryAudits.push(
    auditRecord({
      seed: `${t.tenantId}:audit:quarantine`,
      activity: 'Quarantine',
      at: began,
      by: tenantAdmin(t),
      category: 'ProvisioningManagement',
      loggedByService: 'Account Provisioning',
      targets: [{ id: provisioningSpId(t.tenantId), displayName: PROVISIONING_APP_NAME, type: 'ServicePrincipal' }],
    }),
  );
};

const auditLogForbidden: ScenarioPatch = (t) => {
  t.bot.grantedPermissions = t.bot.grantedPermissions.filter((p) => p !== 'AuditLog.Read.All');
};

const everythingForbidden: ScenarioPatch = (t) => {
  t.bot.grantedPermissions = [];
};

/** Someone rotated the bot's secret in Entra; the bot still presents the old one. */
const badClientSecret: ScenarioPatch = (t) => {
  for (const secret of t.bot.secrets) secret.value = `rotated~${guidFrom(`${t.tenantId}:rotated`).replace(/-/g, '')}`;
};

interface ScenarioSpec {
  summary: string;
  patch: ScenarioPatch;
  faults?: FaultRule[];
}

const SPECS = {
  healthy: { summary: 'Everything in order', patch: healthy },
  integrationAppRemoved: {
    summary: 'Integration app deleted yesterday by admin@contoso.com (restorable)',
    patch: integrationAppRemoved,
  },
  integrationAppRemovedLongAgo: {
    summary: 'Integration app deleted 45 days ago (no longer restorable, no audit left)',
    patch: integrationAppRemovedLongAgo,
  },
  disabled: { summary: 'Integration app disabled (sign-in blocked)', patch: disabled },
  consentPartlyMissing: {
    summary: 'AuditLog.Read.All and Domain.Read.All revoked from the Integration app',
    patch: consentPartlyMissing,
  },
  provisioningAppMissing: { summary: 'No "Cisco Webex Identity" provisioning app', patch: provisioningAppMissing },
  quarantined: { summary: 'Provisioning job in quarantine for 3 days', patch: quarantined },
  auditLogForbidden: { summary: 'The bot lacks AuditLog.Read.All', patch: auditLogForbidden },
  everythingForbidden: { summary: 'The bot has no Graph permission at all', patch: everythingForbidden },
  throttledThenFine: {
    summary: 'Graph throttles once (and one audit query inside the batch), then answers',
    patch: healthy,
    faults: [
      { match: '/$batch', throttle: { retryAfterSeconds: 1 }, times: 1 },
      { on: 'batchItem', match: '/auditLogs/', throttle: { retryAfterSeconds: 1 }, times: 1 },
    ],
  },
  graphDown: {
    summary: 'Graph answers 503 to everything',
    patch: healthy,
    faults: [{ match: /^\/v1\.0\//, serverError: { status: 503 } }],
  },
  badClientSecret: { summary: "The bot's client secret was rotated in Entra", patch: badClientSecret },
} satisfies Record<string, ScenarioSpec>;

export type ScenarioName = keyof typeof SPECS;

export const SCENARIO_NAMES = Object.keys(SPECS) as ScenarioName[];

export const SCENARIOS: Record<ScenarioName, Scenario> = Object.fromEntries(
  SCENARIO_NAMES.map((name) => {
    const spec: ScenarioSpec = SPECS[name];
    const scenario: Scenario = {
      name,
      summary: spec.summary,
      faults: spec.faults ?? [],
      tenant(now = new Date()) {
        const tenant = baseHealthyTenant({ now, tenantId: guidFrom(`tenant:${name}`), displayName: `Contoso (${name})` });
        spec.patch(tenant, now);
        return tenant;
      },
    };
    return [name, scenario];
  }),
) as Record<ScenarioName, Scenario>;
