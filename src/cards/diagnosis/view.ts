import type { Cause, Diagnosis, Verdict } from '../../diagnosis/types.js';
import type { Language } from '../../i18n/message.js';
import { plainMultiline } from '../escape.js';
import { VERDICT_ICON } from '../verdict-icons.js';
import type { CardText } from '../text.js';
import { limit, lines, numbered, type FactView, type LineView } from '../view-parts.js';
import { changeLines, checkRows, type CheckRowView } from './checks.js';
import { cloudName, detailsView, pasteFacts, type DetailLimits, type DetailsView } from './details.js';
import { fixView, type FixLink, type FixView } from './fix.js';

/** How much the card may hold. The renderer first tries `FULL`, then `COMPACT` if the card is too large. */
export interface ViewLimits extends DetailLimits {
  tacSummaryChars: number;
  evidenceLines: number;
  causeFacts: number;
}

export const FULL: ViewLimits = { listItems: 5, factsPerCheck: 8, includeCheckGroups: true, tacSummaryChars: 4000, evidenceLines: 6, causeFacts: 8 };
export const COMPACT: ViewLimits = { listItems: 2, factsPerCheck: 3, includeCheckGroups: false, tacSummaryChars: 2500, evidenceLines: 3, causeFacts: 4 };

const MAX_OTHER_CAUSES = 3;
const MAX_AADSTS = 5;
const MAX_LIST = 8;

/** Text color and container style share their names for these three. */
const VERDICT_STYLE: Record<Verdict, string> = { broken: 'attention', healthy: 'good', inconclusive: 'warning' };

const CAUSE_HEADING: Record<Verdict, string> = {
  broken: 'ui.diagnosis.causeBroken',
  inconclusive: 'ui.diagnosis.causeInconclusive',
  healthy: 'ui.diagnosis.causeHealthy',
};

export interface CauseView {
  heading: string;
  title: string;
  confidence: string;
  evidence: LineView[];
  hasFacts: boolean;
  facts: FactView[];
  hasOthers: boolean;
  others: LineView[];
}

/** The data the diagnosis template (cards/diagnosis.json) binds to. Every string is display-ready and safe. */
export interface DiagnosisCardData {
  lang: Language;
  labels: Record<string, string>;
  verdict: { icon: string; title: string; color: string; style: string };
  scope: string;
  hasChanges: boolean;
  changes: LineView[];
  hasCause: boolean;
  cause: CauseView;
  hasAadsts: boolean;
  aadsts: { title: string; meaning: string; fix: string }[];
  hasChecks: boolean;
  checks: CheckRowView[];
  fix: FixView;
  hasConfirm: boolean;
  confirm: LineView[];
  hasBlindSpots: boolean;
  blindSpots: LineView[];
  diagnosisId: string;
  details: DetailsView;
  tacSummary: string;
}

export function verdictTitle(verdict: Verdict, text: CardText): { icon: string; title: string } {
  return { icon: VERDICT_ICON[verdict], title: text.md(`ui.diagnosis.verdict.${verdict}`) };
}

/** Where the verdict comes from: a live check of which tenant and when, or the paste alone. */
export function scopeLine(diagnosis: Diagnosis, text: CardText): string {
  // No findings means nothing was read from Graph, even when a tenant id is known (it may come from the paste).
  if (diagnosis.findings.length === 0) return text.md('ui.diagnosis.scopePasteOnly');
  const params = { tenant: diagnosis.tenantId ?? '?', cloud: cloudName(diagnosis.cloud ?? 'worldwide', text) };
  return diagnosis.checkedAt === undefined
    ? text.md('ui.diagnosis.scopeTenant', params)
    : text.md('ui.diagnosis.scopeTenantDated', { ...params, checkedAt: { date: diagnosis.checkedAt } });
}

export function confidenceWord(cause: Cause, text: CardText): string {
  return text.plain(`ui.confidence.${cause.confidence}`);
}

function causeView(diagnosis: Diagnosis, text: CardText, max: ViewLimits): CauseView {
  const [top, ...others] = diagnosis.causes;
  const failedFacts = diagnosis.findings
    .filter((f) => f.outcome === 'fail')
    .flatMap((f) => f.facts.map((fact) => ({ title: text.mdRef(fact.label), value: text.mdRef(fact.value) })));
  // Without a failing check (a paste-only diagnosis) the evidence is the paste itself.
  const facts = limit(failedFacts.length > 0 ? failedFacts : pasteFacts(diagnosis.evidence, text, 1), max.causeFacts).shown;
  const otherLines = limit(others, MAX_OTHER_CAUSES).shown.map((c) => `${text.mdRef(c.title)} (${confidenceWord(c, text)})`);
  return {
    heading: text.md(CAUSE_HEADING[diagnosis.verdict]),
    title: top === undefined ? '' : text.mdRef(top.title),
    confidence: top === undefined ? '' : text.md('ui.diagnosis.confidence', { level: confidenceWord(top, text) }),
    evidence: lines(limit(top?.evidence ?? [], max.evidenceLines).shown.map((e) => text.mdRef(e))),
    hasFacts: facts.length > 0,
    facts,
    hasOthers: otherLines.length > 0,
    others: lines(otherLines),
  };
}

export function diagnosisCardData(
  diagnosis: Diagnosis,
  context: { diagnosisId: string; previous?: Diagnosis; links: readonly FixLink[] },
  text: CardText,
  max: ViewLimits,
): DiagnosisCardData {
  const style = VERDICT_STYLE[diagnosis.verdict];
  const verdict = verdictTitle(diagnosis.verdict, text);
  const changes = context.previous === undefined ? [] : changeLines(diagnosis, context.previous, text);
  const aadsts = limit(diagnosis.aadsts, MAX_AADSTS).shown.map((a) => ({
    title: text.esc(`AADSTS${a.code}`) + ` (${text.plain(`ui.diagnosis.aadstsFrom.${a.source}`)})`,
    meaning: text.mdRef(a.meaning),
    fix: text.mdRef(a.fix),
  }));
  const confirm = numbered(limit(diagnosis.confirm, MAX_LIST).shown.map((c) => text.mdRef(c)));
  const blindSpots = lines(limit(diagnosis.blindSpots, MAX_LIST).shown.map((b) => text.mdRef(b)));
  return {
    lang: text.language,
    labels: text.labels('diagnosis'),
    verdict: { ...verdict, color: style, style },
    scope: scopeLine(diagnosis, text),
    hasChanges: changes.length > 0,
    changes,
    hasCause: diagnosis.causes.length > 0,
    cause: causeView(diagnosis, text, max),
    hasAadsts: aadsts.length > 0,
    aadsts,
    hasChecks: diagnosis.findings.length > 0,
    checks: checkRows(diagnosis.findings, text),
    fix: fixView(diagnosis, context.links, text),
    hasConfirm: confirm.length > 0,
    confirm,
    hasBlindSpots: blindSpots.length > 0,
    blindSpots,
    diagnosisId: context.diagnosisId,
    details: detailsView(diagnosis, context.diagnosisId, text, max),
    tacSummary: plainMultiline(diagnosis.tacSummary, max.tacSummaryChars),
  };
}
