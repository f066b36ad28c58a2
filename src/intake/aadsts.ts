import type { AadstsMention } from './evidence.js';

/**
 * Microsoft sign-in errors: "AADSTS700016: Application with identifier '…' was not found in the
 * directory '…'. … Trace ID: … Correlation ID: … Timestamp: …". The text runs to the end of the line,
 * the next AADSTS code, or the trailer of ids and timestamps Microsoft appends.
 */

const AADSTS = /AADSTS(\d{4,8})(?![0-9])/g;
const MAX_TEXT = 400;
const TRAILERS = ['Trace ID:', 'Correlation ID:', 'Timestamp:', '\\r\\n', '\\n', 'AADSTS'];

/** `insideJsonString`: the code opened a JSON string value, so its closing quote ends the text. */
function textAfter(text: string, from: number, insideJsonString: boolean): string | undefined {
  let snippet = text.slice(from, from + MAX_TEXT);
  const lineEnd = snippet.indexOf('\n');
  if (lineEnd !== -1) snippet = snippet.slice(0, lineEnd);
  for (const trailer of insideJsonString ? [...TRAILERS, '"'] : TRAILERS) {
    const at = snippet.indexOf(trailer);
    if (at !== -1) snippet = snippet.slice(0, at);
  }
  snippet = snippet.replace(/^ ?[:,-]? ?/, '').trim();
  return snippet === '' ? undefined : snippet;
}

/** Each AADSTS code once, in order of appearance, with the first non-empty text seen for it. */
export function findAadsts(text: string): AadstsMention[] {
  const byCode = new Map<string, AadstsMention>();
  for (const m of text.matchAll(AADSTS)) {
    const code = m[1] ?? '';
    const found = textAfter(text, m.index + m[0].length, text.charAt(m.index - 1) === '"');
    const known = byCode.get(code);
    if (known === undefined) byCode.set(code, found === undefined ? { code } : { code, text: found });
    else if (known.text === undefined && found !== undefined) known.text = found;
  }
  return [...byCode.values()];
}
