import type { Diagnosis } from '../diagnosis/types.js';
import { firstCardThatFits } from './card-size.js';
import { fixLinks } from './diagnosis/fix.js';
import { diagnosisMarkdown } from './diagnosis/markdown.js';
import { COMPACT, diagnosisCardData, FULL } from './diagnosis/view.js';
import { cardText } from './text.js';
import type { RenderDiagnosisOptions, RenderedMessage } from './types.js';

/**
 * The diagnosis as one Webex message: the Adaptive Card (cards/diagnosis.json) and its Markdown fallback.
 * Links come only from the diagnosis's fix, through the URL allow-list; everything else is escaped text.
 */
export function renderDiagnosis(diagnosis: Diagnosis, options: RenderDiagnosisOptions): RenderedMessage {
  const text = cardText(options.language, options.translator);
  const { links, dropped } = fixLinks(diagnosis, text, options);
  const warnings = dropped.map((kind) => `fix action "${kind}" left out: its URL is not https on an allowed host`);
  const context = { diagnosisId: options.diagnosisId, previous: options.previous, links };
  const card = firstCardThatFits(
    'diagnosis',
    [FULL, COMPACT].map((limits) => () => diagnosisCardData(diagnosis, context, text, limits)),
    warnings,
  );
  const markdown = diagnosisMarkdown(diagnosis, context, text);
  return {
    markdown,
    ...(card === undefined ? {} : { card }),
    ...(warnings.length === 0 ? {} : { warnings }),
  };
}
