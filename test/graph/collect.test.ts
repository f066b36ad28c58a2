import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Fetched, TenantSnapshot } from '../../src/checks/snapshot.js';
import { collectTenantSnapshot } from '../../src/graph/index.js';
import {
  GRAPH_APP_ROLE_IDS,
  SCENARIOS,
  SCENARIO_NAMES,
  type ScenarioName,
  baseHealthyTenant,
  integrationSpId,
  removeIntegrationAppRoles,
} from '../../src/local/standins/entra/index.js';
import { type ScenarioStandin, connectTo, startScenarioStandin } from '../fakes/entra/harness.js';

let env: ScenarioStandin;
const snapshots = new Map<ScenarioName, TenantSnapshot>();

function ok<T>(piece: Fetched<T>): T {
  if (piece.status !== 'ok') throw new Error(`expected ok, got ${JSON.stringify(piece)}`);
  return piece.value;
}

const HOUR = 3_600_000;

beforeAll(async () => {
  env = await startScenarioStandin(SCENARIO_NAMES);
  const plain = SCENARIO_NAMES.filter((n) => !['throttledThenFine', 'graphDown', 'badClientSecret'].includes(n));
  for (const name of plain) {
    const tenantId = env.tenants[name].tenantId;
    snapshots.set(name, await collectTenantSnapshot(connectTo(env.standin, tenantId), tenantId, { now: env.now }));
  }
});

afterAll(async () => {
  await env.standin.stop();
});

const snap = (name: ScenarioName): TenantSnapshot => {
  const s = snapshots.get(name);
  if (s === undefined) throw new Error(`no snapshot for ${name}`);
  return s;
};

