import type { Evidence } from '../intake/evidence.js';
import type { Language } from '../i18n/message.js';
import { firstCardThatFits } from './card-size.js';
import { exampleLines, guideMarkdown } from './guide.js';
import { fitMarkdown } from './markdown-budget.js';
import { cardText } from './text.js';
import type { RenderedMessage } from './types.js';

/**
 * The answer to a message with nothing diagnosable in it: what the bot can read, how to get it, an example,
 * and which of the fields it looks for were not found (Evidence.missing).
 */
export function renderNeedMore(evidence: Evidence, language: Language): RenderedMessage {
  const text = cardText(language);
  const missing = evidence.missing.map((field) => ({ text: text.md(`ui.field.${field}`) }));
  const warnings: string[] = [];
  const card = firstCardThatFits(
    'need-more',
    [
      () => ({
        lang: language,
        labels: { ...text.labels('common'), ...text.labels('needMore') },
        truncated: evidence.truncated,
        hasMissing: missing.length > 0,
        missing,
        example: exampleLines(text),
      }),
    ],
    warnings,
  );
  const markdown = fitMarkdown([
    { text: `🔎 **${text.md('ui.needMore.title')}**\n${text.md('ui.needMore.intro')}`, essential: true },
    { text: evidence.truncated ? text.md('ui.needMore.truncated') : '', essential: true },
    {
      text: missing.length > 0 ? [`**${text.md('ui.needMore.missingHeading')}**`, ...missing.map((m) => `- ${m.text}`)].join('\n') : '',
      essential: false,
    },
    { text: guideMarkdown(text), essential: false },
    { text: text.md('ui.needMore.tryCheck'), essential: true },
  ]);
  return { markdown, ...(card === undefined ? {} : { card }), ...(warnings.length === 0 ? {} : { warnings }) };
}
