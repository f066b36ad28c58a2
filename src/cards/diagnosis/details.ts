import type { Finding } from '../../checks/types.js';
import type { Diagnosis } from '../../diagnosis/types.js';
import type { Evidence } from '../../intake/evidence.js';
import type { CardText } from '../text.js';
import { limit, type FactView } from '../view-parts.js';
import { checkTitle, OUTCOME_ICON, unknownNote } from './checks.js';

/** How much of each list the "Technical details" card shows: generous normally, tight when the card is too big. */
export interface DetailLimits {
  listItems: number;
  factsPerCheck: number;
  includeCheckGroups: boolean;
}

export interface CheckGroupView {
  icon: string;
  title: string;
  facts: FactView[];
}

export interface DetailsView {
  hasPasteFacts: boolean;
  pasteFacts: FactView[];
  checkGroups: CheckGroupView[];
  aboutFacts: FactView[];
}

/** "a, b, c (+2 more)": every id is worth showing until the list gets long. */
function joined(values: readonly string[], max: number, text: CardText): string {
  const { shown, hidden } = limit(values, max);
  const list = shown.map((v) => text.esc(v)).join(', ');
  return hidden > 0 ? `${list} ${text.md('ui.fact.more', { count: hidden })}` : list;
}

/** What the paste told us, for support: every id a Cisco or Microsoft engineer would ask for. */
export function pasteFacts(evidence: Evidence, text: CardText, max: number): FactView[] {
  const facts: FactView[] = [];
  const add = (key: string, value: string | undefined): void => {
    if (value !== undefined && value !== '') facts.push({ title: text.md(key), value });
  };
  if (evidence.trackingIds.length > 0) add('ui.fact.trackingId', joined(evidence.trackingIds, max, text));
  add('ui.fact.webexOrgId', evidence.orgId === undefined ? undefined : text.esc(evidence.orgId));
  if (evidence.httpStatus !== undefined) {
    add('ui.fact.httpStatus', text.esc(`${evidence.httpStatus}${evidence.statusText ? ` ${evidence.statusText}` : ''}`));
  }
  if (evidence.webexErrorCodes.length > 0) add('ui.fact.webexErrorCode', joined(evidence.webexErrorCodes, max, text));
  add('ui.fact.requestUrl', evidence.requestUrl === undefined ? undefined : text.esc(evidence.requestUrl.url));
  if (evidence.clientRequestIds.length > 0) add('ui.fact.clientRequestId', joined(evidence.clientRequestIds, max, text));
  add('ui.fact.userClock', evidence.userClockUtc === undefined ? undefined : text.date(evidence.userClockUtc));
  add('ui.fact.controlHubBuild', evidence.controlHubBuild === undefined ? undefined : text.esc(evidence.controlHubBuild));
  add('ui.fact.tenantId', evidence.entraTenantId === undefined ? undefined : text.esc(evidence.entraTenantId));
  if (evidence.aadsts.length > 0) {
    add('ui.fact.aadsts', joined(evidence.aadsts.map((a) => `AADSTS${a.code}`), max, text));
  }
  if (evidence.truncated) add('ui.fact.note', text.md('ui.fact.pasteTruncated'));
  return facts;
}

/** A check's own facts plus, when Graph refused or failed, what it answered (support needs the request-id). */
function findingFacts(finding: Finding, text: CardText, max: number): FactView[] {
  const facts = limit(finding.facts, max).shown.map((fact) => ({ title: text.mdRef(fact.label), value: text.mdRef(fact.value) }));
  if (finding.outcome === 'unknown') facts.unshift({ title: text.md('ui.fact.reason'), value: unknownNote(finding, text) });
  const problem = finding.unknown?.problem;
  if (problem !== undefined) {
    const answer = [problem.status, problem.graphCode, problem.aadstsCode ? `AADSTS${problem.aadstsCode}` : undefined]
      .filter((part) => part !== undefined)
      .join(' ');
    if (answer !== '') facts.push({ title: text.md('ui.fact.graphAnswer'), value: text.esc(answer) });
    const requestId = problem.requestId === undefined ? '' : text.esc(problem.requestId);
    // The check may already show the request-id among its own facts; once is enough.
    if (requestId !== '' && !facts.some((f) => f.value === requestId)) facts.push({ title: text.md('ui.fact.graphRequestId'), value: requestId });
    facts.push({ title: text.md('ui.fact.problemDetail'), value: text.esc(problem.detail) });
  }
  return facts;
}

/** Object ids the fix acts on, so the admin can find the exact object in the portal. */
function fixObjectFacts(diagnosis: Diagnosis, text: CardText): FactView[] {
  const facts: FactView[] = [];
  for (const action of diagnosis.fix.actions) {
    if (action.kind === 'restore-deleted') {
      facts.push({ title: text.md('ui.fact.deletedObjectId'), value: text.esc(action.deletedObjectId) });
    } else if (action.kind === 'enable-app') {
      facts.push({ title: text.md('ui.fact.servicePrincipalId'), value: text.esc(action.servicePrincipalId) });
    } else if (action.kind === 'restart-provisioning') {
      facts.push({ title: text.md('ui.fact.servicePrincipalId'), value: text.esc(action.servicePrincipalId) });
      facts.push({ title: text.md('ui.fact.provisioningJobId'), value: text.esc(action.jobId) });
    }
  }
  return facts;
}

export function detailsView(diagnosis: Diagnosis, diagnosisId: string, text: CardText, limits: DetailLimits): DetailsView {
  const paste = pasteFacts(diagnosis.evidence, text, limits.listItems);
  const checkGroups = limits.includeCheckGroups
    ? diagnosis.findings
        .map((finding) => ({
          icon: OUTCOME_ICON[finding.outcome],
          title: checkTitle(finding.checkId, text),
          facts: findingFacts(finding, text, limits.factsPerCheck),
        }))
        .filter((group) => group.facts.length > 0)
    : [];
  const about: FactView[] = [{ title: text.md('ui.fact.diagnosisId'), value: text.esc(diagnosisId) }];
  if (diagnosis.tenantId !== undefined) about.push({ title: text.md('ui.fact.tenantId'), value: text.esc(diagnosis.tenantId) });
  if (diagnosis.cloud !== undefined) about.push({ title: text.md('ui.fact.cloud'), value: cloudName(diagnosis.cloud, text) });
  if (diagnosis.checkedAt !== undefined) about.push({ title: text.md('ui.fact.checkedAt'), value: text.date(diagnosis.checkedAt) });
  about.push(...fixObjectFacts(diagnosis, text));
  return { hasPasteFacts: paste.length > 0, pasteFacts: paste, checkGroups, aboutFacts: about };
}

export function cloudName(cloud: string, text: CardText): string {
  const key = `ui.cloud.${cloud}`;
  return text.has(key) ? text.md(key) : text.esc(cloud);
}
