/** The admin actions local mode replays (restore, admin consent) change what Graph then reports. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Fetched } from '../../src/checks/snapshot.js';
import { collectTenantSnapshot } from '../../src/graph/index.js';
import { INTEGRATION_APP_ID, SCENARIOS, SCENARIO_NAMES, integrationSpId } from '../../src/local/standins/entra/index.js';
import { type ScenarioStandin, connectTo, startScenarioStandin } from '../fakes/entra/harness.js';

let env: ScenarioStandin;

beforeAll(async () => {
  env = await startScenarioStandin(['integrationAppRemoved', 'integrationAppRemovedLongAgo', 'consentPartlyMissing']);
});

afterAll(async () => {
  await env.standin.stop();
});

function ok<T>(piece: Fetched<T>): T {
  if (piece.status !== 'ok') throw new Error(`expected ok, got ${JSON.stringify(piece)}`);
  return piece.value;
}

const diagnose = (tenantId: string) => collectTenantSnapshot(connectTo(env.standin, tenantId), tenantId, { now: new Date() });

describe('stand-in admin actions', () => {
  it('restoring the deleted Integration app brings it back with its consent and ownership', async () => {
    const tenantId = env.tenants.integrationAppRemoved.tenantId;
    const restored = env.standin.restoreDeleted(integrationSpId(tenantId));
    expect(restored?.id).toBe(integrationSpId(tenantId));
    const s = await diagnose(tenantId);
    expect(ok(s.integrationApp)?.id).toBe(integrationSpId(tenantId));
    expect(ok(s.appRoleAssignments)).toHaveLength(7);
    expect(ok(s.delegatedGrants)[0]?.scope).toBe('User.Read');
    expect(ok(s.provisioningApps)[0]?.ownedByIntegrationApp).toBe(true);
    expect(ok(s.deletedIntegrationApps)).toEqual([]);
    expect(ok(s.audits).records.map((r) => r.activityDisplayName)).toContain('Restore service principal');
  });

  it('cannot restore what Entra purged after 30 days', () => {
    const tenantId = env.tenants.integrationAppRemovedLongAgo.tenantId;
    expect(env.standin.restoreDeleted(integrationSpId(tenantId))).toBeUndefined();
  });

  it('the admin-consent link recreates the Integration app, grants it and redirects like Entra', async () => {
    const tenantId = env.tenants.integrationAppRemovedLongAgo.tenantId;
    const link = `${env.standin.url}/${tenantId}/adminconsent?client_id=${INTEGRATION_APP_ID}&redirect_uri=${encodeURIComponent('https://bot.example/consented')}&state=s1`;
    const response = await fetch(link, { redirect: 'manual' });
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get('location') ?? '');
    expect(Object.fromEntries(location.searchParams)).toEqual({ admin_consent: 'True', tenant: tenantId, state: 's1' });
    const s = await diagnose(tenantId);
    const integration = ok(s.integrationApp);
    expect(integration?.id).not.toBe(integrationSpId(tenantId));
    expect(ok(s.appRoleAssignments)).toHaveLength(7);
    expect(ok(s.delegatedGrants)).toEqual([expect.objectContaining({ consentType: 'AllPrincipals', scope: 'User.Read' })]);
    const activities = ok(s.audits).records.map((r) => r.activityDisplayName);
    expect(activities).toEqual(expect.arrayContaining(['Add service principal', 'Consent to application']));
  });

  it('admin consent restores revoked app roles without duplicating the others', async () => {
    const tenantId = env.tenants.consentPartlyMissing.tenantId;
    env.standin.applyAdminConsent(tenantId);
    const s = await diagnose(tenantId);
    expect(new Set(ok(s.appRoleAssignments).map((a) => a.appRoleId)).size).toBe(7);
    expect(ok(s.appRoleAssignments)).toHaveLength(7);
  });
});

describe('scenarios', () => {
  it('each has its own tenant and rebuilds with the same ids', () => {
    const now = new Date('2025-06-01T12:00:00Z');
    const ids = SCENARIO_NAMES.map((name) => SCENARIOS[name].tenant(now).tenantId);
    expect(new Set(ids).size).toBe(SCENARIO_NAMES.length);
    expect(SCENARIOS.disabled.tenant(now)).toEqual(SCENARIOS.disabled.tenant(now));
  });
});
