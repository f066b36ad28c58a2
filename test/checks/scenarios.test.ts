import { describe, expect, it } from 'vitest';
import type { IntegrationAppRestorableDetails } from '../../src/checks/integration-app-restorable.js';
import type { NoRecentRemovalsDetails } from '../../src/checks/no-recent-removals.js';
import type { ProvisioningJobDetails } from '../../src/checks/provisioning-job-healthy.js';
import type { TenantSnapshot } from '../../src/checks/snapshot.js';
import type { Outcome } from '../../src/checks/types.js';
import { ADMIN_UPN, AUDIT_FROM, COLLECTED_AT, INTEGRATION_SP_ID, SYNC_JOB_ID } from '../fixtures/tenant/base.js';
import { REMOVED_AT, RESTORABLE_UNTIL, scenarios } from '../fixtures/tenant/scenarios.js';
import { CHECK_IDS, finding, findingsById, outcomes } from './support.js';

// Order: present, enabled, consent, provisioning present, provisioning job, removals, restorable.
const P = 'pass';
const F = 'fail';
const U = 'unknown';
const TABLE: [string, () => TenantSnapshot, Outcome[]][] = [
  ['healthy', scenarios.healthy, [P, P, P, P, P, P, P]],
  ['removed, restorable', scenarios.removedRestorable, [F, U, U, P, P, F, P]],
  ['removed long ago', scenarios.removedLongAgo, [F, U, U, P, P, P, F]],
  ['removed, restore window over', scenarios.removedPastWindow, [F, U, U, P, P, P, F]],
  ['disabled', scenarios.disabled, [P, F, P, P, P, F, P]],
  ['disabled by Microsoft', scenarios.disabledByMicrosoft, [P, F, P, P, P, P, P]],
  ['consent partly missing', scenarios.consentPartlyMissing, [P, P, F, P, P, F, P]],
  ['consent mostly delegated', scenarios.consentMostlyDelegated, [P, P, P, P, P, P, P]],
  ['provisioning app missing', scenarios.provisioningMissing, [P, P, P, F, U, P, P]],
  ['quarantined', () => scenarios.quarantined(), [P, P, P, P, F, P, P]],
  ['paused', scenarios.paused, [P, P, P, P, F, P, P]],
  ['audit forbidden', () => scenarios.auditForbidden(), [P, P, P, P, P, U, P]],
  ['everything forbidden', scenarios.everythingForbidden, [U, U, U, U, U, U, U]],
  ['throttled', scenarios.throttled, [U, U, U, U, U, U, U]],
  ['bot token fails', () => scenarios.botTokenFails(), [U, U, U, U, U, U, U]],
];

describe('every check over every scenario', () => {
  it.each(TABLE)('%s', (_name, make, expected) => {
    expect(CHECK_IDS).toHaveLength(expected.length);
    expect(outcomes(make())).toEqual(expected);
  });
});

describe('what the findings say', () => {
  it('a removed app: the restore deadline is 30 days after deletion, judged against collectedAt', () => {
    const f = finding(scenarios.removedRestorable(), 'integration-app-restorable');
    const d = f.details as IntegrationAppRestorableDetails;
    expect(d).toMatchObject({ needed: true, restorable: true, deletedObjectId: INTEGRATION_SP_ID, restorableUntil: RESTORABLE_UNTIL });
    expect(f.summary.key).toBe('check.integration-app-restorable.restorable');
  });

  it('a removed app: the audit check names who removed it and when, and the window searched', () => {
    const f = finding(scenarios.removedRestorable(), 'no-recent-removals');
    const d = f.details as NoRecentRemovalsDetails;
    expect(d).toMatchObject({ from: AUDIT_FROM, to: COLLECTED_AT, days: 30 });
    expect(d.open).toEqual([
      expect.objectContaining({ kind: 'sp-removed', by: ADMIN_UPN, at: REMOVED_AT, app: 'integration', matchedBy: 'id' }),
    ]);
  });

  it('checks moot after a failure say which one failed', () => {
    const f = finding(scenarios.removedLongAgo(), 'integration-consent-complete');
    expect(f.unknown).toEqual({ kind: 'prerequisite', dependsOn: 'integration-app-present' });
    expect(f.summary.key).toBe('check.unknown.prerequisite.integration-app-present');
  });

  it('an unreadable piece names the exact Graph permission', () => {
    const f = finding(scenarios.auditForbidden(), 'no-recent-removals');
    expect(f.unknown?.kind).toBe('permission');
    expect(f.unknown?.problem?.missingPermission).toBe('AuditLog.Read.All');
    expect(f.summary).toEqual({ key: 'check.unknown.permission', params: { permission: 'AuditLog.Read.All' } });
  });

  it('a check after an unreadable one inherits its reason, not "an earlier check"', () => {
    const f = finding(scenarios.everythingForbidden(), 'integration-app-enabled');
    expect(f.unknown).toMatchObject({ kind: 'permission', dependsOn: 'integration-app-present' });
    expect(f.summary.params).toEqual({ permission: 'Application.Read.All' });
  });

  it('the bot token failure carries its AADSTS code into every finding', () => {
    for (const f of Object.values(findingsById(scenarios.botTokenFails('7000222')))) {
      expect(f.summary).toEqual({ key: 'check.unknown.auth', params: { code: '7000222' } });
    }
  });

  it('quarantine: since when, the reason, and when Entra disables the job', () => {
    const d = finding(scenarios.quarantined(3), 'provisioning-job-healthy').details as ProvisioningJobDetails;
    expect(d).toMatchObject({
      jobId: SYNC_JOB_ID,
      problem: 'quarantine',
      reason: 'EncounteredQuarantineException',
      since: '2023-05-19T09:00:00.000Z',
      daysInQuarantine: 3,
      disabledByQuarantine: false,
      disablesOn: '2023-06-16T09:00:00.000Z',
    });
  });

  it('quarantine over four weeks: the job is disabled', () => {
    const f = finding(scenarios.quarantined(35), 'provisioning-job-healthy');
    expect(f.summary.key).toBe('check.provisioning-job-healthy.fail-quarantine-disabled');
    expect((f.details as ProvisioningJobDetails).disabledByQuarantine).toBe(true);
  });

  it('disabled by an admin and by Microsoft are told apart', () => {
    expect(finding(scenarios.disabled(), 'integration-app-enabled').summary.key).toBe('check.integration-app-enabled.fail-admin');
    expect(finding(scenarios.disabledByMicrosoft(), 'integration-app-enabled').summary).toEqual({
      key: 'check.integration-app-enabled.fail-microsoft',
      params: { status: 'DisabledDueToViolationOfServicesAgreement' },
    });
  });

  it('the disabling admin is found in the audit log', () => {
    const d = finding(scenarios.disabled(), 'no-recent-removals').details as NoRecentRemovalsDetails;
    expect(d.open).toEqual([expect.objectContaining({ kind: 'disabled', by: ADMIN_UPN })]);
  });
});
