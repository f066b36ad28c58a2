import { CHECKS } from '../checks/index.js';
import type { Finding } from '../checks/types.js';
import { OUTCOME_ICON } from '../cards/diagnosis/checks.js';
import { fixLinks, type FixLink } from '../cards/diagnosis/fix.js';
import { plainMultiline, plainText } from '../cards/escape.js';
import type { UrlPolicy } from '../cards/safe-url.js';
import { cardText } from '../cards/text.js';
import { VERDICT_ICON } from '../cards/verdict-icons.js';
import type { Diagnosis, Verdict } from '../diagnosis/types.js';
import type { Language, MessageParam, MessageRef } from '../i18n/message.js';
import type { Translator } from '../i18n/translate.js';

/**
 * A diagnosis as plain terminal text, in the reader's language: verdict, cause and evidence, every check, the
 * fix with its links as bare URLs, how to confirm, blind spots, then the English TAC summary. Every value that
 * came from a paste or a directory goes through plainText, which drops control characters, so a hostile display
 * name cannot smuggle terminal escape sequences. Links pass the same allow-list as the card's buttons.
 */

export interface ReportOptions extends UrlPolicy {
  language: Language;
  /** The strings to use; the project's own (cards/i18n/) when absent. */
  translator?: Translator;
}

export interface DiagnosisReport {
  text: string;
  /** For stderr: fix links the allow-list refused. Never secrets, never pasted text. */
  warnings: string[];
}

/** The bot's sentences that ask to "press Re-verify" or to "ask the bot's operator", said for a command line. */
export const CLI_WORDING: Readonly<Record<string, string>> = {
  'diagnosis.confirm.reverify': 'cli.confirm.reverify',
  'diagnosis.step.retry-later': 'cli.step.retry-later',
  'diagnosis.step.grant-bot': 'cli.step.grant-bot',
  'diagnosis.blind.no-tenant': 'cli.blind.no-tenant',
};

const CAUSE_HEADING: Record<Verdict, string> = {
  broken: 'ui.diagnosis.causeBroken',
  inconclusive: 'ui.diagnosis.causeInconclusive',
  healthy: 'ui.diagnosis.causeHealthy',
};

const FIX_HEADING: Record<Verdict, string> = {
  broken: 'ui.diagnosis.fixBroken',
  inconclusive: 'ui.diagnosis.fixInconclusive',
  healthy: 'ui.diagnosis.fixHealthy',
};

const CHECK_TITLES: ReadonlyMap<string, MessageRef> = new Map(CHECKS.map((check) => [check.meta.id, check.meta.title]));

const TAC_SUMMARY_MAX_CHARS = 20_000;

/** Our templates in the reader's language, every parameter reduced to one clean line. */
interface Words {
  ref(ref: MessageRef): string;
  key(key: string, params?: Record<string, MessageParam>): string;
  date(iso: string): string;
  has(key: string): boolean;
}

function wordsFor(options: ReportOptions): Words {
  const text = cardText(options.language, options.translator);
  return {
    ref: (ref) => text.plain(CLI_WORDING[ref.key] ?? ref.key, ref.params),
    key: (key, params) => text.plain(key, params),
    date: (iso) => text.date(iso),
    has: (key) => text.has(key),
  };
}

function section(heading: string, lines: readonly string[]): string {
  return lines.length === 0 ? '' : [heading, ...lines].join('\n');
}

const bullets = (items: readonly string[]): string[] => items.map((item) => `  - ${item}`);
const numbered = (items: readonly string[]): string[] => items.map((item, i) => `  ${i + 1}. ${item}`);

function cloudName(cloud: string, words: Words): string {
  return words.has(`ui.cloud.${cloud}`) ? words.key(`ui.cloud.${cloud}`) : plainText(cloud);
}

function header(diagnosis: Diagnosis, words: Words): string {
  const title = `${VERDICT_ICON[diagnosis.verdict]} ${words.key(`ui.diagnosis.verdict.${diagnosis.verdict}`)}`;
  // No findings means nothing was read from Graph, even when the paste named a tenant.
  if (diagnosis.findings.length === 0) return `${title}\n${words.key('ui.diagnosis.scopePasteOnly')}`;
  const params = { tenant: diagnosis.tenantId ?? '?', cloud: cloudName(diagnosis.cloud ?? 'worldwide', words) };
  const scope =
    diagnosis.checkedAt === undefined
      ? words.key('ui.diagnosis.scopeTenant', params)
      : words.key('ui.diagnosis.scopeTenantDated', { ...params, checkedAt: { date: diagnosis.checkedAt } });
  return `${title}\n${scope}`;
}

function causes(diagnosis: Diagnosis, words: Words): string {
  const [top, ...others] = diagnosis.causes;
  if (top === undefined) return '';
  const confidence = (level: string): string => words.key(`ui.confidence.${level}`);
  const lines = [`${words.key(CAUSE_HEADING[diagnosis.verdict])}: ${words.ref(top.title)} (${confidence(top.confidence)})`, ...bullets(top.evidence.map(words.ref))];
  if (others.length > 0) {
    lines.push(`${words.key('ui.diagnosis.otherCauses')}:`, ...bullets(others.map((c) => `${words.ref(c.title)} (${confidence(c.confidence)})`)));
  }
  return lines.join('\n');
}

