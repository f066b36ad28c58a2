import type { Finding, Outcome, UnknownReason } from '../../../src/checks/types.js';
import type { Diagnosis } from '../../../src/diagnosis/types.js';
import { msg } from '../../../src/i18n/message.js';
import type { Evidence } from '../../../src/intake/evidence.js';

/** A check's result in a scripted run: pass, fail, or the reason it is unknown. */
export type Result = Exclude<Outcome, 'unknown'> | UnknownReason['kind'];
export type Results = Record<string, Result>;

export const APP = 'integration-app-present';
export const CONSENT = 'integration-consent-complete';
export const JOB = 'provisioning-job-healthy';

export const HEALTHY: Results = { [APP]: 'pass', [CONSENT]: 'pass', [JOB]: 'pass' };
/** The Integration app was deleted: consent is moot (prerequisite), provisioning still looks fine. */
export const APP_DELETED: Results = { [APP]: 'fail', [CONSENT]: 'prerequisite', [JOB]: 'pass' };
export const CONSENT_WITHDRAWN: Results = { [APP]: 'pass', [CONSENT]: 'fail', [JOB]: 'pass' };
export const QUARANTINED: Results = { [APP]: 'pass', [CONSENT]: 'pass', [JOB]: 'fail' };

export function everything(result: Result): Results {
  return { [APP]: result, [CONSENT]: result, [JOB]: result };
}

const EVIDENCE: Evidence = { trackingIds: [], webexErrorCodes: [], clientRequestIds: [], aadsts: [], language: 'en', missing: [], truncated: false };

function finding(checkId: string, result: Result): Finding {
  if (result === 'pass' || result === 'fail') return { checkId, outcome: result, summary: msg(`test.${result}`), facts: [] };
  return { checkId, outcome: 'unknown', summary: msg('test.unknown'), facts: [], unknown: { kind: result } };
}

/** A Diagnosis as the doctor would return it, built from a few check results. */
export function diagnosisOf(tenantId: string, results: Results): Diagnosis {
  const findings = Object.entries(results).map(([checkId, result]) => finding(checkId, result));
  const verdict = findings.some((f) => f.outcome === 'fail') ? 'broken' : findings.every((f) => f.outcome === 'pass') ? 'healthy' : 'inconclusive';
  return {
    verdict,
    causes: [],
    fix: { steps: [], actions: [] },
    confirm: [],
    blindSpots: [],
    aadsts: [],
    findings,
    evidence: EVIDENCE,
    tenantId,
    tacSummary: '',
  };
}
