/**
 * Turns whatever an admin pasted (plain text, Markdown, HTML from the Webex client, Windows text)
 * into plain text the extractors can read with simple, anchored patterns.
 *
 * One left-to-right pass, linear in the input: every lookahead is bounded by a constant
 * (entities) or by a cached "next `>` / next newline" position that only moves forward (tags).
 *
 * What it does, and why:
 * - line ends: CRLF, CR, U+2028/2029, NEL → "\n" (Windows and copy-from-browser pastes);
 * - every kind of space (tab, NBSP, thin, ideographic…) → " ", runs collapsed to one, trailing ones
 *   dropped, so patterns need at most one optional space where a human might type several;
 * - invisible characters (zero-width U+200B–U+200F, U+FEFF, U+2060–U+2064, soft hyphen, bidi
 *   overrides) and control characters are removed: they hide inside labels and ids;
 * - smart quotes → ASCII quotes (a JSON body typed through a word processor), fullwidth ASCII
 *   (`：`, `＂`, fullwidth digits) → ASCII;
 * - Markdown: backticks and asterisks are dropped, `\_` style escapes unescaped, and at the start of
 *   a line `>` quote markers and list bullets are skipped;
 * - HTML: known tags removed (block tags become line breaks), entities decoded.
 */

const NEWLINE = -1;
const SPACE = -2;
const DROP = -3;

/** Block-level tags start a new line; the rest of the known tags are dropped without a trace. */
const BLOCK_TAGS = new Set([
  'p', 'div', 'br', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'blockquote', 'pre', 'hr', 'tr', 'table',
  'thead', 'tbody', 'section', 'article', 'header', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
]);
const INLINE_TAGS = new Set([
  'span', 'a', 'b', 'i', 'u', 's', 'em', 'strong', 'code', 'kbd', 'samp', 'del', 'ins', 'sub',
  'sup', 'small', 'mark', 'font', 'img', 'td', 'th', 'label', 'abbr', 'cite', 'q', 'tt', 'strike',
  'spark-mention', 'html', 'body', 'head', 'meta', 'style', 'title',
]);
const MAX_TAG_NAME = 20;
/** A tag longer than this, or one that crosses a line break, is treated as text. */
const MAX_TAG_LENGTH = 1024;
const MAX_ENTITY_NAME = 10;

const NAMED_ENTITIES: ReadonlyMap<string, string> = new Map([
  ['amp', '&'], ['lt', '<'], ['gt', '>'], ['quot', '"'], ['apos', "'"], ['nbsp', '\u00a0'],
  ['ldquo', '\u201c'], ['rdquo', '\u201d'], ['lsquo', '\u2018'], ['rsquo', '\u2019'],
  ['ndash', '\u2013'], ['mdash', '\u2014'], ['hellip', '\u2026'], ['shy', '\u00ad'],
  ['zwj', '\u200d'], ['zwnj', '\u200c'], ['colon', ':'], ['num', '#'], ['lowbar', '_'],
]);

/** Characters a Markdown writer escapes with a backslash; the backslash is dropped before them. */
const MARKDOWN_ESCAPABLE = new Set(['_', '*', '`', '#', '>', '[', ']', '~', '|']);

const BULLETS = new Set([0x2022, 0x00b7, 0x25e6, 0x25aa, 0x2023, 0x2043, 0x2219]);

/** Maps one UTF-16 code unit to its normalised form: a code unit, or NEWLINE / SPACE / DROP. */
function classify(c: number): number {
  if (c === 0x0a || c === 0x0b || c === 0x0c || c === 0x85 || c === 0x2028 || c === 0x2029) return NEWLINE;
  if (c === 0x09 || c === 0x20 || c === 0xa0 || c === 0x1680 || c === 0x202f || c === 0x205f || c === 0x3000) {
    return SPACE;
  }
  if (c >= 0x2000 && c <= 0x200a) return SPACE;
  if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) return DROP;
  if ((c >= 0x200b && c <= 0x200f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2060 && c <= 0x2069)) return DROP;
  if (c === 0xfeff || c === 0x00ad || c === 0x180e) return DROP;
  if (c === 0x60 || c === 0x2a) return DROP; // Markdown code and emphasis markers
  if (c === 0x201c || c === 0x201d || c === 0x201e || c === 0x201f || c === 0x2033 || c === 0x2036) return 0x22;
  if (c === 0x2018 || c === 0x2019 || c === 0x201a || c === 0x201b || c === 0x2032 || c === 0x2035) return 0x27;
  if (c >= 0xff01 && c <= 0xff5e) return c - 0xfee0; // fullwidth ASCII, e.g. the Japanese "："
  return c;
}

/** Collects output code units; owns the whitespace and start-of-line rules. */
class Output {
  private readonly units: number[] = [];
  private pendingSpace = false;
  private atLineStart = true;
  /** A "-" at the start of a line: a bullet if a space follows, text otherwise. */
  private pendingDash = false;

