import type { CardTemplateName } from './templates.js';
import { expandCardTemplate } from './templates.js';

/** Webex's limit for a card attachment's JSON. */
export const WEBEX_CARD_MAX_BYTES = 28 * 1024;
/** What we allow ourselves: the attachment travels inside a message with its own fields. */
export const CARD_BUDGET_BYTES = 24_000;

export function jsonBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value), 'utf8');
}

/**
 * Expands a template with the first data variant whose card fits the budget (variants go from fullest to
 * leanest). No card at all (Markdown only) beats a card Webex would refuse or one with an unbound field.
 */
export function firstCardThatFits(
  name: CardTemplateName,
  variants: readonly (() => object)[],
  warnings: string[],
): object | undefined {
  for (const [index, data] of variants.entries()) {
    let card: object;
    try {
      card = expandCardTemplate(name, data());
    } catch (error) {
      warnings.push(`the ${name} card could not be built, sent as Markdown only: ${(error as Error).message}`);
      return undefined;
    }
    const size = jsonBytes(card);
    if (size <= CARD_BUDGET_BYTES) return card;
    warnings.push(`the ${name} card (variant ${index + 1}) is ${size} bytes, over the ${CARD_BUDGET_BYTES}-byte budget`);
  }
  return undefined;
}
