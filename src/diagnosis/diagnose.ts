import type { TenantSnapshot } from '../checks/snapshot.js';
import type { Finding } from '../checks/types.js';
import type { Evidence } from '../intake/evidence.js';
import { explainAadsts } from './aadsts.js';
import { botAccessOf } from './bot-access.js';
import { blindSpots } from './blind-spots.js';
import { rankCauses } from './causes.js';
import { confirmSteps } from './confirm.js';
import { FindingIndex } from './finding-access.js';
import { fixFor, healthyFix, inconclusiveFix, withRetry } from './fixes.js';
import { portalBase } from './links.js';
import { withoutRank } from './ranked-cause.js';
import { tacSummary } from './tac-summary.js';
import type { AadstsExplanation, Diagnosis } from './types.js';
import { decideVerdict } from './verdict.js';

export interface DiagnoseInput {
  /** What the admin pasted, as read by the intake. */
  evidence: Evidence;
  /** runChecks(snapshot); absent when no tenant is connected (the diagnosis is then from the paste only). */
  findings?: Finding[];
  snapshot?: TenantSnapshot;
  tenantId?: string;
  /** Graph cloud name, e.g. "global", "usgov", "china" (shown only). */
  cloud?: string;
  /** The sign-in host of that cloud, e.g. https://login.microsoftonline.com: admin-consent links use it. */
  loginHost: string;
  /** Azure portal base; derived from loginHost when absent. */
  portalHost?: string;
  /** ISO time of the diagnosis (no clock inside). */
  now: string;
}

function explanations(evidence: Evidence, botCodes: readonly string[]): AadstsExplanation[] {
  const pasted = [...new Set(evidence.aadsts.map((a) => a.code))].map((code) => explainAadsts(code, 'paste'));
  return [...pasted, ...botCodes.map((code) => explainAadsts(code, 'bot-token'))];
}

/** Pure: the paste and the tenant's findings in, the ranked causes, the fix and how to confirm it out. */
export function diagnose(input: DiagnoseInput): Diagnosis {
  const findings = input.findings === undefined ? undefined : new FindingIndex(input.findings);
  const access = botAccessOf(input.snapshot, findings);
  const aadsts = explanations(input.evidence, access.authCodes);
  const ranked = rankCauses(input.evidence, findings, access);
  const verdict = decideVerdict(ranked, findings);
  // The contract: no causes when healthy (every check passed and the paste says nothing they do not refute).
  const causes = verdict === 'healthy' ? [] : ranked.map(withoutRank);
  const tenantId = input.tenantId ?? input.snapshot?.tenantId ?? input.evidence.entraTenantId;
  const checkedAt = findings === undefined ? undefined : (input.snapshot?.collectedAt ?? input.now);
  const fixContext = {
    findings,
    tenantId,
    loginHost: input.loginHost,
    portal: portalBase(input.loginHost, input.portalHost),
    aadsts,
    access,
  };
  const transient = (findings?.all ?? []).some((f) => ['throttled', 'timeout', 'unreachable'].includes(f.unknown?.kind ?? ''));
  const fix =
    verdict === 'healthy'
      ? healthyFix(input.evidence)
      : causes.length > 0
        ? withRetry(fixFor(causes, fixContext), transient)
        : inconclusiveFix(input.evidence, transient, findings !== undefined);
  const diagnosis: Diagnosis = {
    verdict,
    causes,
    fix,
    confirm: confirmSteps(causes, findings !== undefined),
    blindSpots: blindSpots(findings, access.missingPermissions),
    aadsts,
    findings: input.findings ?? [],
    evidence: input.evidence,
    tenantId,
    cloud: input.cloud,
    checkedAt,
    tacSummary: tacSummary({ verdict, causes, evidence: input.evidence, findings, aadsts, tenantId, cloud: input.cloud, checkedAt, now: input.now }),
  };
  return diagnosis;
}
