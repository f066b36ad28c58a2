import type { Language } from '../i18n/message.js';
import type { RoomWatchStatus, WatchEvent } from '../watch/types.js';
import { fitMarkdown } from './markdown-budget.js';
import { checkTitle, OUTCOME_ICON } from './diagnosis/checks.js';
import { renderDiagnosis } from './render-diagnosis.js';
import { cardText } from './text.js';
import type { RenderedMessage } from './types.js';
import type { UrlPolicy } from './safe-url.js';

/** The answer to `status`: what this space watches, the last run, each check's last outcome. */
export function renderWatchStatus(status: RoomWatchStatus, language: Language, intervalMinutes?: number): RenderedMessage {
  const text = cardText(language);
  const blocks = [{ text: text.md('ui.watch.status.header', { minutes: intervalMinutes ?? 60 }), essential: true }];
  for (const watch of status.watches) {
    const lastRun = watch.lastRunAt === undefined ? text.plain('ui.watch.status.never') : { date: watch.lastRunAt };
    const lines = [text.md('ui.watch.status.tenant', { tenantId: watch.tenantId, since: { date: watch.watchedSince }, lastRun })];
    if (watch.lastFailureAt !== undefined) lines.push(text.md('ui.watch.status.failing', { when: { date: watch.lastFailureAt } }));
    for (const check of watch.checks) lines.push(`- ${OUTCOME_ICON[check.outcome]} ${checkTitle(check.checkId, text)}`);
    blocks.push({ text: lines.join('\n'), essential: true });
  }
  for (const close of status.closeWatches) {
    blocks.push({ text: text.md('ui.watch.status.close', { until: { date: close.until }, checks: close.targets.join(', ') }), essential: false });
  }
  return { markdown: fitMarkdown(blocks) };
}

/** An alert, a recovery or "the fix landed": the diagnosis card of the run that saw it, under a headline. */
export function renderWatchEvent(event: WatchEvent, options: UrlPolicy & { language: Language; diagnosisId: string }): RenderedMessage {
  const text = cardText(options.language);
  const headlineKey = { alert: 'ui.watch.alert.header', recovery: 'ui.watch.recovery.header', 'fix-seen': 'ui.watch.fixSeen.header' }[event.kind];
  const headline = text.md(headlineKey, { tenantId: event.tenantId });
  const rendered = renderDiagnosis(event.diagnosis, { ...options });
  const card = rendered.card as { body?: unknown[] } | undefined;
  const withHeadline = card && Array.isArray(card.body) ? { ...card, body: [{ type: 'TextBlock', text: headline, wrap: true, weight: 'Bolder', size: 'Medium' }, ...card.body] } : rendered.card;
  return {
    markdown: fitMarkdown([
      { text: headline, essential: true },
      { text: rendered.markdown, essential: true },
    ]),
    ...(withHeadline === undefined ? {} : { card: withHeadline }),
    ...(rendered.warnings === undefined ? {} : { warnings: rendered.warnings }),
  };
}
