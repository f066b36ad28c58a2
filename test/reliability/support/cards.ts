import { walk } from '../../cards/validate-card.js';

/** One line of the card's "Checks in your tenant" list: its icon, its title and what the bot found. */
export interface CheckRow {
  icon: string;
  title: string;
  detail: string;
}

/** The check rows of a diagnosis card (ColumnSets of an icon column and a title + detail column). */
export function checkRows(card: object | undefined): CheckRow[] {
  const rows: CheckRow[] = [];
  walk(card, (node) => {
    if (node.type !== 'ColumnSet' || !Array.isArray(node.columns) || node.columns.length !== 2) return;
    const [iconColumn, textColumn] = node.columns as { items?: { text?: unknown }[] }[];
    const icon = iconColumn?.items?.[0]?.text;
    const [title, detail] = (textColumn?.items ?? []).map((item) => item.text);
    if (typeof icon === 'string' && typeof title === 'string' && typeof detail === 'string') rows.push({ icon, title, detail });
  });
  return rows;
}

/** Every string a card shows or carries (texts, values, titles, URLs), to search it as a whole. */
export function cardStrings(card: object | undefined): string[] {
  const strings: string[] = [];
  walk(card, (node) => {
    for (const value of Object.values(node)) if (typeof value === 'string') strings.push(value);
  });
  return strings;
}
