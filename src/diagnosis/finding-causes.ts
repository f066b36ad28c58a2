import type { RemovalKind, WatchedApp } from '../checks/audit-events.js';
import type { NoRecentRemovalsDetails } from '../checks/no-recent-removals.js';
import type { IntegrationAppEnabledDetails } from '../checks/integration-app-enabled.js';
import type { IntegrationAppRestorableDetails } from '../checks/integration-app-restorable.js';
import type { IntegrationConsentDetails } from '../checks/integration-consent-complete.js';
import type { ProvisioningAppPresentDetails } from '../checks/provisioning-app-present.js';
import type { ProvisioningJobDetails } from '../checks/provisioning-job-healthy.js';
import { RESTORE_WINDOW_DAYS } from '../checks/constants.js';
import { msg } from '../i18n/message.js';
import type { MessageRef } from '../i18n/message.js';
import type { FindingIndex } from './finding-access.js';
import { RANK } from './ranked-cause.js';
import type { RankedCause } from './ranked-cause.js';
import { nothingInWindow, removalEvidence } from './removal-evidence.js';
import type { CauseId } from './types.js';

function confirmed(id: CauseId, order: number, evidence: MessageRef[], titleKey = `diagnosis.cause.${id}`): RankedCause {
  return { id, confidence: 'confirmed', title: msg(titleKey), evidence, rank: RANK.confirmed - order };
}

function integrationAppGone(findings: FindingIndex): RankedCause {
  const restore = findings.details<IntegrationAppRestorableDetails>('integration-app-restorable');
  const evidence: MessageRef[] = [msg('diagnosis.evidence.app-not-in-tenant')];
  const removals = removalEvidence(findings, 'integration', ['sp-removed', 'sp-hard-deleted']);
  if (restore?.restorable === true && restore.deletedDateTime !== undefined && restore.restorableUntil !== undefined) {
    evidence.push(
      msg('diagnosis.evidence.deleted-restorable', { deletedAt: { date: restore.deletedDateTime }, until: { date: restore.restorableUntil } }),
      ...removals,
    );
    return confirmed('integration-app-deleted', 0, evidence);
  }
  if (restore?.deletedDateTime !== undefined && restore.restorableUntil !== undefined) {
    evidence.push(msg('diagnosis.evidence.deleted-expired', { deletedAt: { date: restore.deletedDateTime }, until: { date: restore.restorableUntil } }));
  } else if (restore?.restorable === false) {
    evidence.push(msg('diagnosis.evidence.not-in-deleted-items', { days: RESTORE_WINDOW_DAYS }));
  }
  evidence.push(...removals, ...nothingInWindow(findings, 'integration', ['sp-removed', 'sp-hard-deleted']));
  return confirmed('integration-app-missing', 0, evidence);
}

function integrationAppDisabled(findings: FindingIndex): RankedCause {
  const d = findings.details<IntegrationAppEnabledDetails>('integration-app-enabled');
  const evidence: MessageRef[] = [];
  if (d?.disabledByMicrosoft === true) {
    evidence.push(msg('diagnosis.evidence.disabled-by-microsoft', { status: d.disabledByMicrosoftStatus ?? '' }));
  }
  if (d?.disabledByAdmin === true) evidence.push(msg('diagnosis.evidence.disabled-in-tenant'));
  evidence.push(...removalEvidence(findings, 'integration', ['disabled']));
  const title = d?.disabledByMicrosoft === true ? 'diagnosis.cause.integration-app-disabled-by-microsoft' : undefined;
  return confirmed('integration-app-disabled', 1, evidence, title);
}

function consentIncomplete(findings: FindingIndex): RankedCause {
  const d = findings.details<IntegrationConsentDetails>('integration-consent-complete');
  const missing = d?.missing ?? [];
  return confirmed('consent-incomplete', 2, [
    msg('diagnosis.evidence.permissions-missing', { count: missing.length, permissions: missing.join(', ') }),
    ...removalEvidence(findings, 'integration', ['grant-removed', 'role-removed', 'consent-revoked']),
  ]);
}

function provisioningAppMissing(findings: FindingIndex): RankedCause {
  const d = findings.details<ProvisioningAppPresentDetails>('provisioning-app-present');
  const evidence = [
    d?.ownedByIntegrationApp === false ? msg('diagnosis.evidence.provisioning-not-owned') : msg('diagnosis.evidence.provisioning-missing'),
    ...removalEvidence(findings, 'provisioning', ['sp-removed', 'sp-hard-deleted']),
  ];
  return confirmed('provisioning-app-missing', 3, evidence);
}

