/**
 * The whole road over real HTTPS on 127.0.0.1: the Entra/Graph stand-in's scenarios, collected by the production
 * collector, judged by the checks, diagnosed. It proves the checks read what the collector really produces.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runChecks } from '../../src/checks/index.js';
import { diagnose } from '../../src/diagnosis/diagnose.js';
import type { Diagnosis } from '../../src/diagnosis/types.js';
import { collectTenantSnapshot } from '../../src/graph/index.js';
import type { ScenarioName } from '../../src/local/standins/entra/index.js';
import { connectTo, startScenarioStandin } from '../fakes/entra/harness.js';
import type { ScenarioStandin } from '../fakes/entra/harness.js';
import { japaneseSeed } from '../fixtures/tenant/evidence.js';

const NAMES: ScenarioName[] = [
  'healthy',
  'integrationAppRemoved',
  'integrationAppRemovedLongAgo',
  'disabled',
  'consentPartlyMissing',
  'provisioningAppMissing',
  'quarantined',
  'auditLogForbidden',
  'everythingForbidden',
  'badClientSecret',
];

let env: ScenarioStandin;
const results = new Map<ScenarioName, Diagnosis>();

beforeAll(async () => {
  env = await startScenarioStandin(NAMES);
  for (const name of NAMES) {
    const tenantId = env.tenants[name].tenantId;
    const snapshot = await collectTenantSnapshot(connectTo(env.standin, tenantId), tenantId, { now: env.now });
    const findings = runChecks(snapshot);
    results.set(name, diagnose({ evidence: japaneseSeed(), findings, snapshot, tenantId, loginHost: 'https://login.microsoftonline.com', now: env.now.toISOString() }));
  }
});

afterAll(async () => {
  await env.standin.stop();
});

function result(name: ScenarioName): Diagnosis {
  const d = results.get(name);
  if (d === undefined) throw new Error(`no diagnosis for ${name}`);
  return d;
}

describe('stand-in scenarios, collected and diagnosed', () => {
  it.each([
    ['healthy', 'healthy', undefined],
    ['integrationAppRemoved', 'broken', 'integration-app-deleted'],
    ['integrationAppRemovedLongAgo', 'broken', 'integration-app-missing'],
    ['disabled', 'broken', 'integration-app-disabled'],
    ['consentPartlyMissing', 'broken', 'consent-incomplete'],
    ['provisioningAppMissing', 'broken', 'provisioning-app-missing'],
    ['quarantined', 'broken', 'provisioning-quarantined'],
    ['auditLogForbidden', 'inconclusive', undefined],
    ['everythingForbidden', 'broken', 'integration-app-missing'],
    ['badClientSecret', 'broken', 'integration-app-missing'],
  ] as const)('%s: %s, %s', (name, verdict, cause) => {
    const d = result(name);
    expect(d.verdict).toBe(verdict);
    expect(d.causes[0]?.id).toBe(cause);
  });

  it('the removed app: restore before the deadline, and the remover from the audit log', () => {
    const d = result('integrationAppRemoved');
    expect(d.fix.actions[0]?.kind).toBe('restore-deleted');
    expect(d.causes[0]?.evidence.some((e) => e.key === 'diagnosis.evidence.sp-removed' && e.params?.by === 'admin@contoso.com')).toBe(true);
  });

  it('consent partly missing: exactly the two revoked permissions', () => {
    expect(result('consentPartlyMissing').causes[0]?.evidence[0]?.params).toEqual({ count: 2, permissions: 'AuditLog.Read.All, Domain.Read.All' });
  });

  it('audit forbidden: the blind spot names AuditLog.Read.All, and the removals check is not a pass', () => {
    const d = result('auditLogForbidden');
    expect(d.blindSpots.map((b) => b.key)).toContain('diagnosis.blind.permission.AuditLog.Read.All');
    expect(d.findings.find((f) => f.checkId === 'no-recent-removals')?.outcome).toBe('unknown');
  });

  it('everything forbidden and bad secret: nothing passes, and the bot says why it is blind', () => {
    for (const name of ['everythingForbidden', 'badClientSecret'] as const) {
      const d = result(name);
      expect(d.findings.filter((f) => f.outcome === 'pass')).toEqual([]);
      expect(d.causes.map((c) => c.id)).toContain('bot-access-broken');
    }
    expect(result('badClientSecret').aadsts).toEqual([expect.objectContaining({ code: '7000215', source: 'bot-token' })]);
  });
});
