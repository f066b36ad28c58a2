import type { Language } from '../i18n/message.js';
import { firstCardThatFits } from './card-size.js';
import { exampleLines, guideMarkdown } from './guide.js';
import { fitMarkdown } from './markdown-budget.js';
import { cardText } from './text.js';
import type { RenderedMessage } from './types.js';

/** The `help` answer (and the greeting when the bot is added to a space): cards/help.json plus Markdown. */
export function renderHelp(language: Language): RenderedMessage {
  const text = cardText(language);
  const commands = [
    { title: 'help', value: text.md('ui.help.cmdHelp') },
    { title: 'check', value: text.md('ui.help.cmdCheck') },
    { title: 'language ‹code›', value: text.md('ui.help.cmdLanguage') },
    { title: 'history', value: text.md('ui.help.cmdHistory') },
    { title: 'export', value: text.md('ui.help.cmdExport') },
    { title: 'watch', value: text.md('ui.help.cmdWatch') },
    { title: 'unwatch', value: text.md('ui.help.cmdUnwatch') },
    { title: 'status', value: text.md('ui.help.cmdStatus') },
  ];
  const warnings: string[] = [];
  const card = firstCardThatFits(
    'help',
    [() => ({ lang: language, labels: { ...text.labels('common'), ...text.labels('help') }, commands, example: exampleLines(text) })],
    warnings,
  );
  const markdown = fitMarkdown([
    { text: `🩺 **${text.md('ui.help.title')}**\n${text.md('ui.help.intro')}`, essential: true },
    {
      text: [`**${text.md('ui.help.commandsHeading')}**`, ...commands.map((c) => `- **${c.title}**: ${c.value}`)].join('\n'),
      essential: true,
    },
    { text: guideMarkdown(text), essential: false },
    { text: text.md('ui.common.neverSecrets'), essential: false },
  ]);
  return { markdown, ...(card === undefined ? {} : { card }), ...(warnings.length === 0 ? {} : { warnings }) };
}
