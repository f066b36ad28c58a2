/**
 * Every kind of diagnosis the code can produce, so the strings test can check that each key it emits exists in every
 * language (and that no string is dead). Each case is a small patch of the healthy base.
 */
import { CHECKS } from '../../src/checks/index.js';
import type { DirectoryAuditRecord, ProvisioningAppRecord, TenantSnapshot } from '../../src/checks/snapshot.js';
import { AADSTS_CATALOG } from '../../src/diagnosis/aadsts.js';
import type { Diagnosis } from '../../src/diagnosis/types.js';
import type { MessageRef } from '../../src/i18n/message.js';
import { ADMIN_UPN, baseSnapshot, INTEGRATION_SP_ID, ok, PROVISIONING_SP_ID, SYNC_JOB_ID } from '../fixtures/tenant/base.js';
import { aadstsEvidence, emptyEvidence, frenchSeed, japaneseSeed, wizardNotSetUpEvidence } from '../fixtures/tenant/evidence.js';
import { failing, forbidden, patch, scenarios, unavailable } from '../fixtures/tenant/scenarios.js';
import { diagnosePaste, diagnoseTenant } from './support.js';

function withRecords(s: TenantSnapshot, ...records: DirectoryAuditRecord[]): TenantSnapshot {
  if (s.audits.status !== 'ok') return s;
  return patch({ audits: ok({ ...s.audits.value, records: [...records, ...s.audits.value.records] }) }, s);
}

function audit(activity: string, targets: DirectoryAuditRecord['targetResources'], by: string | undefined, at = '2023-05-20T10:00:00.000Z'): DirectoryAuditRecord {
  return {
    id: `corpus-${activity}-${by ?? 'nobody'}`,
    activityDisplayName: activity,
    activityDateTime: at,
    result: 'success',
    initiatedBy: by === undefined ? {} : { user: { userPrincipalName: by } },
    targetResources: targets,
  };
}

function provisioningOwnedBy(owned: boolean | 'unknown', extra: ProvisioningAppRecord[] = []): TenantSnapshot {
  const s = baseSnapshot();
  const apps = s.provisioningApps.status === 'ok' ? s.provisioningApps.value : [];
  return patch({ provisioningApps: ok([...apps.map((a) => ({ ...a, ownedByIntegrationApp: owned })), ...extra]) }, s);
}

function tenantCases(): TenantSnapshot[] {
  const base = baseSnapshot();
  const app = base.integrationApp.status === 'ok' && base.integrationApp.value !== null ? base.integrationApp.value : undefined;
  const { disabledByMicrosoftStatus: _notReported, ...appWithoutStatus } = app ?? { id: '', appId: '', displayName: '', accountEnabled: true };
  const byName = { id: 'ffffffff-eeee-4ddd-8ccc-bbbbbbbbbbbb', displayName: 'Cisco Webex Identity Integration' };
  return [
    scenarios.healthy(),
    scenarios.removedRestorable(),
    scenarios.removedLongAgo(),
    scenarios.removedPastWindow(),
    scenarios.disabled(),
    scenarios.disabledByMicrosoft(),
    scenarios.consentPartlyMissing(),
    scenarios.consentMostlyDelegated(),
    scenarios.provisioningMissing(),
    scenarios.quarantined(3),
    scenarios.quarantined(35),
    scenarios.paused(),
    scenarios.auditForbidden(),
    scenarios.auditForbidden(scenarios.removedRestorable()),
    scenarios.everythingForbidden(),
    scenarios.throttled(),
    ...AADSTS_CATALOG.map((e) => scenarios.botTokenFails(e.code)),
    scenarios.botTokenFails('9999999'),
    patch({ integrationApp: failing('auth') }),
    patch({ integrationApp: failing('timeout'), provisioningApps: failing('unreachable') }),
    patch({ synchronizationJobs: failing('error', { status: 500 }) }),
    patch({ audits: unavailable({ kind: 'permission', detail: 'denied' }) }),
    patch({ synchronizationJobs: forbidden('Policy.Read.All') }),
    patch({ integrationApp: ok(appWithoutStatus) }),
    patch({ audits: ok({ from: '2023-05-15T09:00:00.000Z', to: '2023-05-22T09:00:00.000Z', records: [] }) }),
    patch({ synchronizationJobs: ok({ [PROVISIONING_SP_ID]: [] }) }),
    patch({ synchronizationJobs: ok({ [PROVISIONING_SP_ID]: [{ id: SYNC_JOB_ID, status: { code: 'Quarantine', quarantine: { reason: 'EncounteredQuarantineException' } } }] }) }),
    provisioningOwnedBy(false),
    provisioningOwnedBy(true, [{ id: 'c0c0c0c0-0000-4000-8000-000000000001', appId: 'a', displayName: 'Cisco Webex Identity', accountEnabled: true, ownedByIntegrationApp: false }]),
    withRecords(scenarios.removedLongAgo(), audit('Hard delete service principal', [byName], ADMIN_UPN)),
    withRecords(scenarios.consentPartlyMissing(), audit('Revoke consent', [{ id: INTEGRATION_SP_ID }], ADMIN_UPN), audit('Revoke consent', [{ id: INTEGRATION_SP_ID }], undefined)),
    withRecords(scenarios.removedRestorable(), audit('Consent to application', [byName], ADMIN_UPN, '2023-05-22T08:00:00.000Z')),
  ];
}

function pasteCases(): Diagnosis[] {
  return [
    diagnosePaste(japaneseSeed()),
    diagnosePaste(frenchSeed()),
    diagnosePaste(emptyEvidence()),
    diagnosePaste(wizardNotSetUpEvidence()),
    ...AADSTS_CATALOG.map((e) => diagnosePaste(aadstsEvidence(e.code))),
    diagnosePaste(aadstsEvidence('9999999')),
  ];
}

/** Every diagnosis in the corpus: each tenant case with a clear paste and with none, and the pastes alone. */
export function corpus(): Diagnosis[] {
  const withTenant = tenantCases().flatMap((s) => [diagnoseTenant(s), diagnoseTenant(s, japaneseSeed())]);
  return [...withTenant, ...pasteCases()];
}

function isMessageRef(value: object): value is MessageRef {
  const keys = Object.keys(value);
  return typeof (value as { key?: unknown }).key === 'string' && keys.every((k) => k === 'key' || k === 'params');
}

/** Every MessageRef anywhere inside a value (findings, causes, fix, confirm, blind spots, AADSTS explanations). */
export function messageRefs(value: unknown, into: MessageRef[] = []): MessageRef[] {
  if (Array.isArray(value)) {
    for (const item of value) messageRefs(item, into);
  } else if (typeof value === 'object' && value !== null) {
    if (isMessageRef(value)) into.push(value);
    else for (const item of Object.values(value)) messageRefs(item, into);
  }
  return into;
}

/** The check titles, shown by the renderer from CHECKS. */
export function checkTitles(): MessageRef[] {
  return CHECKS.map((c) => c.meta.title);
}
