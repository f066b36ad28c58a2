import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalWebexId, decide, policyProblems, tenantMapping } from '../../src/access/index.js';
import type { AccessPolicy, Asker } from '../../src/access/index.js';
import { hydraId } from './ids.js';

const botOrgUuid = randomUUID();
const botOrg = hydraId('ORGANIZATION', botOrgUuid);
const outsiderOrg = hydraId('ORGANIZATION');
const tenantA = randomUUID();

function person(orgId: string, emails: string[] = []): Asker {
  return { personId: hydraId('PEOPLE'), orgId, emails };
}

const ownOrgPolicy: AccessPolicy = { botOrgId: botOrg, tenants: [{ webexOrgId: botOrg, entraTenantId: tenantA }] };

describe('decide: orgs', () => {
  it('refuses a person from an org that is not allowed, whatever tenant they name', () => {
    const stranger = person(outsiderOrg);
    expect(decide(ownOrgPolicy, stranger, { kind: 'diagnose' })).toEqual({ allowed: false, reason: 'org-not-allowed' });
    expect(decide(ownOrgPolicy, stranger, { kind: 'reverify', tenantId: tenantA })).toEqual({
      allowed: false,
      reason: 'org-not-allowed',
    });
  });

  it("allows the bot's own org by default and answers with its tenant", () => {
    expect(decide(ownOrgPolicy, person(botOrg), { kind: 'history' })).toEqual({
      allowed: true,
      tenantId: tenantA,
      canSeeAudit: true,
    });
  });

  it('matches an org configured as the bare UUID Control Hub shows against the base64 id the API reports', () => {
    const policy: AccessPolicy = { botOrgId: botOrgUuid.toUpperCase(), tenants: [{ webexOrgId: botOrgUuid, entraTenantId: tenantA }] };
    expect(decide(policy, person(botOrg), { kind: 'diagnose' })).toMatchObject({ allowed: true, tenantId: tenantA });
    expect(canonicalWebexId(botOrg)).toBe(botOrgUuid);
  });

  it('refuses an allowed org that has no tenant mapped', () => {
    const policy: AccessPolicy = { botOrgId: botOrg, tenants: [] };
    expect(decide(policy, person(botOrg), { kind: 'diagnose' })).toEqual({ allowed: false, reason: 'no-tenant-for-org' });
  });
});

describe('decide: a partner bot serving several customers', () => {
  const orgA = hydraId('ORGANIZATION');
  const orgB = hydraId('ORGANIZATION');
  const tenantB = randomUUID();
  const partner: AccessPolicy = {
    botOrgId: botOrg,
    allowedOrgIds: [orgA, orgB],
    tenants: [
      { webexOrgId: orgA, entraTenantId: tenantA, credentialsRef: 'customer-a' },
      { webexOrgId: orgB, entraTenantId: tenantB, credentialsRef: 'customer-b' },
    ],
  };

  it('gives each org its own tenant only', () => {
    expect(decide(partner, person(orgA), { kind: 'diagnose' })).toMatchObject({ allowed: true, tenantId: tenantA });
    expect(decide(partner, person(orgB), { kind: 'diagnose' })).toMatchObject({ allowed: true, tenantId: tenantB });
  });

  it("refuses a re-verify from org A that names org B's tenant", () => {
    expect(decide(partner, person(orgA), { kind: 'reverify', tenantId: tenantB })).toEqual({
      allowed: false,
      reason: 'tenant-mismatch',
    });
  });

  it('accepts a re-verify naming its own tenant in another letter case', () => {
    expect(decide(partner, person(orgA), { kind: 'reverify', tenantId: tenantA.toUpperCase() })).toMatchObject({
      allowed: true,
      tenantId: tenantA,
    });
  });

  it("refuses the partner's own org once allowedOrgIds replaces the default", () => {
    expect(decide(partner, person(botOrg), { kind: 'diagnose' })).toEqual({ allowed: false, reason: 'org-not-allowed' });
  });

  it('finds the credentials reference of a tenant', () => {
    expect(tenantMapping(partner, tenantB.toUpperCase())?.credentialsRef).toBe('customer-b');
    expect(tenantMapping(partner, randomUUID())).toBeUndefined();
  });

  it('never allows an org outside the list, nor hands out a tenant other than the asker org’s own', () => {
    const orgs = [orgA, orgB, botOrg, outsiderOrg];
    const tenants = [tenantA, tenantB, randomUUID()];
    fc.assert(
      fc.property(fc.constantFrom(...orgs), fc.option(fc.constantFrom(...tenants), { nil: undefined }), (orgId, asked) => {
        const decision = decide(partner, person(orgId), { kind: 'export', tenantId: asked });
        if (!decision.allowed) return;
        expect([orgA, orgB]).toContain(orgId);
        expect(decision.tenantId).toBe(orgId === orgA ? tenantA : tenantB);
      }),
    );
  });
});

describe('decide: people', () => {
  it('admits only listed personIds when a person allow-list is set', () => {
    const admin = person(botOrg);
    const policy: AccessPolicy = { ...ownOrgPolicy, allowedPersonIds: [admin.personId] };
    expect(decide(policy, admin, { kind: 'diagnose' }).allowed).toBe(true);
    expect(decide(policy, person(botOrg), { kind: 'diagnose' })).toEqual({ allowed: false, reason: 'person-not-allowed' });
  });

  it('matches allowed emails against the emails of the people lookup, ignoring letter case', () => {
    const policy: AccessPolicy = { ...ownOrgPolicy, allowedEmails: ['Admin@Contoso.com'] };
    expect(decide(policy, person(botOrg, ['admin@contoso.COM']), { kind: 'diagnose' }).allowed).toBe(true);
    // Someone typing "I am admin@contoso.com" gets nothing: only what Webex reports for their personId counts.
    expect(decide(policy, person(botOrg, ['mallory@contoso.com']), { kind: 'diagnose' })).toEqual({
      allowed: false,
      reason: 'person-not-allowed',
    });
    expect(decide(policy, person(botOrg, []), { kind: 'diagnose' }).allowed).toBe(false);
  });

  it('still requires an allowed org for a listed email', () => {
    const policy: AccessPolicy = { ...ownOrgPolicy, allowedEmails: ['admin@contoso.com'] };
    expect(decide(policy, person(outsiderOrg, ['admin@contoso.com']), { kind: 'diagnose' })).toEqual({
      allowed: false,
      reason: 'org-not-allowed',
    });
  });

  it('lets only audit viewers see audit details when the list is set', () => {
    const viewer = person(botOrg);
    const policy: AccessPolicy = { ...ownOrgPolicy, auditViewers: [viewer.personId] };
    expect(decide(policy, viewer, { kind: 'diagnose' })).toMatchObject({ allowed: true, canSeeAudit: true });
    expect(decide(policy, person(botOrg), { kind: 'diagnose' })).toMatchObject({ allowed: true, canSeeAudit: false });
  });
});

describe('policyProblems', () => {
  it('accepts a sound policy', () => {
    expect(policyProblems(ownOrgPolicy)).toEqual([]);
  });

  it('reports an org mapped to two tenants, an empty bot org and an empty org list', () => {
    const problems = policyProblems({
      botOrgId: ' ',
      allowedOrgIds: [],
      tenants: [
        { webexOrgId: botOrg, entraTenantId: tenantA },
        { webexOrgId: botOrgUuid, entraTenantId: randomUUID() },
      ],
    });
    expect(problems).toHaveLength(3);
    expect(problems.join('\n')).toMatch(/two Entra tenants/);
  });
});
