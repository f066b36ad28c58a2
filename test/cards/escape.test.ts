import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeMarkdown, plainMultiline, plainText, unescapeMarkdown } from '../../src/cards/escape.js';

/** Characters that start Markdown / Adaptive Cards syntax anywhere; each must be preceded by a backslash. */
const ACTIVE = new Set(['\\', '`', '*', '[', ']', '(', ')', '<', '>', '&', '{', '}', '~', '!', '|']);

/** The characters of `text` that are not escaped, scanning escapes the way CommonMark does. */
function unescaped(text: string): string[] {
  const found: string[] = [];
  const chars = Array.from(text);
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] as string;
    if (c === '\\' && i + 1 < chars.length) {
      i++; // the next character is literal
      continue;
    }
    if (ACTIVE.has(c)) found.push(c);
  }
  return found;
}

const markdownish = fc.string({
  unit: fc.constantFrom(...'ab1_ *[]()<>&{}~!|#-+=.:/\\`\n\t@ATLAS\u202E\u200Bé日'.split('')),
  maxLength: 80,
});

describe('escapeMarkdown', () => {
  it('leaves no syntax character unescaped, whatever the input', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), markdownish), (input) => {
        expect(unescaped(escapeMarkdown(input))).toEqual([]);
      }),
    );
  });

  it('shows exactly the cleaned text once the escapes are read (nothing lost, nothing added)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), markdownish), (input) => {
        expect(unescapeMarkdown(escapeMarkdown(input))).toBe(plainText(input));
      }),
    );
  });

  it('never lets a URL scheme or a domain stand whole (no auto-link)', () => {
    fc.assert(
      fc.property(fc.webUrl(), (url) => {
        const out = escapeMarkdown(url);
        expect(out).not.toMatch(/(?<!\\):\/\//); // "://" only as "\://"
        expect(out).not.toMatch(/[\p{L}\p{N}]\.[\p{L}\p{N}]/u); // a domain dot only as "\."
      }),
      { numRuns: 50 },
    );
    expect(escapeMarkdown('see www.evil.example or admin@contoso.com')).toBe('see www\\.evil\\.example or admin@contoso\\.com');
  });

  it('keeps tracking ids and GUIDs copyable (intraword underscores are not emphasis)', () => {
    const id = 'ATLAS_497d70df-8811-4b6b-9b6a-ef4f438b57f6_136';
    expect(escapeMarkdown(id)).toBe(id);
    expect(escapeMarkdown('_lead and trail_')).toBe('\\_lead and trail\\_');
  });

  it('neutralises links, emphasis, HTML, mentions and card date functions', () => {
    expect(escapeMarkdown('[click](https://evil.example)')).toBe('\\[click\\]\\(https\\://evil\\.example\\)');
    expect(escapeMarkdown('**bold**')).toBe('\\*\\*bold\\*\\*');
    expect(escapeMarkdown('<script>')).toBe('\\<script\\>');
    expect(escapeMarkdown('<@all>')).toBe('\\<@all\\>');
    expect(escapeMarkdown('{{DATE(2017-02-14T06:08:00Z, SHORT)}}')).toBe('\\{\\{DATE\\(2017-02-14T06:08:00Z, SHORT\\)\\}\\}');
  });

  it('escapes line-start syntax (headings, lists, quotes, numbered lists)', () => {
    expect(escapeMarkdown('# title')).toBe('\\# title');
    expect(escapeMarkdown('- item')).toBe('\\- item');
    expect(escapeMarkdown('+ item')).toBe('\\+ item');
    expect(escapeMarkdown('12. item')).toBe('12\\. item');
    expect(escapeMarkdown('a - b # c')).toBe('a - b # c');
  });

  it('makes one line of any text: newlines, controls and bidi overrides gone', () => {
    expect(escapeMarkdown('a\n# b\r\n- c')).toBe('a # b - c');
    expect(escapeMarkdown('ok\u202Egnp.exe\u0007')).toBe('okgnp\\.exe');
  });

  it('cuts long text by character, never inside a surrogate pair', () => {
    const out = plainText('😀'.repeat(400), 10);
    expect(Array.from(out)).toHaveLength(10);
    expect(out.endsWith('…')).toBe(true);
    expect(out).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/); // no lone high surrogate
  });
});

describe('plainMultiline', () => {
  it('keeps line breaks (the TAC summary is multi-line) and drops controls', () => {
    expect(plainMultiline('a\r\nb\u0000c\u202E', 100)).toBe('a\nb c');
    expect(plainMultiline('abcdef', 4)).toBe('abc…');
  });
});
