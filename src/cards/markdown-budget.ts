/** Webex refuses message text/markdown above this many bytes (UTF-8). */
export const WEBEX_MARKDOWN_MAX_BYTES = 7439;

/** A block of a Markdown message; essential blocks are always kept, optional ones only while they fit. */
export interface MarkdownBlock {
  text: string;
  essential: boolean;
}

const bytes = (text: string): number => Buffer.byteLength(text, 'utf8');

/**
 * Joins blocks (blank line between) within the byte budget, keeping their order: essentials first claim their
 * room, then optional blocks in order while they fit. If essentials alone overflow (only with absurd input),
 * the text is cut at a line end, never inside a multi-byte character or right after an escaping backslash.
 */
export function fitMarkdown(blocks: readonly MarkdownBlock[], maxBytes: number = WEBEX_MARKDOWN_MAX_BYTES): string {
  const separator = '\n\n';
  const present = blocks.filter((b) => b.text.trim() !== '');
  const kept = new Set(present.filter((b) => b.essential));
  let used = [...kept].reduce((sum, b) => sum + bytes(b.text) + bytes(separator), 0);
  for (const block of present) {
    if (block.essential) continue;
    const cost = bytes(block.text) + bytes(separator);
    if (used + cost <= maxBytes) {
      kept.add(block);
      used += cost;
    }
  }
  const text = present
    .filter((b) => kept.has(b))
    .map((b) => b.text)
    .join(separator);
  return bytes(text) <= maxBytes ? text : cutAtLine(text, maxBytes);
}

function cutAtLine(text: string, maxBytes: number): string {
  const ellipsis = '\n…';
  let out = '';
  for (const line of text.split('\n')) {
    const next = out === '' ? line : `${out}\n${line}`;
    if (bytes(next) + bytes(ellipsis) > maxBytes) break;
    out = next;
  }
  if (out === '') {
    // A single enormous line: cut by code point, then drop a trailing backslash that would escape the ellipsis.
    let size = bytes(ellipsis);
    for (const char of text) {
      size += bytes(char);
      if (size > maxBytes) break;
      out += char;
    }
    out = out.replace(/\\+$/, '');
  }
  return `${out}${ellipsis}`;
}
