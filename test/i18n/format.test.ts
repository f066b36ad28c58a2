import { describe, expect, it } from 'vitest';
import { fillPlaceholders, formatDateTime, placeholdersOf } from '../../src/i18n/format.js';
import { LANGUAGES } from '../../src/i18n/message.js';

describe('fillPlaceholders', () => {
  it('substitutes every occurrence and escapes only the values, never the template', () => {
    const out = fillPlaceholders('**{who}** and {who} on {n}', { who: 'a*b', n: 701018 }, 'en', (v) => v.replace('*', '\\*'));
    expect(out).toBe('**a\\*b** and a\\*b on 701018');
  });

  it('keeps a placeholder without a value visible', () => {
    expect(fillPlaceholders('Hello {name}, {other}', { name: 'Ada' }, 'en')).toBe('Hello Ada, {other}');
    expect(fillPlaceholders('Hello {name}', undefined, 'en')).toBe('Hello {name}');
  });

  it('does not read inherited properties as parameters', () => {
    expect(fillPlaceholders('{toString} {constructor}', {}, 'en')).toBe('{toString} {constructor}');
  });

  it('does not substitute inside substituted values (no second pass)', () => {
    expect(fillPlaceholders('{a}', { a: '{b}', b: 'nope' }, 'en')).toBe('{b}');
  });

  it('lists placeholders sorted and once', () => {
    expect(placeholdersOf('{b} {a} {b} {x.y-z}')).toEqual(['a', 'b', 'x.y-z']);
  });
});

describe('formatDateTime', () => {
  const iso = '2023-05-21T22:31:07Z';

  it('formats in UTC and says so in every language', () => {
    for (const language of LANGUAGES) {
      const text = formatDateTime(iso, language);
      expect(text, language).toContain('UTC');
      expect(text, language).toMatch(/22:31/); // 24-hour clock, in UTC whatever the machine's zone
      expect(text, language).toContain('2023');
    }
  });

  it("uses each language's own date words", () => {
    expect(formatDateTime(iso, 'en')).toContain('May');
    expect(formatDateTime(iso, 'fr')).toContain('mai');
    expect(formatDateTime(iso, 'ja')).toContain('2023年5月21日');
    expect(formatDateTime(iso, 'de')).toContain('Mai');
  });

  it('formats {date} parameters through fillPlaceholders', () => {
    expect(fillPlaceholders('on {when}', { when: { date: iso } }, 'fr')).toBe(`on ${formatDateTime(iso, 'fr')}`);
  });

  it('shows something that is not a date as it came', () => {
    expect(formatDateTime('yesterday-ish', 'en')).toBe('yesterday-ish');
  });
});
