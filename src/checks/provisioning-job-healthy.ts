import { msg } from '../i18n/message.js';
import type { MessageRef } from '../i18n/message.js';
import { DOCS, QUARANTINE_DISABLE_DAYS } from './constants.js';
import { couldNotCheck, date, fact, see, text, unlessEarlierPassed } from './finding.js';
import { chooseProvisioningApp } from './provisioning-selection.js';
import type { SynchronizationJobRecord } from './snapshot.js';
import { addDays, validIso, wholeDaysBetween } from './time.js';
import type { Check, CheckMeta, EvidenceFact, Finding } from './types.js';

export type JobProblem = 'quarantine' | 'paused' | 'not-configured';

export type ProvisioningJobDetails = {
  servicePrincipalId: string;
  jobId?: string;
  statusCode: string;
  problem?: JobProblem;
  reason?: string;
  errorCode?: string;
  errorMessage?: string;
  /** When the quarantine series began (seriesBegan, else currentBegan). */
  since?: string;
  nextAttempt?: string;
  daysInQuarantine?: number;
  /** More than four weeks in quarantine: Entra has disabled the job. */
  disabledByQuarantine?: boolean;
  /** When Entra will disable it, while it is not yet four weeks. */
  disablesOn?: string;
  lastSuccess?: string;
};

const meta: CheckMeta = {
  id: 'provisioning-job-healthy',
  title: msg('check.provisioning-job-healthy.title'),
  graphPermissions: ['Synchronization.Read.All'],
  docsUrl: DOCS.quarantine,
};

const HEALTHY_CODES = new Set(['Active', 'NotRun']);
const PROBLEM_OF: Record<string, JobProblem> = { Quarantine: 'quarantine', Paused: 'paused', NotConfigured: 'not-configured' };
const SEVERITY: Record<JobProblem, number> = { quarantine: 0, paused: 1, 'not-configured': 2 };

/** The provisioning app's sync job must not be quarantined, paused or unconfigured. */
export const provisioningJobHealthy: Check = {
  meta,
  evaluate(snapshot, earlier) {
    const blocked = unlessEarlierPassed(meta, earlier, 'provisioning-app-present');
    if (blocked !== undefined) return blocked;
    const apps = see(snapshot.provisioningApps);
    if (!apps.seen) return couldNotCheck(meta, apps.reason);
    const app = chooseProvisioningApp(apps.value);
    if (app === undefined) return couldNotCheck(meta, { kind: 'prerequisite', dependsOn: 'provisioning-app-present' });
    const jobsByApp = see(snapshot.synchronizationJobs);
    if (!jobsByApp.seen) return couldNotCheck(meta, jobsByApp.reason);
    const jobs = jobsByApp.value[app.id];
    if (jobs === undefined) {
      return couldNotCheck(meta, { kind: 'error', problem: { kind: 'error', detail: `jobs of ${app.id} were not collected` } });
    }
    if (jobs.length === 0) {
      return judged(fail({ servicePrincipalId: app.id, statusCode: 'NotConfigured', problem: 'not-configured' }));
    }
    const unknownCode = jobs.find((j) => !HEALTHY_CODES.has(j.status.code) && PROBLEM_OF[j.status.code] === undefined);
    const worst = [...jobs]
      .filter((j) => PROBLEM_OF[j.status.code] !== undefined)
      .sort((a, b) => severity(a) - severity(b))[0];
    if (worst !== undefined) return judged(fail(describe(app.id, worst, snapshot.collectedAt)));
    if (unknownCode !== undefined) {
      return couldNotCheck(meta, {
        kind: 'error',
        problem: { kind: 'error', detail: `unrecognised synchronization status ${unknownCode.status.code}` },
      });
    }
    const first = jobs[0] as SynchronizationJobRecord;
    return judged({ outcome: 'pass', details: describe(app.id, first, snapshot.collectedAt) });
  },
};

function severity(job: SynchronizationJobRecord): number {
  const problem = PROBLEM_OF[job.status.code];
  return problem === undefined ? 99 : SEVERITY[problem];
}

function fail(details: ProvisioningJobDetails): { outcome: 'fail'; details: ProvisioningJobDetails } {
  return { outcome: 'fail', details };
}

function describe(servicePrincipalId: string, job: SynchronizationJobRecord, now: string): ProvisioningJobDetails {
  const details: ProvisioningJobDetails = {
    servicePrincipalId,
    jobId: job.id,
    statusCode: job.status.code,
    problem: PROBLEM_OF[job.status.code],
    lastSuccess: validIso(job.status.lastSuccessfulExecution?.timeEnded),
  };
  const q = job.status.quarantine;
  if (details.problem !== 'quarantine' || q === null || q === undefined) return details;
  const since = validIso(q.seriesBegan) ?? validIso(q.currentBegan);
  const withQuarantine: ProvisioningJobDetails = {
    ...details,
    reason: q.reason,
    errorCode: q.error?.code,
    errorMessage: q.error?.message,
    since,
    nextAttempt: validIso(q.nextAttempt),
  };
  if (since === undefined) return withQuarantine;
  const days = wholeDaysBetween(since, now);
  const disabled = days > QUARANTINE_DISABLE_DAYS;
  return {
    ...withQuarantine,
    daysInQuarantine: days,
    disabledByQuarantine: disabled,
    disablesOn: disabled ? undefined : addDays(since, QUARANTINE_DISABLE_DAYS),
  };
}

function judged(result: { outcome: 'pass' | 'fail'; details: ProvisioningJobDetails }): Finding {
  return { checkId: meta.id, outcome: result.outcome, summary: summarize(result.details), facts: factsOf(result.details), details: result.details };
}

function summarize(d: ProvisioningJobDetails): MessageRef {
  const reason = d.reason ?? d.errorCode ?? '—';
  switch (d.problem) {
    case 'quarantine':
      if (d.since === undefined) return msg('check.provisioning-job-healthy.fail-quarantine-undated', { reason });
      if (d.disabledByQuarantine === true) {
        return msg('check.provisioning-job-healthy.fail-quarantine-disabled', { reason, since: { date: d.since } });
      }
      return msg('check.provisioning-job-healthy.fail-quarantine', {
        reason,
        since: { date: d.since },
        disablesOn: { date: d.disablesOn ?? d.since },
      });
    case 'paused':
      return msg('check.provisioning-job-healthy.fail-paused');
    case 'not-configured':
      return msg('check.provisioning-job-healthy.fail-not-configured');
    case undefined:
      return msg('check.provisioning-job-healthy.pass', { status: d.statusCode });
  }
}

function factsOf(d: ProvisioningJobDetails): EvidenceFact[] {
  const facts: EvidenceFact[] = [fact('check.fact.sync-status', text(d.statusCode))];
  if (d.reason !== undefined) facts.push(fact('check.fact.quarantine-reason', text(d.reason)));
  if (d.errorCode !== undefined) facts.push(fact('check.fact.error-code', text(d.errorCode)));
  if (d.since !== undefined) facts.push(fact('check.fact.quarantined-since', date(d.since)));
  if (d.nextAttempt !== undefined) facts.push(fact('check.fact.next-attempt', date(d.nextAttempt)));
  if (d.lastSuccess !== undefined) facts.push(fact('check.fact.last-success', date(d.lastSuccess)));
  return facts;
}
