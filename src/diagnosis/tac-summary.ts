import type { RemovalEvent } from '../checks/audit-events.js';
import { CHECKS } from '../checks/index.js';
import type { IntegrationAppRestorableDetails } from '../checks/integration-app-restorable.js';
import type { IntegrationConsentDetails } from '../checks/integration-consent-complete.js';
import type { NoRecentRemovalsDetails } from '../checks/no-recent-removals.js';
import type { ProvisioningJobDetails } from '../checks/provisioning-job-healthy.js';
import type { Finding } from '../checks/types.js';
import type { Evidence } from '../intake/evidence.js';
import type { FindingIndex } from './finding-access.js';
import type { AadstsExplanation, Cause, CauseId, Verdict } from './types.js';

/** Cisco TAC works in English: this one text is built here, not from the translated strings. */
const CAUSE_TEXT: Record<CauseId, string> = {
  'integration-app-deleted': 'Cisco Webex Identity Integration was deleted from the Entra tenant (still restorable)',
  'integration-app-missing': 'Cisco Webex Identity Integration is missing from the Entra tenant (or was never consented)',
  'integration-app-disabled': 'Cisco Webex Identity Integration is disabled in the Entra tenant',
  'consent-incomplete': 'admin consent for Cisco Webex Identity Integration is incomplete',
  'provisioning-app-missing': 'the Cisco Webex Identity provisioning app is missing or not owned by the Integration app',
  'provisioning-quarantined': 'the Cisco Webex Identity provisioning job is in quarantine',
  'provisioning-paused': 'the Cisco Webex Identity provisioning job is not running (paused or not configured)',
  'wizard-not-set-up': 'the Control Hub Azure AD wizard has not recorded a tenant (100013 tenantId is required)',
  aadsts: 'a Microsoft sign-in error (AADSTS)',
  'bot-access-broken': "the diagnosing bot could not read the tenant (its own sign-in or Graph permissions)",
  'none-found': 'no cause found',
};

export interface TacSummaryInput {
  verdict: Verdict;
  causes: readonly Cause[];
  evidence: Evidence;
  findings?: FindingIndex;
  aadsts: readonly AadstsExplanation[];
  tenantId?: string;
  cloud?: string;
  checkedAt?: string;
  now: string;
}

/** A pasted value on one line: no control characters (no forged extra lines), bounded length. */
function clean(value: string | number): string {
  return String(value)
    .replace(/[\p{Cc}\u2028\u2029]+/gu, ' ')
    .trim()
    .slice(0, 300);
}

function line(label: string, value: string | number | undefined): string[] {
  return value === undefined || value === '' ? [] : [`  ${label}: ${clean(value)}`];
}

function unknownText(f: Finding): string {
  const r = f.unknown;
  const p = r?.problem;
  switch (r?.kind) {
    case 'permission':
      return `bot lacks Graph permission ${p?.missingPermission ?? '(not named)'}`;
    case 'auth':
      return `bot token request failed${p?.aadstsCode === undefined ? '' : ` (AADSTS${p.aadstsCode})`}`;
    case 'throttled':
      return 'throttled by Microsoft Graph';
    case 'timeout':
      return 'Microsoft Graph timed out';
    case 'unreachable':
      return 'Microsoft Graph unreachable';
    case 'prerequisite':
      return `not applicable: ${r.dependsOn ?? 'an earlier check'} failed`;
    default:
      return p?.detail ?? 'unexpected answer';
  }
}

function eventText(e: RemovalEvent): string {
  const what = e.permission === undefined ? e.activity : `${e.activity} (${e.permission})`;
  const undone = e.undoneAt === undefined ? '' : `, undone ${e.undoneAt}`;
  return `${what} on the ${e.app} app by ${e.by ?? 'unknown'} at ${e.at}${undone}`;
}

function checkDetail(f: Finding, findings: FindingIndex): string {
  if (f.outcome === 'unknown') return unknownText(f);
  switch (f.checkId) {
    case 'integration-consent-complete': {
      const d = findings.details<IntegrationConsentDetails>(f.checkId);
      return d !== undefined && d.missing.length > 0 ? `missing: ${d.missing.join(', ')}` : '';
    }
    case 'provisioning-job-healthy': {
      const d = findings.details<ProvisioningJobDetails>(f.checkId);
      return d === undefined ? '' : [d.statusCode, d.reason, d.since === undefined ? undefined : `since ${d.since}`].filter(Boolean).join(', ');
    }
    case 'integration-app-restorable': {
      const d = findings.details<IntegrationAppRestorableDetails>(f.checkId);
      if (d?.needed !== true) return 'not needed';
      return d.deletedDateTime === undefined ? 'not in deleted items' : `deleted ${d.deletedDateTime}, restorable until ${d.restorableUntil ?? '?'}`;
    }
    default:
      return '';
  }
}

function tenantSection(input: TacSummaryInput, findings: FindingIndex): string[] {
  const out = ['Microsoft Entra tenant', ...line('Tenant ID', input.tenantId), ...line('Cloud', input.cloud), ...line('Checked at', input.checkedAt), '  Checks:'];
  for (const check of CHECKS) {
    const f = findings.get(check.meta.id);
    const detail = f === undefined ? 'not run' : checkDetail(f, findings);
    out.push(`    - ${check.meta.id}: ${(f?.outcome ?? 'not run').toUpperCase()}${detail === '' ? '' : ` (${clean(detail)})`}`);
  }
  const audit = findings.details<NoRecentRemovalsDetails>('no-recent-removals');
  if (audit !== undefined) {
    out.push(`  Searched: directory audit log ${audit.from} to ${audit.to} (${audit.days} days)`);
    for (const e of audit.events) out.push(`    - ${clean(eventText(e))}`);
  }
  return out;
}

/** Plain English, copy-ready for a Cisco TAC case: ids, codes, each check's outcome, the cause. No secrets exist here. */
export function tacSummary(input: TacSummaryInput): string {
  const e = input.evidence;
  const [first, ...others] = input.causes;
  const out = [
    `Azure AD Doctor for Webex - diagnosis summary (generated ${input.now})`,
    `Verdict: ${input.verdict.toUpperCase()}`,
    `Most likely cause: ${first === undefined ? 'none identified' : `${CAUSE_TEXT[first.id]} [${first.confidence}]`}`,
    ...others.map((c) => `Also: ${CAUSE_TEXT[c.id]} [${c.confidence}]`),
    '',
    'Control Hub error (from the admin paste)',
    ...line('Tracking ID(s)', e.trackingIds.join(', ')),
    ...line('Webex org ID', e.orgId),
    ...line('HTTP status', e.httpStatus === undefined ? undefined : `${e.httpStatus}${e.statusText === undefined ? '' : ` ${e.statusText}`}`),
    ...line('Webex error code(s)', e.webexErrorCodes.join(', ')),
    ...line('URL', e.requestUrl?.url),
    ...line('client-request-id', e.clientRequestIds.join(', ')),
    ...line('User clock (UTC)', e.userClockUtc),
    ...line('Control Hub build', e.controlHubBuild),
    ...line('Sign-in error(s)', input.aadsts.map((a) => `AADSTS${a.code} (${a.source === 'paste' ? 'pasted' : "bot's own sign-in"})`).join(', ')),
    '',
    ...(input.findings === undefined
      ? ['Microsoft Entra tenant: not checked (no tenant connected; diagnosis from the paste only)', ...line('Tenant ID (from paste)', e.entraTenantId)]
      : tenantSection(input, input.findings)),
  ];
  return out.join('\n');
}
