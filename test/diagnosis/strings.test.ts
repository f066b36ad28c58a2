import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { projectPath } from '../../src/paths.js';
import { checkTitles, corpus, messageRefs } from './corpus.js';

type Strings = Record<string, string>;
const LANGS = ['en', 'ja', 'fr'] as const;

function load(lang: string): Strings {
  return JSON.parse(readFileSync(projectPath('cards', 'i18n', lang, 'diagnosis.json'), 'utf8')) as Strings;
}

function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? ''))].sort();
}

const strings = Object.fromEntries(LANGS.map((l) => [l, load(l)])) as Record<(typeof LANGS)[number], Strings>;
const emitted = [...corpus().flatMap((d) => messageRefs(d)), ...checkTitles()];

describe('diagnosis strings (cards/i18n/<lang>/diagnosis.json)', () => {
  it('en, ja and fr have the same keys, the same placeholders, and no empty text', () => {
    const enKeys = Object.keys(strings.en).sort();
    for (const lang of LANGS) {
      expect(Object.keys(strings[lang]).sort()).toEqual(enKeys);
      for (const key of enKeys) {
        expect(strings[lang][key]?.trim(), `${lang} ${key}`).not.toBe('');
        expect([key, placeholders(strings[lang][key] ?? '')]).toEqual([key, placeholders(strings.en[key] ?? '')]);
      }
    }
  });

  it('every key the checks and the diagnosis emit exists, with exactly the parameters its text uses', () => {
    expect(emitted.length).toBeGreaterThan(1000);
    for (const ref of emitted) {
      const text = strings.en[ref.key];
      expect(text, `missing string ${ref.key}`).toBeDefined();
      expect([ref.key, Object.keys(ref.params ?? {}).sort()]).toEqual([ref.key, placeholders(text ?? '')]);
    }
  });

  it('no dead strings: every key is emitted by some diagnosis', () => {
    const used = new Set(emitted.map((r) => r.key));
    expect(Object.keys(strings.en).filter((k) => !used.has(k))).toEqual([]);
  });

  it('the Japanese and French texts are translated, not copies of the English', () => {
    const same = (lang: 'ja' | 'fr') =>
      Object.keys(strings.en).filter((k) => strings[lang][k] === strings.en[k] && /[a-z]{4,}/i.test((strings.en[k] ?? '').replace(/\{\w+\}/g, '')));
    expect(same('ja')).toEqual([]);
    expect(same('fr')).toEqual([]);
  });
});
