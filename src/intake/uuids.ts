/**
 * UUIDs are the backbone of every id in a paste (tracking ids, org and person ids, client request ids,
 * Entra tenant ids). They are found once, with a fixed-width pattern that cannot backtrack beyond its
 * 36 characters, and everything else classifies them by their neighbours.
 */

/** Source of a UUID pattern, for composing anchored, bounded patterns elsewhere. */
export const UUID_SOURCE = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';

const UUID_EXACT = new RegExp(`^${UUID_SOURCE}$`);

export interface UuidHit {
  /** Lower-cased. */
  value: string;
  index: number;
}

export function isUuid(value: string): boolean {
  return value.length === 36 && UUID_EXACT.test(value);
}

export function isAsciiAlnum(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/** Every UUID standing on its own (not glued to other letters or digits), in order of appearance. */
export function findUuids(text: string): UuidHit[] {
  const hits: UuidHit[] = [];
  const pattern = new RegExp(UUID_SOURCE, 'g');
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    const before = m.index > 0 ? text.charCodeAt(m.index - 1) : 0x20;
    const after = m.index + 36 < text.length ? text.charCodeAt(m.index + 36) : 0x20;
    if (isAsciiAlnum(before) || isAsciiAlnum(after)) {
      // Part of a longer token; restart just after its first character so an embedded UUID is not lost.
      pattern.lastIndex = m.index + 1;
      continue;
    }
    hits.push({ value: m[0].toLowerCase(), index: m.index });
  }
  return hits;
}

/** The first UUID in a short piece of text (a label's value), lower-cased. */
export function firstUuid(text: string): string | undefined {
  return findUuids(text)[0]?.value;
}
