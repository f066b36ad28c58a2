import type { Diagnosis } from '../../diagnosis/types.js';
import { fitMarkdown, type MarkdownBlock } from '../markdown-budget.js';
import { markdownLinkTarget } from '../safe-url.js';
import type { CardText } from '../text.js';
import { limit } from '../view-parts.js';
import { changeLines } from './checks.js';
import type { FixLink } from './fix.js';
import { confidenceWord, scopeLine, verdictTitle } from './view.js';

const MAX_STEPS = 6;
const MAX_BLIND_SPOTS = 4;

/**
 * The diagnosis as Webex Markdown: what a client without card support shows, and what a screen reader or a
 * notification reads. Verdict, cause, fix link(s) and tracking id always; steps and blind spots if they fit.
 */
export function diagnosisMarkdown(
  diagnosis: Diagnosis,
  context: { previous?: Diagnosis; links: readonly FixLink[] },
  text: CardText,
): string {
  const verdict = verdictTitle(diagnosis.verdict, text);
  const top = diagnosis.causes[0];
  const blocks: MarkdownBlock[] = [
    { text: `${verdict.icon} **${verdict.title}**\n${scopeLine(diagnosis, text)}`, essential: true },
  ];
  if (context.previous !== undefined) {
    const changes = changeLines(diagnosis, context.previous, text).map((line) => `- ${line.text}`);
    blocks.push({ text: `**${text.md('ui.diagnosis.whatChanged')}**\n${changes.join('\n')}`, essential: false });
  }
  if (top !== undefined) {
    blocks.push({
      text: `**${text.md('ui.md.causeLabel')}** ${text.mdRef(top.title)} (${confidenceWord(top, text)})`,
      essential: true,
    });
  }
  if (context.links.length > 0) {
    const links = context.links.map((link) => `[${text.esc(link.title)}](${markdownLinkTarget(link.url)})`).join(' · ');
    blocks.push({ text: `**${text.md('ui.md.fixLabel')}** ${links}`, essential: true });
  }
  const steps = limit(diagnosis.fix.steps, MAX_STEPS).shown.map((step, i) => `${i + 1}. ${text.mdRef(step)}`);
  if (steps.length > 0) blocks.push({ text: steps.join('\n'), essential: false });
  const trackingId = diagnosis.evidence.trackingIds[0];
  if (trackingId !== undefined) {
    blocks.push({ text: `**${text.md('ui.md.trackingLabel')}** ${text.esc(trackingId)}`, essential: true });
  }
  const blindSpots = limit(diagnosis.blindSpots, MAX_BLIND_SPOTS).shown.map((b) => `- ${text.mdRef(b)}`);
  if (blindSpots.length > 0) {
    blocks.push({ text: `⚠️ **${text.md('ui.diagnosis.blindSpotsHeading')}**\n${blindSpots.join('\n')}`, essential: false });
  }
  blocks.push({ text: text.md('ui.md.reverifyHint'), essential: true });
  return fitMarkdown(blocks);
}
