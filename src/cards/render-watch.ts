import type { UnknownReason } from '../checks/types.js';
import type { Language } from '../i18n/message.js';
import type { CheckChange, WatchedOutcome } from '../watch/transitions.js';
import type { CheckStatus, RoomWatchStatus, WatchEvent } from '../watch/types.js';
import { fitMarkdown } from './markdown-budget.js';
import { checkTitle, OUTCOME_ICON } from './diagnosis/checks.js';
import { renderDiagnosis } from './render-diagnosis.js';
import { cardText, type CardText } from './text.js';
import type { RenderedMessage } from './types.js';
import type { UrlPolicy } from './safe-url.js';

/** Shown when the watcher's interval is not passed in: the default of WATCH_INTERVAL_MINUTES. */
const DEFAULT_INTERVAL_MINUTES = 60;

/**
 * Why a check is unknown, from the kind alone: the status keeps only the kind, not the problem's details (the
 * missing permission, the AADSTS code), so the unnamed variants are used. Never shown as healthy.
 */
const UNKNOWN_NOTE: Record<UnknownReason['kind'], string> = {
  permission: 'ui.unknown.permissionUnnamed',
  auth: 'ui.unknown.authUncoded',
  prerequisite: 'ui.unknown.prerequisiteUnnamed',
  throttled: 'ui.unknown.throttled',
  timeout: 'ui.unknown.timeout',
  unreachable: 'ui.unknown.unreachable',
  error: 'ui.unknown.error',
};

const CHANGE_ICON: Record<WatchedOutcome, string> = { pass: OUTCOME_ICON.pass, fail: OUTCOME_ICON.fail, blind: OUTCOME_ICON.unknown };

function unknownNote(kind: UnknownReason['kind'] | undefined, text: CardText): string {
  return text.md(kind === undefined ? 'ui.unknown.unspecified' : UNKNOWN_NOTE[kind]);
}

function statusLine(check: CheckStatus, text: CardText): string {
  const line = `- ${OUTCOME_ICON[check.outcome]} ${checkTitle(check.checkId, text)}`;
  return check.outcome === 'unknown' ? `${line} — ${unknownNote(check.unknown, text)}` : line;
}

/** The answer to `status`: what this space watches, the last run, each check's last outcome (unknowns with their reason). */
export function renderWatchStatus(status: RoomWatchStatus, language: Language, intervalMinutes: number = DEFAULT_INTERVAL_MINUTES): RenderedMessage {
  const text = cardText(language);
  const blocks = [{ text: text.md('ui.watch.status.header', { minutes: intervalMinutes }), essential: true }];
  for (const watch of status.watches) {
    const lastRun = watch.lastRunAt === undefined ? text.plain('ui.watch.status.never') : { date: watch.lastRunAt };
    const lines = [text.md('ui.watch.status.tenant', { tenantId: watch.tenantId, since: { date: watch.watchedSince }, lastRun })];
    if (watch.lastFailureAt !== undefined) lines.push(text.md('ui.watch.status.failing', { when: { date: watch.lastFailureAt } }));
    for (const check of watch.checks) lines.push(statusLine(check, text));
    blocks.push({ text: lines.join('\n'), essential: true });
  }
  for (const close of status.closeWatches) {
    const lines = [text.md('ui.watch.status.close', { until: { date: close.until } }), ...close.targets.map((checkId) => `- ${checkTitle(checkId, text)}`)];
    blocks.push({ text: lines.join('\n'), essential: false });
  }
  return { markdown: fitMarkdown(blocks) };
}

/** The headline says what kind of news it is; a recovery while something else still fails is not "back to normal". */
function headlineKey(event: WatchEvent): string {
  switch (event.kind) {
    case 'alert':
      return event.previous === undefined ? 'ui.watch.alert.firstHeader' : 'ui.watch.alert.header';
    case 'recovery':
      return event.diagnosis.verdict === 'healthy' ? 'ui.watch.recovery.header' : 'ui.watch.recovery.partialHeader';
    case 'fix-seen':
      return 'ui.watch.fixSeen.header';
  }
}

/** One line per check that changed, so the admin sees what the news is about before reading the whole card. */
function changeLines(changes: readonly CheckChange[], text: CardText): string {
  return changes
    .map((change) => {
      const line = `- ${CHANGE_ICON[change.to]} ${checkTitle(change.checkId, text)}`;
      return change.to === 'blind' ? `${line} — ${unknownNote(change.reason, text)}` : line;
    })
    .join('\n');
}

/** An alert, a recovery or "the fix landed": the diagnosis card of the run that saw it, under a headline and what changed. */
export function renderWatchEvent(event: WatchEvent, options: UrlPolicy & { language: Language; diagnosisId: string }): RenderedMessage {
  const text = cardText(options.language);
  const headline = text.md(headlineKey(event), { tenantId: event.tenantId });
  const changes = changeLines(event.changes, text);
  const rendered = renderDiagnosis(event.diagnosis, { ...options });
  const card = rendered.card as { body?: unknown[] } | undefined;
  const lead = [
    { type: 'TextBlock', text: headline, wrap: true, weight: 'Bolder', size: 'Medium' },
    ...(changes === '' ? [] : [{ type: 'TextBlock', text: changes, wrap: true }]),
  ];
  const withHeadline = card && Array.isArray(card.body) ? { ...card, body: [...lead, ...card.body] } : rendered.card;
  return {
    markdown: fitMarkdown([
      { text: headline, essential: true },
      { text: changes, essential: true },
      { text: rendered.markdown, essential: true },
    ]),
    ...(withHeadline === undefined ? {} : { card: withHeadline }),
    ...(rendered.warnings === undefined ? {} : { warnings: rendered.warnings }),
  };
}