function aadsts(diagnosis: Diagnosis, words: Words): string {
  const lines = diagnosis.aadsts.flatMap((a) => [
    `  AADSTS${plainText(a.code)} (${words.key(`ui.diagnosis.aadstsFrom.${a.source}`)}): ${words.ref(a.meaning)}`,
    `    ${words.ref(a.fix)}`,
  ]);
  return section(words.key('ui.diagnosis.aadstsHeading'), lines);
}

/** When Graph refused or failed, what it answered: support asks for the request-id. */
function graphAnswer(finding: Finding, words: Words): string[] {
  const problem = finding.unknown?.problem;
  if (problem === undefined) return [];
  const answer = [problem.status, problem.graphCode, problem.aadstsCode === undefined ? undefined : `AADSTS${problem.aadstsCode}`]
    .filter((part) => part !== undefined)
    .join(' ');
  const lines: string[] = [];
  if (answer !== '') lines.push(`${words.key('ui.fact.graphAnswer')}: ${plainText(answer)}`);
  if (problem.requestId !== undefined) lines.push(`${words.key('ui.fact.graphRequestId')}: ${plainText(problem.requestId)}`);
  lines.push(`${words.key('ui.fact.problemDetail')}: ${plainText(problem.detail)}`);
  return lines;
}

function checkLines(finding: Finding, words: Words, answersShown: Set<string>): string[] {
  const titleRef = CHECK_TITLES.get(finding.checkId);
  const title = titleRef === undefined ? plainText(finding.checkId) : words.ref(titleRef);
  // A failed check's facts are the evidence (who removed what, when); a passed one's are noise here.
  const facts = finding.outcome === 'fail' ? finding.facts.map((fact) => `${words.ref(fact.label)}: ${words.ref(fact.value)}`) : [];
  // One failed sign-in fails every check the same way: its answer is shown once, under the first.
  const answer = graphAnswer(finding, words);
  const answerKey = answer.join('\n');
  const showAnswer = !answersShown.has(answerKey);
  answersShown.add(answerKey);
  const details = [words.ref(finding.summary), ...facts, ...(showAnswer ? answer : [])];
  return [`  ${OUTCOME_ICON[finding.outcome]} ${title} (${words.key(`ui.state.${finding.outcome}`)})`, ...details.map((line) => `      ${line}`)];
}

function checks(diagnosis: Diagnosis, words: Words): string {
  const heading = words.key('ui.diagnosis.checksHeading');
  if (diagnosis.findings.length === 0) return `${heading}\n  ${words.key('ui.diagnosis.noChecks')}`;
  const answersShown = new Set<string>();
  return section(heading, diagnosis.findings.flatMap((finding) => checkLines(finding, words, answersShown)));
}

/** Each URL alone on its line under its title (terminals make it clickable, a triple-click copies it whole). */
function linkLines(links: readonly FixLink[]): string[] {
  const byTitle = new Map<string, string[]>(); // several docs links share one title: say it once
  for (const link of links) byTitle.set(link.title, [...(byTitle.get(link.title) ?? []), link.url]);
  return [...byTitle].flatMap(([title, urls]) => [`  ${title}:`, ...urls.map((url) => `    ${url}`)]);
}

function fix(diagnosis: Diagnosis, links: readonly FixLink[], words: Words): string {
  const facts: string[] = [];
  const permissions = new Set<string>();
  for (const action of diagnosis.fix.actions) {
    if (action.kind === 'restore-deleted') facts.push(`${words.key('ui.fact.restorableUntil')}: ${words.date(action.restorableUntil)}`);
    if (action.kind === 'grant-bot-permission') permissions.add(plainText(action.permission));
  }
  if (permissions.size > 0) facts.push(`${words.key('ui.fact.botPermission')}: ${[...permissions].join(', ')}`);
  const lines = [
    ...numbered(diagnosis.fix.steps.map(words.ref)),
    ...facts.map((fact) => `  ${fact}`),
    ...linkLines(links),
  ];
  return section(words.key(FIX_HEADING[diagnosis.verdict]), lines);
}

function tacSummary(diagnosis: Diagnosis, words: Words): string {
  const rule = '-'.repeat(60);
  const summary = plainMultiline(diagnosis.tacSummary, TAC_SUMMARY_MAX_CHARS);
  return [words.key('ui.diagnosis.tacSummary'), words.key('ui.diagnosis.tacSummaryLabel'), rule, summary, rule].join('\n');
}

export function diagnosisReport(diagnosis: Diagnosis, options: ReportOptions): DiagnosisReport {
  const words = wordsFor(options);
  const { links, dropped } = fixLinks(diagnosis, cardText(options.language, options.translator), options);
  const sections = [
    header(diagnosis, words),
    causes(diagnosis, words),
    aadsts(diagnosis, words),
    checks(diagnosis, words),
    fix(diagnosis, links, words),
    section(words.key('ui.diagnosis.confirmHeading'), numbered(diagnosis.confirm.map(words.ref))),
    section(words.key('ui.diagnosis.blindSpotsHeading'), bullets(diagnosis.blindSpots.map(words.ref))),
    tacSummary(diagnosis, words),
  ];
  return {
    text: `${sections.filter((s) => s !== '').join('\n\n')}\n`,
    warnings: dropped.map((kind) => `fix action "${kind}" left out: its URL is not https on an allowed host`),
  };
}