function provisioningJob(findings: FindingIndex): RankedCause | undefined {
  const d = findings.details<ProvisioningJobDetails>('provisioning-job-healthy');
  if (d?.problem === 'quarantine') {
    const evidence: MessageRef[] = [];
    if (d.since !== undefined) {
      evidence.push(msg('diagnosis.evidence.quarantined-since', { since: { date: d.since }, days: d.daysInQuarantine ?? 0, reason: d.reason ?? '—' }));
    } else {
      evidence.push(msg('diagnosis.evidence.quarantined', { reason: d.reason ?? '—' }));
    }
    if (d.errorCode !== undefined || d.errorMessage !== undefined) {
      evidence.push(msg('diagnosis.evidence.quarantine-error', { code: d.errorCode ?? '—', message: (d.errorMessage ?? '').slice(0, 300) }));
    }
    if (d.disabledByQuarantine === true) evidence.push(msg('diagnosis.evidence.quarantine-disabled-job'));
    else if (d.disablesOn !== undefined) evidence.push(msg('diagnosis.evidence.quarantine-disables-on', { date: { date: d.disablesOn } }));
    return confirmed('provisioning-quarantined', 4, evidence);
  }
  if (d?.problem === 'paused') return confirmed('provisioning-paused', 4, [msg('diagnosis.evidence.job-paused')]);
  if (d?.problem === 'not-configured') {
    return confirmed('provisioning-paused', 4, [msg('diagnosis.evidence.job-not-configured')], 'diagnosis.cause.provisioning-not-configured');
  }
  return undefined;
}

/** The cause a removal would produce, and the check that sees that state directly. */
function causeOfRemoval(kind: RemovalKind, app: WatchedApp): [CauseId, string] {
  if (app === 'provisioning') return ['provisioning-app-missing', 'provisioning-app-present'];
  if (kind === 'disabled') return ['integration-app-disabled', 'integration-app-enabled'];
  if (kind === 'sp-removed' || kind === 'sp-hard-deleted') return ['integration-app-missing', 'integration-app-present'];
  return ['consent-incomplete', 'integration-consent-complete'];
}

/**
 * Removals the audit log shows but no state check confirms (the state looks fine, or could not be read):
 * possible causes only, never enough for a "broken" verdict on their own.
 */
function unexplainedRemovals(findings: FindingIndex, known: readonly RankedCause[]): RankedCause[] {
  if (findings.outcome('no-recent-removals') !== 'fail') return [];
  const audit = findings.details<NoRecentRemovalsDetails>('no-recent-removals');
  const byCause = new Map<CauseId, RankedCause>();
  for (const event of audit?.open ?? []) {
    const [id, stateCheck] = causeOfRemoval(event.kind, event.app);
    const explained = known.some((c) => c.id === id || (id === 'integration-app-missing' && c.id === 'integration-app-deleted'));
    // A state check that passed outranks the log: the change was repaired in a way the log does not show.
    if (explained || byCause.has(id) || findings.outcome(stateCheck) === 'pass') continue;
    const evidence = removalEvidence(findings, event.app, [event.kind]);
    byCause.set(id, { id, confidence: 'possible', title: msg(`diagnosis.cause.${id}`), evidence, rank: RANK.possible });
  }
  return [...byCause.values()];
}

/** Causes the failed checks show, in check order. */
export function causesFromFindings(findings: FindingIndex): RankedCause[] {
  const causes: RankedCause[] = [];
  if (findings.outcome('integration-app-present') === 'fail') causes.push(integrationAppGone(findings));
  if (findings.outcome('integration-app-enabled') === 'fail') causes.push(integrationAppDisabled(findings));
  if (findings.outcome('integration-consent-complete') === 'fail') causes.push(consentIncomplete(findings));
  if (findings.outcome('provisioning-app-present') === 'fail') causes.push(provisioningAppMissing(findings));
  if (findings.outcome('provisioning-job-healthy') === 'fail') {
    const job = provisioningJob(findings);
    if (job !== undefined) causes.push(job);
  }
  return [...causes, ...unexplainedRemovals(findings, causes)];
}
