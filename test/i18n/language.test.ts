import { describe, expect, it } from 'vitest';
import { normalizeLanguageTag, pickLanguage } from '../../src/i18n/language.js';

describe('pickLanguage', () => {
  it("lets the person's preference win over the paste's language", () => {
    expect(pickLanguage('ja', 'fr')).toBe('fr');
  });

  it("uses the paste's language without a usable preference", () => {
    expect(pickLanguage('ja')).toBe('ja');
    expect(pickLanguage('ja', null)).toBe('ja');
    expect(pickLanguage('ja', 'klingon')).toBe('ja');
    expect(pickLanguage('fr', '')).toBe('fr');
  });

  it('accepts regional and differently written tags', () => {
    expect(pickLanguage('en', 'pt-BR')).toBe('pt');
    expect(pickLanguage('en', 'zh_Hans')).toBe('zh');
    expect(pickLanguage('en', ' JA ')).toBe('ja');
  });
});

describe('normalizeLanguageTag', () => {
  it('keeps only languages the bot speaks', () => {
    expect(normalizeLanguageTag('fr-CA')).toBe('fr');
    expect(normalizeLanguageTag('ko-KR')).toBe('ko');
    expect(normalizeLanguageTag('nl')).toBeUndefined();
    expect(normalizeLanguageTag(undefined)).toBeUndefined();
  });
});
