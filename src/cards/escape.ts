/**
 * Text that may come from a hostile paste (or from a directory an attacker can name things in) is shown in
 * Adaptive Card TextBlocks / FactSets and in Webex Markdown. Both parse Markdown, so such text must never be
 * able to form a link, emphasis, a heading, a list, an HTML tag, a Webex mention (`<@all>`) or an Adaptive
 * Cards `{{DATE()}}` function. Backslash escapes are CommonMark's own way to say "this character is literal",
 * and they vanish when rendered, so ids, UPNs and permission names stay copyable. The dots of a domain and the
 * colon of "scheme://" are escaped too: linkifiers work on parsed text runs, and an escape splits the run, so
 * "evil\.example" or "https\://…" is never turned into a link.
 */

/** Longest piece of untrusted text we show, in characters: enough for any id or URL, short enough for card limits. */
export const MAX_UNTRUSTED_CHARS = 300;

const CONTROL_CHARS = /\p{Cc}/gu;
// Bidi overrides could make "moc.live//:sptth" read as a trusted URL; zero-width characters could hide text.
const INVISIBLE_CHARS = /[\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

/** Characters that are Markdown (or Adaptive Cards text-function) syntax wherever they stand. */
const ALWAYS_ESCAPED = new Set(['\\', '`', '*', '[', ']', '(', ')', '<', '>', '&', '{', '}', '~', '!', '|']);
/** Characters that are syntax only at the start of a line (headings, lists, quotes, setext underlines). */
const ESCAPED_AT_START = new Set(['#', '-', '+', '=']);

const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * Untrusted text made safe to display as plain text: control and invisible characters removed, whitespace
 * (newlines included: a value is one line) collapsed, and cut to `maxChars` with an ellipsis.
 */
export function plainText(value: string, maxChars: number = MAX_UNTRUSTED_CHARS): string {
  const cleaned = value
    .replace(CONTROL_CHARS, ' ')
    .replace(INVISIBLE_CHARS, '')
    .replace(/\s+/g, ' ')
    .trim();
  const chars = Array.from(cleaned); // by code point: never split a surrogate pair
  return chars.length <= maxChars ? cleaned : `${chars.slice(0, maxChars - 1).join('')}…`;
}

/**
 * Untrusted multi-line text for a plain-text field (the TAC summary's Input.Text value): line breaks kept,
 * control and invisible characters removed, cut to `maxChars`.
 */
export function plainMultiline(value: string, maxChars: number): string {
  const cleaned = value
    .replace(/\r\n?/g, '\n')
    .replace(/(?![\n\t])\p{Cc}/gu, ' ')
    .replace(INVISIBLE_CHARS, '');
  const chars = Array.from(cleaned);
  return chars.length <= maxChars ? cleaned : `${chars.slice(0, maxChars - 1).join('')}…`;
}

/** Untrusted text made inert for a Markdown context (card TextBlock/FactSet, Webex message Markdown). */
export function escapeMarkdown(value: string, maxChars: number = MAX_UNTRUSTED_CHARS): string {
  const chars = Array.from(plainText(value, maxChars));
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] as string;
    const before = chars[i - 1];
    const after = chars[i + 1];
    if (ALWAYS_ESCAPED.has(c) || (i === 0 && ESCAPED_AT_START.has(c))) {
      out += `\\${c}`;
    } else if (c === '_') {
      // An underscore between two letters/digits never starts emphasis (CommonMark's flanking rules), so
      // tracking ids like ATLAS_497d…_136 stay clean and copyable; anywhere else it is escaped.
      const intraword = before !== undefined && after !== undefined && WORD_CHAR.test(before) && WORD_CHAR.test(after);
      out += intraword ? c : '\\_';
    } else if (c === '.' && /^\d+$/.test(chars.slice(0, i).join('')) && i > 0) {
      out += '\\.'; // "1. text" at the start would become an ordered list
    } else if (c === ':' && after === '/' && chars[i + 2] === '/') {
      out += '\\:'; // "https://…": no auto-link
    } else if (c === '.' && before !== undefined && after !== undefined && WORD_CHAR.test(before) && WORD_CHAR.test(after)) {
      out += '\\.'; // "evil.com", "www.evil.com", "a@b.com": no auto-link
    } else {
      out += c;
    }
  }
  return out;
}

/** The inverse of escapeMarkdown's escaping (not of its clean-up): what a Markdown renderer shows. */
export function unescapeMarkdown(text: string): string {
  return text.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}