describe('collectTenantSnapshot over the stand-in, scenario by scenario', () => {
  it('healthy: everything read, consent complete, provisioning owned and active, no Webex audit noise', () => {
    const s = snap('healthy');
    expect(s.tenantId).toBe(env.tenants.healthy.tenantId);
    expect(s.collectedAt).toBe(env.now.toISOString());
    const integration = ok(s.integrationApp);
    expect(integration).toMatchObject({ appId: '90db942a-c1eb-4e8d-82e4-eebf64a7e2ae', accountEnabled: true });
    expect(integration?.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const graphSp = ok(s.graphResource);
    expect(graphSp?.appRoles.find((r) => r.value === 'AuditLog.Read.All')?.id).toBe(GRAPH_APP_ROLE_IDS['AuditLog.Read.All']);
    expect(graphSp?.oauth2PermissionScopes.find((p) => p.value === 'User.Read')?.id).toBe('e1fe6dd8-ba31-4d61-89e7-88639da4683d');
    expect(ok(s.delegatedGrants)).toEqual([expect.objectContaining({ consentType: 'AllPrincipals', scope: 'User.Read', resourceId: graphSp?.id })]);
    expect(ok(s.appRoleAssignments)).toHaveLength(7);
    const [provisioning] = ok(s.provisioningApps);
    expect(provisioning).toMatchObject({ displayName: 'Cisco Webex Identity', ownedByIntegrationApp: true });
    expect(ok(s.synchronizationJobs)[provisioning?.id ?? '']?.[0]?.status.code).toBe('Active');
    const audits = ok(s.audits);
    // The tenant's other apps have "Add service principal" and "Remove app role assignment" records: not ours.
    expect(audits.records).toEqual([]);
    expect(audits).toMatchObject({ from: new Date(env.now.getTime() - 30 * 24 * HOUR).toISOString(), to: env.now.toISOString() });
    expect(ok(s.deletedIntegrationApps)).toEqual([]);
  });

  it('integrationAppRemoved: gone, restorable, and the audit names who removed it', () => {
    const s = snap('integrationAppRemoved');
    expect(ok(s.integrationApp)).toBeNull();
    expect(s.delegatedGrants).toEqual({ status: 'skipped', because: expect.stringContaining('not in the tenant') });
    expect(s.appRoleAssignments.status).toBe('skipped');
    const [deleted] = ok(s.deletedIntegrationApps);
    expect(env.now.getTime() - Date.parse(deleted?.deletedDateTime ?? '')).toBe(26 * HOUR);
    const removal = ok(s.audits).records.find((r) => r.activityDisplayName === 'Remove service principal');
    expect(removal?.initiatedBy.user?.userPrincipalName).toBe('admin@contoso.com');
    expect(removal?.targetResources[0]?.id).toBe(deleted?.id);
    expect(ok(s.provisioningApps)[0]?.ownedByIntegrationApp).toBe('unknown');
  });

  it('integrationAppRemovedLongAgo: not in deleted items and no audit left', () => {
    const s = snap('integrationAppRemovedLongAgo');
    expect(ok(s.integrationApp)).toBeNull();
    expect(ok(s.deletedIntegrationApps)).toEqual([]);
    expect(ok(s.audits).records).toEqual([]);
  });

  it('disabled: present but accountEnabled false, with the update record', () => {
    const s = snap('disabled');
    expect(ok(s.integrationApp)?.accountEnabled).toBe(false);
    const update = ok(s.audits).records.find((r) => r.activityDisplayName === 'Update service principal');
    expect(update?.targetResources[0]?.modifiedProperties?.[0]).toMatchObject({ displayName: 'AccountEnabled', newValue: '[false]' });
  });

  it('consentPartlyMissing: five roles left, the two removals audited', () => {
    const s = snap('consentPartlyMissing');
    const held = ok(s.appRoleAssignments).map((a) => a.appRoleId);
    expect(held).toHaveLength(5);
    expect(held).not.toContain(GRAPH_APP_ROLE_IDS['AuditLog.Read.All']);
    expect(held).not.toContain(GRAPH_APP_ROLE_IDS['Domain.Read.All']);
    const removals = ok(s.audits).records.filter((r) => r.activityDisplayName === 'Remove app role assignment from service principal');
    expect(removals).toHaveLength(2);
  });

  it('provisioningAppMissing: no candidate, jobs skipped with the reason', () => {
    const s = snap('provisioningAppMissing');
    expect(ok(s.provisioningApps)).toEqual([]);
    expect(s.synchronizationJobs).toEqual({ status: 'skipped', because: expect.stringContaining('no provisioning app') });
  });

  it('quarantined: the job is in quarantine since three days for EncounteredQuarantineException', () => {
    const s = snap('quarantined');
    const [app] = ok(s.provisioningApps);
    const job = ok(s.synchronizationJobs)[app?.id ?? '']?.[0];
    expect(job?.status.code).toBe('Quarantine');
    expect(job?.status.quarantine?.reason).toBe('EncounteredQuarantineException');
    expect(env.now.getTime() - Date.parse(job?.status.quarantine?.currentBegan ?? '')).toBe(72 * HOUR);
  });

  it('auditLogForbidden: audits unavailable for want of AuditLog.Read.All, the rest read', () => {
    const s = snap('auditLogForbidden');
    expect(s.audits).toEqual({
      status: 'unavailable',
      problem: expect.objectContaining({
        kind: 'permission',
        missingPermission: 'AuditLog.Read.All',
        status: 403,
        graphCode: 'Authentication_MSGraphPermissionMissing',
        requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      }),
    });
    for (const piece of [s.integrationApp, s.graphResource, s.delegatedGrants, s.appRoleAssignments, s.provisioningApps, s.synchronizationJobs, s.deletedIntegrationApps]) {
      expect(piece.status).toBe('ok');
    }
  });

  it('everythingForbidden: each piece names the permission it lacks; nothing depends on round 1', () => {
    const s = snap('everythingForbidden');
    const kindOf = (p: Fetched<unknown>): unknown => (p.status === 'unavailable' ? [p.problem.kind, p.problem.missingPermission] : p.status);
    expect(kindOf(s.integrationApp)).toEqual(['permission', 'Application.Read.All']);
    expect(kindOf(s.provisioningApps)).toEqual(['permission', 'Application.Read.All']);
    expect(kindOf(s.deletedIntegrationApps)).toEqual(['permission', 'Directory.Read.All']);
    expect(kindOf(s.audits)).toEqual(['permission', 'AuditLog.Read.All']);
    expect(s.delegatedGrants.status).toBe('skipped');
    expect(s.synchronizationJobs.status).toBe('skipped');
  });

  it('an Entra ID Free tenant keeps 7 days of audits, and the window says so', async () => {
    const tenant = baseHealthyTenant({ now: env.now, tenantId: '7d7d7d7d-0000-4000-8000-000000000007', retentionDays: 7 });
    removeIntegrationAppRoles(tenant, ['Domain.Read.All'], new Date(env.now.getTime() - 10 * 24 * HOUR).toISOString());
    removeIntegrationAppRoles(tenant, ['AuditLog.Read.All'], new Date(env.now.getTime() - 3 * 24 * HOUR).toISOString());
    env.standin.addTenant(tenant);
    const s = await collectTenantSnapshot(connectTo(env.standin, tenant.tenantId), tenant.tenantId, { now: env.now });
    const audits = ok(s.audits);
    expect(audits.from).toBe(new Date(env.now.getTime() - 7 * 24 * HOUR).toISOString());
    expect(audits.records).toHaveLength(1);
    expect(audits.records[0]?.targetResources[0]?.id).toBe(integrationSpId(tenant.tenantId));
  });

  it('asks for less history when told to, and claims only 7 days when the licences cannot be read', async () => {
    const tenant = SCENARIOS.healthy.tenant(env.now);
    tenant.tenantId = '7d7d7d7d-0000-4000-8000-000000000008';
    tenant.bot.grantedPermissions = ['Application.Read.All', 'AuditLog.Read.All', 'Synchronization.Read.All'];
    env.standin.addTenant(tenant);
    const connection = connectTo(env.standin, tenant.tenantId);
    const short = ok((await collectTenantSnapshot(connection, tenant.tenantId, { now: env.now, auditDays: 2 })).audits);
    expect(short.from).toBe(new Date(env.now.getTime() - 2 * 24 * HOUR).toISOString());
    // Without Directory.Read.All the licences are unreadable: audits are read, but only 7 days of them are certain.
    const unsure = await collectTenantSnapshot(connection, tenant.tenantId, { now: env.now });
    expect(ok(unsure.audits).from).toBe(new Date(env.now.getTime() - 7 * 24 * HOUR).toISOString());
  });
});
