import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runChecks } from '../../src/checks/index.js';
import type { Fetched, TenantSnapshot } from '../../src/checks/snapshot.js';
import { diagnose } from '../../src/diagnosis/diagnose.js';
import { aadstsEvidence, emptyEvidence, japaneseSeed, wizardNotSetUpEvidence } from '../fixtures/tenant/evidence.js';
import { failing, forbidden, PIECE_PERMISSIONS, PIECES, scenarios } from '../fixtures/tenant/scenarios.js';
import type { Piece } from '../fixtures/tenant/scenarios.js';

const STATES: Record<string, () => TenantSnapshot> = {
  healthy: scenarios.healthy,
  removedRestorable: scenarios.removedRestorable,
  removedLongAgo: scenarios.removedLongAgo,
  removedPastWindow: scenarios.removedPastWindow,
  disabled: scenarios.disabled,
  consentPartlyMissing: scenarios.consentPartlyMissing,
  consentMostlyDelegated: scenarios.consentMostlyDelegated,
  provisioningMissing: scenarios.provisioningMissing,
  quarantined: () => scenarios.quarantined(),
  paused: scenarios.paused,
};

const EVIDENCE = [japaneseSeed, emptyEvidence, wizardNotSetUpEvidence, () => aadstsEvidence('65001'), () => aadstsEvidence('50105')];

function failure(piece: Piece, kind: number): Fetched<never> {
  switch (kind) {
    case 0:
      return forbidden(PIECE_PERMISSIONS[piece]);
    case 1:
      return failing('throttled', { status: 429 });
    case 2:
      return failing('timeout');
    case 3:
      return failing('unreachable', { status: 503 });
    case 4:
      return failing('auth', { aadstsCode: '7000215' });
    case 5:
      return failing('error', { status: 500 });
    default:
      return { status: 'skipped', because: 'not asked' };
  }
}

/** The pieces a check must have read to pass; the restore check needs deleted items only when the app is gone. */
function neededForPass(checkId: string, snapshot: TenantSnapshot): Piece[] {
  switch (checkId) {
    case 'integration-app-present':
    case 'integration-app-enabled':
      return ['integrationApp'];
    case 'integration-consent-complete':
      return ['integrationApp', 'graphResource', 'delegatedGrants', 'appRoleAssignments'];
    case 'provisioning-app-present':
      return ['provisioningApps'];
    case 'provisioning-job-healthy':
      return ['provisioningApps', 'synchronizationJobs'];
    case 'no-recent-removals':
      return ['audits'];
    case 'integration-app-restorable':
      return snapshot.integrationApp.status === 'ok' && snapshot.integrationApp.value === null
        ? ['integrationApp', 'deletedIntegrationApps']
        : ['integrationApp'];
    default:
      throw new Error(`unknown check ${checkId}`);
  }
}

const arbitrarySnapshot = fc
  .record({
    state: fc.constantFrom(...Object.keys(STATES)),
    broken: fc.subarray(PIECES),
    kinds: fc.array(fc.integer({ min: 0, max: 6 }), { minLength: PIECES.length, maxLength: PIECES.length }),
  })
  .map(({ state, broken, kinds }) => {
    const snapshot = (STATES[state] as () => TenantSnapshot)();
    const patched: TenantSnapshot = { ...snapshot };
    broken.forEach((piece) => {
      (patched as unknown as Record<Piece, Fetched<unknown>>)[piece] = failure(piece, kinds[PIECES.indexOf(piece)] ?? 0);
    });
    return patched;
  });

describe('never a false "healthy"', () => {
  it('no finding passes on a piece of data that could not be read', () => {
    fc.assert(
      fc.property(arbitrarySnapshot, (snapshot) => {
        for (const f of runChecks(snapshot)) {
          if (f.outcome !== 'pass') continue;
          for (const piece of neededForPass(f.checkId, snapshot)) expect([f.checkId, snapshot[piece].status]).toEqual([f.checkId, 'ok']);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('the verdict is healthy only when every finding passes', () => {
    fc.assert(
      fc.property(arbitrarySnapshot, fc.integer({ min: 0, max: EVIDENCE.length - 1 }), (snapshot, e) => {
        const findings = runChecks(snapshot);
        const evidence = (EVIDENCE[e] as () => ReturnType<typeof emptyEvidence>)();
        const d = diagnose({ evidence, findings, snapshot, loginHost: 'https://login.microsoftonline.com', now: snapshot.collectedAt });
        if (d.verdict === 'healthy') {
          expect(findings.every((f) => f.outcome === 'pass')).toBe(true);
          expect(d.causes).toEqual([]);
        }
        if (findings.some((f) => f.outcome === 'unknown')) expect(d.verdict).not.toBe('healthy');
      }),
      { numRuns: 400 },
    );
  });
});
