import { describe, expect, it } from 'vitest';
import type { IntegrationConsentDetails } from '../../src/checks/integration-consent-complete.js';
import { REQUIRED_PERMISSIONS } from '../../src/checks/required-permissions.js';
import type { TenantSnapshot } from '../../src/checks/snapshot.js';
import { baseSnapshot, ok } from '../fixtures/tenant/base.js';
import { forbidden, patch, scenarios } from '../fixtures/tenant/scenarios.js';
import { finding } from './support.js';

const ID = 'integration-consent-complete';

function consent(snapshot: TenantSnapshot): { outcome: string; details: IntegrationConsentDetails; summary: unknown } {
  const f = finding(snapshot, ID);
  return { outcome: f.outcome, details: f.details as IntegrationConsentDetails, summary: f.summary };
}

const allGrants = (s: TenantSnapshot) => (s.delegatedGrants.status === 'ok' ? s.delegatedGrants.value : []);

describe('integration-consent-complete', () => {
  it('names exactly the missing permissions', () => {
    const c = consent(scenarios.consentPartlyMissing());
    expect(c.outcome).toBe('fail');
    expect(c.details.missing).toEqual(['AuditLog.Read.All', 'Domain.Read.All']);
    expect(c.summary).toEqual({ key: `check.${ID}.fail`, params: { count: 2, permissions: 'AuditLog.Read.All, Domain.Read.All' } });
  });

  it('accepts both forms: one AllPrincipals grant plus app roles, or delegated scopes', () => {
    const roles = consent(scenarios.healthy()).details.granted;
    expect(roles.find((g) => g.name === 'User.Read')?.via).toBe('delegated');
    expect(roles.filter((g) => g.via === 'application')).toHaveLength(7);
    const delegated = consent(scenarios.consentMostlyDelegated());
    expect(delegated.outcome).toBe('pass');
    expect(delegated.details.granted.filter((g) => g.via === 'delegated')).toHaveLength(7);
  });

  it('a grant consented by one user only (Principal) is not tenant-wide consent', () => {
    const s = baseSnapshot();
    const c = consent(patch({ delegatedGrants: ok(allGrants(s).map((g) => ({ ...g, consentType: 'Principal' as const, principalId: 'u1' }))) }, s));
    expect(c.outcome).toBe('fail');
    expect(c.details.missing).toEqual(['User.Read']);
  });

  it("a scope granted on another API is not Graph's", () => {
    const s = baseSnapshot();
    const c = consent(patch({ delegatedGrants: ok(allGrants(s).map((g) => ({ ...g, resourceId: 'another-api-sp' }))) }, s));
    expect(c.details.missing).toEqual(['User.Read']);
  });

  it("without Graph's service principal a delegated scope cannot be confirmed: unknown, naming that piece's permission", () => {
    const f = finding(patch({ graphResource: forbidden('Application.Read.All') }), ID);
    expect(f.outcome).toBe('unknown');
    expect((f.details as IntegrationConsentDetails).unverified).toEqual(['User.Read']);
    expect(f.summary).toEqual({ key: 'check.unknown.permission', params: { permission: 'Application.Read.All' } });
  });

  it("without Graph's service principal, app role ids still identify the missing ones", () => {
    const s = scenarios.consentPartlyMissing();
    const c = consent(patch({ graphResource: forbidden('Application.Read.All') }, s));
    expect(c.outcome).toBe('fail');
    expect(c.details.missing).toEqual(['AuditLog.Read.All', 'Domain.Read.All']);
    expect(c.details.unverified).toEqual(['User.Read']);
  });

  it('Graph ids resolve through Graph\'s own SP when readable, so a role on another resource does not count', () => {
    const s = baseSnapshot();
    const roles = s.appRoleAssignments.status === 'ok' ? s.appRoleAssignments.value : [];
    const c = consent(patch({ appRoleAssignments: ok(roles.map((r) => ({ ...r, resourceId: 'not-graph' }))) }, s));
    expect(c.details.missing).toHaveLength(7);
  });

  it('unreadable app role assignments: the role-capable permissions are unverified, never granted', () => {
    const f = finding(patch({ appRoleAssignments: forbidden('Application.Read.All') }), ID);
    expect(f.outcome).toBe('unknown');
    const d = f.details as IntegrationConsentDetails;
    expect(d.granted).toEqual([{ name: 'User.Read', via: 'delegated' }]);
    expect(d.unverified).toHaveLength(REQUIRED_PERMISSIONS.length - 1);
  });

  it('unreadable delegated grants: User.Read (delegated only) is unverified and the reason is Directory.Read.All', () => {
    const f = finding(patch({ delegatedGrants: forbidden('Directory.Read.All') }), ID);
    expect(f.outcome).toBe('unknown');
    expect((f.details as IntegrationConsentDetails).unverified).toEqual(['User.Read']);
    expect(f.summary.params).toEqual({ permission: 'Directory.Read.All' });
  });

  it('a grant for another client is not this app\'s', () => {
    const s = baseSnapshot();
    const c = consent(patch({ delegatedGrants: ok(allGrants(s).map((g) => ({ ...g, clientId: 'someone-else' }))) }, s));
    expect(c.details.missing).toEqual(['User.Read']);
  });
});
