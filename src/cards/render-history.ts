import type { Language } from '../i18n/message.js';
import type { RunRecord } from '../store/types.js';
import { VERDICT_ICON } from './verdict-icons.js';
import { fitMarkdown, WEBEX_MARKDOWN_MAX_BYTES } from './markdown-budget.js';
import { cardText } from './text.js';
import type { RenderedMessage } from './types.js';

const EXPORT_COLUMNS = ['at', 'kind', 'outcome', 'tenantId', 'personId', 'durationMs', 'checks', 'trackingIds'] as const;

/** A CSV cell that cannot break out of the code block or the row: no backticks, separators or line breaks. */
function cell(value: string): string {
  return value.replace(/[`,;\r\n]/g, ' ').trim();
}

function exportRow(run: RunRecord): string {
  return [run.at, run.kind, run.outcome, run.tenantId, run.personId, String(run.durationMs), run.checks.join(' '), run.trackingIds.join(' ')]
    .map(cell)
    .join(',');
}

/**
 * The audit trail of check runs (`history`: the last few, readable; `export`: every row as CSV in a code block).
 * Rows are added while the message stays under Webex's size limit; the rest is counted, not silently dropped.
 */
export function renderHistory(runs: readonly RunRecord[], options: { language: Language; asExport?: boolean }): RenderedMessage {
  const text = cardText(options.language);
  if (runs.length === 0) return { markdown: text.md('ui.msg.history.empty') };
  const heading = `**${text.md('ui.msg.history.heading', { count: runs.length })}**`;
  const rows = options.asExport
    ? runs.map(exportRow)
    : runs.map((run) => {
        const parts = [
          text.date(run.at),
          text.md(`ui.msg.history.kind.${run.kind}`),
          `${VERDICT_ICON[run.outcome]} ${text.md(`ui.state.${run.outcome}`)}`,
          text.esc(run.tenantId),
        ];
        const trackingId = run.trackingIds[0];
        if (trackingId !== undefined) parts.push(text.esc(trackingId));
        return `- ${parts.join(' · ')}`;
      });
  const open = options.asExport ? `\`\`\`\n${EXPORT_COLUMNS.join(',')}` : '';
  const close = options.asExport ? '```' : '';
  // Room for the heading, the fences and the "N more" line; the rest is for rows.
  const reserve = Buffer.byteLength(`${heading}\n\n${open}\n${close}\n\n`, 'utf8') + 200;
  const shown: string[] = [];
  let used = reserve;
  for (const row of rows) {
    const cost = Buffer.byteLength(row, 'utf8') + 1;
    if (used + cost > WEBEX_MARKDOWN_MAX_BYTES) break;
    shown.push(row);
    used += cost;
  }
  const body = [open, ...shown, close].filter((line) => line !== '').join('\n');
  const hidden = rows.length - shown.length;
  return {
    markdown: fitMarkdown([
      { text: heading, essential: true },
      { text: body, essential: true },
      { text: hidden > 0 ? text.md('ui.msg.history.more', { count: hidden }) : '', essential: true },
    ]),
  };
}
