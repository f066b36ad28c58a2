import { EXAMPLE_PASTE_LINES } from './example-paste.js';
import type { CardText } from './text.js';
import type { LineView } from './view-parts.js';

/**
 * What the help and need-more cards share: what the bot reads, how to get Control Hub's "Copy Debug Info",
 * and an example paste. Kept in one place so both cards (and their Markdown) say the same thing.
 */
export function exampleLines(text: CardText): LineView[] {
  return EXAMPLE_PASTE_LINES.map((line) => ({ text: text.esc(line, 1000) }));
}

/** Markdown of the shared guide; the example goes in a code block, verbatim (it is ours, not user text). */
export function guideMarkdown(text: CardText): string {
  return [
    `**${text.md('ui.common.readsHeading')}**`,
    `- ${text.md('ui.common.readsToast')}`,
    `- ${text.md('ui.common.readsDebugInfo')}`,
    `- ${text.md('ui.common.readsAadsts')}`,
    '',
    `**${text.md('ui.common.debugInfoHeading')}**`,
    `1. ${text.md('ui.common.debugInfoStep1')}`,
    `2. ${text.md('ui.common.debugInfoStep2')}`,
    `3. ${text.md('ui.common.debugInfoStep3')}`,
    '',
    `**${text.md('ui.common.exampleHeading')}**`,
    '```',
    ...EXAMPLE_PASTE_LINES,
    '```',
  ].join('\n');
}
