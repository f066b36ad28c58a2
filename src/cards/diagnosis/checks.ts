import { CHECKS } from '../../checks/index.js';
import type { Finding, Outcome } from '../../checks/types.js';
import type { MessageRef } from '../../i18n/message.js';
import type { Diagnosis, Verdict } from '../../diagnosis/types.js';
import type { CardText } from '../text.js';
import type { LineView } from '../view-parts.js';

export const OUTCOME_ICON: Record<Outcome, string> = { pass: '✅', fail: '❌', unknown: '⚠️' };

export interface CheckRowView {
  icon: string;
  title: string;
  summary: string;
}

const TITLES: ReadonlyMap<string, MessageRef> = new Map(CHECKS.map((check) => [check.meta.id, check.meta.title]));

/** A check's name, from the check's own metadata; a check id we do not know is shown as it is, never dropped. */
export function checkTitle(checkId: string, text: CardText): string {
  const title = TITLES.get(checkId);
  return title === undefined ? text.esc(checkId) : text.mdRef(title);
}

function plainCheckTitle(checkId: string, text: CardText): string {
  const title = TITLES.get(checkId);
  return title === undefined ? checkId : text.plain(title.key, title.params);
}

/** One row per check: the outcome icon, the check's name, and the check's own one-line summary (its reason, when unknown). */
export function checkRows(findings: readonly Finding[], text: CardText): CheckRowView[] {
  return findings.map((finding) => ({
    icon: OUTCOME_ICON[finding.outcome],
    title: checkTitle(finding.checkId, text),
    summary: text.mdRef(finding.summary),
  }));
}

/**
 * Why a check could not give a verdict, from the structured reason (not the check's wording), so the technical
 * details always name the missing permission, the AADSTS code or the check it waited for.
 */
export function unknownNote(finding: Finding, text: CardText): string {
  const reason = finding.unknown;
  const problem = reason?.problem;
  switch (reason?.kind) {
    case 'permission':
      return problem?.missingPermission
        ? text.md('ui.unknown.permission', { permission: problem.missingPermission })
        : text.md('ui.unknown.permissionUnnamed');
    case 'auth':
      return problem?.aadstsCode ? text.md('ui.unknown.auth', { code: problem.aadstsCode }) : text.md('ui.unknown.authUncoded');
    case 'prerequisite':
      return reason.dependsOn
        ? text.md('ui.unknown.prerequisite', { check: plainCheckTitle(reason.dependsOn, text) })
        : text.md('ui.unknown.prerequisiteUnnamed');
    case 'throttled':
    case 'timeout':
    case 'unreachable':
    case 'error':
      return text.md(`ui.unknown.${reason.kind}`);
    default:
      return text.md('ui.unknown.unspecified');
  }
}

function outcomeWord(outcome: Outcome | undefined, text: CardText): string {
  return outcome === undefined ? '—' : `${OUTCOME_ICON[outcome]} ${text.plain(`ui.state.${outcome}`)}`;
}

function verdictWord(verdict: Verdict, text: CardText): string {
  return text.plain(`ui.state.${verdict}`);
}

/**
 * "What changed" between two runs: the verdict and every check whose outcome moved (a check that ran only once
 * shows "—" on the other side). Always at least one line, so the section never renders empty.
 */
export function changeLines(current: Diagnosis, previous: Diagnosis, text: CardText): LineView[] {
  const lines: LineView[] = [];
  if (current.verdict !== previous.verdict) {
    lines.push({
      text: text.md('ui.diagnosis.changeVerdict', {
        before: verdictWord(previous.verdict, text),
        after: verdictWord(current.verdict, text),
      }),
    });
  }
  const before = new Map(previous.findings.map((f) => [f.checkId, f.outcome]));
  const after = new Map(current.findings.map((f) => [f.checkId, f.outcome]));
  const ids = [...new Set([...after.keys(), ...before.keys()])];
  for (const id of ids) {
    if (before.get(id) === after.get(id)) continue;
    lines.push({
      text: text.md('ui.diagnosis.changeCheck', {
        check: plainCheckTitle(id, text),
        before: outcomeWord(before.get(id), text),
        after: outcomeWord(after.get(id), text),
      }),
    });
  }
  return lines.length > 0 ? lines : [{ text: text.md('ui.diagnosis.noChanges') }];
}
