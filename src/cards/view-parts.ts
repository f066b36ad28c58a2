/** Shapes the card templates bind to (`$data` rows), shared by every card. All strings are display-ready. */
export interface FactView {
  title: string;
  value: string;
}

export interface LineView {
  text: string;
}

/** At most `max` items, and how many were left out, so a card can say "+N more" instead of growing unbounded. */
export function limit<T>(items: readonly T[], max: number): { shown: T[]; hidden: number } {
  return { shown: items.slice(0, max), hidden: Math.max(0, items.length - max) };
}

export function lines(texts: readonly string[]): LineView[] {
  return texts.map((text) => ({ text }));
}

/** "1. …", "2. …": numbered by us, so each step can be its own TextBlock. */
export function numbered(texts: readonly string[]): LineView[] {
  return texts.map((text, index) => ({ text: `${index + 1}. ${text}` }));
}