  push(unit: number): void {
    const c = classify(unit);
    if (c === DROP) return;
    if (c === NEWLINE) return this.newline();
    if (c === SPACE) {
      if (this.atLineStart) this.pendingDash = false;
      else this.pendingSpace = true;
      return;
    }
    if (this.atLineStart) {
      if (c === 0x3e || BULLETS.has(c)) return; // quote markers and bullets
      if (c === 0x2d && !this.pendingDash) {
        this.pendingDash = true;
        return;
      }
      this.flushDash();
      this.atLineStart = false;
    } else if (this.pendingSpace) {
      this.units.push(0x20);
    }
    this.pendingSpace = false;
    this.units.push(c);
  }

  pushString(text: string): void {
    for (let k = 0; k < text.length; k++) this.push(text.charCodeAt(k));
  }

  newline(): void {
    this.flushDash();
    this.pendingSpace = false;
    this.atLineStart = true;
    this.units.push(0x0a);
  }

  toString(): string {
    this.flushDash();
    const chunks: string[] = [];
    const CHUNK = 8192; // String.fromCharCode's argument list must stay small
    for (let k = 0; k < this.units.length; k += CHUNK) {
      chunks.push(String.fromCharCode(...this.units.slice(k, k + CHUNK)));
    }
    return chunks.join('');
  }

  private flushDash(): void {
    if (this.pendingDash) this.units.push(0x2d);
    this.pendingDash = false;
  }
}

/** Remembers the next position of a character so repeated lookups stay linear overall. */
class NextIndex {
  private cached = -1;
  constructor(
    private readonly text: string,
    private readonly needle: string,
  ) {}

  from(position: number): number {
    if (this.cached === this.text.length || this.cached >= position) return this.cached;
    const found = this.text.indexOf(this.needle, position);
    this.cached = found === -1 ? this.text.length : found;
    return this.cached;
  }
}

function isTagNameChar(c: number, first: boolean): boolean {
  const letter = (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
  return first ? letter : letter || (c >= 0x30 && c <= 0x39) || c === 0x2d;
}

/** If a known HTML tag starts at `start` (a "<"), returns its kind and the index of its ">". */
function readTag(
  text: string,
  start: number,
  nextGt: NextIndex,
  nextNewline: NextIndex,
): { end: number; block: boolean } | undefined {
  let j = start + 1;
  if (text.charCodeAt(j) === 0x2f) j++; // closing tag
  const nameStart = j;
  while (j < text.length && j - nameStart < MAX_TAG_NAME && isTagNameChar(text.charCodeAt(j), j === nameStart)) j++;
  const name = text.slice(nameStart, j).toLowerCase();
  const block = BLOCK_TAGS.has(name);
  if (!block && !INLINE_TAGS.has(name)) return undefined;
  const after = text.charCodeAt(j);
  if (after !== 0x3e && after !== 0x2f && after !== 0x20 && after !== 0x09) return undefined;
  const end = nextGt.from(j);
  if (end >= text.length || end - start > MAX_TAG_LENGTH || nextNewline.from(j) < end) return undefined;
  return { end, block };
}

/** If an HTML entity starts at `start` (an "&"), returns its text and the index of its ";". */
function readEntity(text: string, start: number): { end: number; value: string } | undefined {
  let j = start + 1;
  while (j < text.length && j - start <= MAX_ENTITY_NAME && text.charCodeAt(j) !== 0x3b) {
    const c = text.charCodeAt(j);
    const alnum = (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
    if (!alnum && !(c === 0x23 && j === start + 1)) return undefined;
    j++;
  }
  if (text.charCodeAt(j) !== 0x3b) return undefined;
  const name = text.slice(start + 1, j);
  const named = NAMED_ENTITIES.get(name.toLowerCase());
  if (named !== undefined) return { end: j, value: named };
  if (!name.startsWith('#')) return undefined;
  const hex = name[1] === 'x' || name[1] === 'X';
  const digits = name.slice(hex ? 2 : 1);
  if (digits.length === 0 || !(hex ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/).test(digits)) return undefined;
  const codePoint = Number.parseInt(digits, hex ? 16 : 10);
  if (codePoint === 0 || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) return undefined;
  return { end: j, value: String.fromCodePoint(codePoint) };
}

export function normalizePaste(text: string): string {
  const out = new Output();
  const nextGt = new NextIndex(text, '>');
  const nextNewline = new NextIndex(text, '\n');
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0d) {
      if (text.charCodeAt(i + 1) !== 0x0a) out.newline(); // CRLF: the LF that follows makes the break
    } else if (c === 0x3c) {
      const tag = readTag(text, i, nextGt, nextNewline);
      if (tag === undefined) out.push(c);
      else {
        if (tag.block) out.newline();
        i = tag.end;
      }
    } else if (c === 0x26) {
      const entity = readEntity(text, i);
      if (entity === undefined) out.push(c);
      else {
        // Decoded characters go through the same rules (&nbsp; is a space), but never start a tag.
        out.pushString(entity.value);
        i = entity.end;
      }
    } else if (c === 0x5c && MARKDOWN_ESCAPABLE.has(text[i + 1] ?? '')) {
      // Markdown escape such as ATLAS\_…: keep the escaped character, drop the backslash.
    } else {
      out.push(c);
    }
  }
  return out.toString();
}
