import { describe, expect, it } from 'vitest';
import { INTEGRATION_APP_ID } from '../../src/checks/constants.js';
import type { ProvisioningAppPresentDetails } from '../../src/checks/provisioning-app-present.js';
import type { ProvisioningAppRecord, ServicePrincipalRecord, TenantSnapshot } from '../../src/checks/snapshot.js';
import { baseSnapshot, ok, PROVISIONING_SP_ID, SYNC_JOB_ID } from '../fixtures/tenant/base.js';
import { failing, forbidden, patch, scenarios } from '../fixtures/tenant/scenarios.js';
import { finding } from './support.js';

function integration(s: TenantSnapshot): ServicePrincipalRecord {
  if (s.integrationApp.status !== 'ok' || s.integrationApp.value === null) throw new Error('base has the app');
  return s.integrationApp.value;
}

function provisioning(s: TenantSnapshot): ProvisioningAppRecord {
  if (s.provisioningApps.status !== 'ok' || s.provisioningApps.value[0] === undefined) throw new Error('base has it');
  return s.provisioningApps.value[0];
}

function withJobCode(code: string): TenantSnapshot {
  return patch({ synchronizationJobs: ok({ [PROVISIONING_SP_ID]: [{ id: SYNC_JOB_ID, status: { code } }] }) });
}

describe('integration-app-present', () => {
  it('matches on appId only: a record with another appId is not the Integration app, whatever its name', () => {
    const s = baseSnapshot();
    const f = finding(patch({ integrationApp: ok({ ...integration(s), appId: '11111111-2222-4333-8444-555555555555' }) }, s), 'integration-app-present');
    expect(f.outcome).toBe('fail');
  });

  it('accepts the "Synchronization" display name', () => {
    const s = baseSnapshot();
    const f = finding(patch({ integrationApp: ok({ ...integration(s), displayName: 'Cisco Webex Identity Synchronization' }) }, s), 'integration-app-present');
    expect(f.outcome).toBe('pass');
    expect(f.facts.map((x) => x.value.params?.text)).toContain(INTEGRATION_APP_ID);
  });
});

describe('integration-app-enabled', () => {
  it('never passes when Graph did not report disabledByMicrosoftStatus', () => {
    const s = baseSnapshot();
    const { disabledByMicrosoftStatus: _omitted, ...withoutStatus } = integration(s);
    const f = finding(patch({ integrationApp: ok(withoutStatus) }, s), 'integration-app-enabled');
    expect(f.outcome).toBe('unknown');
    expect(f.unknown?.kind).toBe('error');
  });

  it('"NotDisabled" is not disabled', () => {
    const s = baseSnapshot();
    const f = finding(patch({ integrationApp: ok({ ...integration(s), disabledByMicrosoftStatus: 'NotDisabled' }) }, s), 'integration-app-enabled');
    expect(f.outcome).toBe('pass');
  });
});

describe('provisioning-app-present', () => {
  it('prefers the candidate the Integration app owns', () => {
    const s = baseSnapshot();
    const owned = provisioning(s);
    const stray: ProvisioningAppRecord = { ...owned, id: '0a0a0a0a-0b0b-4c0c-8d0d-0e0e0e0e0e0e', ownedByIntegrationApp: false };
    const f = finding(patch({ provisioningApps: ok([stray, owned]) }, s), 'provisioning-app-present');
    expect(f.outcome).toBe('pass');
    expect(f.details as ProvisioningAppPresentDetails).toMatchObject({ servicePrincipalId: owned.id, candidates: 2 });
  });

  it('one the Integration app does not own cannot be managed by Control Hub: fail, and the job check is moot', () => {
    const s = baseSnapshot();
    const s2 = patch({ provisioningApps: ok([{ ...provisioning(s), ownedByIntegrationApp: false }]) }, s);
    expect(finding(s2, 'provisioning-app-present').summary.key).toBe('check.provisioning-app-present.fail-not-owned');
    expect(finding(s2, 'provisioning-job-healthy').unknown).toEqual({ kind: 'prerequisite', dependsOn: 'provisioning-app-present' });
  });
});

describe('provisioning-job-healthy', () => {
  it('NotRun passes (created, waiting for its first cycle)', () => {
    expect(finding(withJobCode('NotRun'), 'provisioning-job-healthy').outcome).toBe('pass');
  });

  it('NotConfigured fails', () => {
    expect(finding(withJobCode('NotConfigured'), 'provisioning-job-healthy').summary.key).toBe('check.provisioning-job-healthy.fail-not-configured');
  });

  it('a status code it does not know is unknown, never pass', () => {
    expect(finding(withJobCode('Reticulating'), 'provisioning-job-healthy').outcome).toBe('unknown');
  });

  it('no job at all means provisioning was never configured', () => {
    const f = finding(patch({ synchronizationJobs: ok({ [PROVISIONING_SP_ID]: [] }) }), 'provisioning-job-healthy');
    expect(f.summary.key).toBe('check.provisioning-job-healthy.fail-not-configured');
  });

  it('jobs not collected for the chosen app: unknown', () => {
    expect(finding(patch({ synchronizationJobs: ok({}) }), 'provisioning-job-healthy').outcome).toBe('unknown');
  });

  it('Synchronization.Read.All missing: unknown naming it', () => {
    const f = finding(patch({ synchronizationJobs: forbidden('Synchronization.Read.All') }), 'provisioning-job-healthy');
    expect(f.summary.params).toEqual({ permission: 'Synchronization.Read.All' });
  });
});

describe('integration-app-restorable', () => {
  it('when the Integration app cannot be read, whether a restore is needed is unknown', () => {
    const f = finding(patch({ integrationApp: failing('timeout') }), 'integration-app-restorable');
    expect(f.outcome).toBe('unknown');
    expect(f.unknown).toMatchObject({ kind: 'timeout', dependsOn: 'integration-app-present' });
  });

  it('when the app is gone and deleted items cannot be read: unknown, never "not restorable"', () => {
    const f = finding(patch({ deletedIntegrationApps: forbidden('Application.Read.All') }, scenarios.removedLongAgo()), 'integration-app-restorable');
    expect(f.outcome).toBe('unknown');
  });

  it('a skipped piece is reported as not collected, not as fine', () => {
    const f = finding(patch({ deletedIntegrationApps: { status: 'skipped', because: 'round 1 failed' } }, scenarios.removedLongAgo()), 'integration-app-restorable');
    expect(f.outcome).toBe('unknown');
    expect(f.summary).toEqual({ key: 'check.unknown.error', params: { detail: 'not collected: round 1 failed' } });
  });
});
