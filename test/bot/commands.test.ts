import { describe, expect, it } from 'vitest';
import { parseCommand, type Command } from '../../src/bot/commands.js';
import type { Language } from '../../src/i18n/message.js';

/**
 * What a message asks for: a command word (in English, Japanese or French, as the help card lists them), a
 * language change, or anything else — a paste for the reader.
 */

const WORDS: Record<Exclude<Command['kind'], 'paste' | 'language'>, Record<'en' | 'ja' | 'fr', string[]>> = {
  help: { en: ['help', '?'], ja: ['ヘルプ'], fr: ['aide'] },
  check: { en: ['check', 'check my tenant', 'check tenant', 'verify', 'diagnose'], ja: ['チェック', '確認', 'テナントを確認'], fr: ['vérifier', 'vérifier mon tenant'] },
  history: { en: ['history'], ja: ['履歴'], fr: ['historique'] },
  export: { en: ['export', 'history export'], ja: ['エクスポート'], fr: ['exporter'] },
  watch: { en: ['watch'], ja: ['監視'], fr: ['surveiller'] },
  unwatch: { en: ['unwatch', 'stop watching'], ja: ['監視停止'], fr: ['ne plus surveiller'] },
  status: { en: ['status', 'watch status'], ja: ['状態'], fr: ['statut'] },
};

describe('parseCommand: command words', () => {
  for (const [kind, byLanguage] of Object.entries(WORDS)) {
    for (const [language, words] of Object.entries(byLanguage)) {
      for (const word of words) {
        it(`"${word}" (${language}) is ${kind}`, () => {
          expect(parseCommand(word)).toEqual({ kind });
        });
      }
    }
  }

  it('reads a word whatever its case, spacing and surrounding blanks', () => {
    expect(parseCommand('  HELP \n')).toEqual({ kind: 'help' });
    expect(parseCommand('Check   My\tTenant')).toEqual({ kind: 'check' });
    expect(parseCommand('Stop Watching')).toEqual({ kind: 'unwatch' });
    expect(parseCommand('Vérifier')).toEqual({ kind: 'check' });
  });

  it('ignores trailing punctuation, ASCII or full-width', () => {
    expect(parseCommand('help!')).toEqual({ kind: 'help' });
    expect(parseCommand('status?')).toEqual({ kind: 'status' });
    expect(parseCommand('watch.')).toEqual({ kind: 'watch' });
    expect(parseCommand('check my tenant...')).toEqual({ kind: 'check' });
    expect(parseCommand('ヘルプ。')).toEqual({ kind: 'help' });
    expect(parseCommand('監視！')).toEqual({ kind: 'watch' });
    expect(parseCommand('状態？')).toEqual({ kind: 'status' });
  });

  it('reads an accented word typed with a combining accent (as macOS may send it)', () => {
    expect(parseCommand('ve\u0301rifier')).toEqual({ kind: 'check' });
  });

  it('an empty message (only a mention) asks for help', () => {
    expect(parseCommand('')).toEqual({ kind: 'help' });
    expect(parseCommand('   ')).toEqual({ kind: 'help' });
    expect(parseCommand('!')).toEqual({ kind: 'help' });
  });
});

describe('parseCommand: language', () => {
  const cases: [string, Language][] = [
    ['language fr', 'fr'],
    ['language ja', 'ja'],
    ['Language EN', 'en'],
    ['lang de', 'de'],
    ['langue fr', 'fr'],
    ['言語 ja', 'ja'],
    ['言語：ja', 'ja'],
    ['language: fr', 'fr'],
    ['language pt-BR', 'pt'],
    ['language zh_Hans', 'zh'],
    ['language fr-CA.', 'fr'],
    ['language Français', 'fr'],
    ['language 日本語', 'ja'],
    ['language japanese', 'ja'],
    ['language 한국어', 'ko'],
    ['language fr please', 'fr'],
  ];
  for (const [text, language] of cases) {
    it(`"${text}" → ${language}`, () => {
      const command = parseCommand(text);
      expect(command.kind).toBe('language');
      expect(command.kind === 'language' && command.language).toBe(language);
    });
  }

  it('"language" alone asks which languages there are', () => {
    expect(parseCommand('language')).toEqual({ kind: 'language', asked: '', language: undefined });
    expect(parseCommand('言語')).toEqual({ kind: 'language', asked: '', language: undefined });
  });

  it('a language we do not speak is reported as asked, with no language (the bot then lists the choices)', () => {
    expect(parseCommand('language klingon')).toEqual({ kind: 'language', asked: 'klingon', language: undefined });
    // Not French because it starts with "fr", not Japanese because it starts with "ja".
    expect(parseCommand('language frisian')).toEqual({ kind: 'language', asked: 'frisian', language: undefined });
    expect(parseCommand('language javanese')).toEqual({ kind: 'language', asked: 'javanese', language: undefined });
    expect(parseCommand('language toString')).toEqual({ kind: 'language', asked: 'tostring', language: undefined });
  });
});

describe('parseCommand: anything else is a paste', () => {
  it('keeps the text as sent (trimmed), for the paste reader', () => {
    const text = '  Azure AD integration error TrackingID: ATLAS_497d70df-8811-4b6b-9b6a-ef4f438b57f6_136  ';
    expect(parseCommand(text)).toEqual({ kind: 'paste', text: text.trim() });
  });

  it('a long paste that starts with "help" is a paste', () => {
    const text = `help\nAzure AD integration error. TrackingID: ATLAS_497d70df-8811-4b6b-9b6a-ef4f438b57f6_136\n${'x'.repeat(80)}`;
    expect(parseCommand(text)).toEqual({ kind: 'paste', text });
  });

  it('a long paste that starts with "language" is a paste, not a language change', () => {
    const text = `language: en\nCopy Debug Info\nTracking ID: ATLAS_497d70df-8811-4b6b-9b6a-ef4f438b57f6_136\nOrg ID: ${'2fdb923e-1d23-4e1b-a30f-e9cd88845744'}`;
    expect(parseCommand(text)).toEqual({ kind: 'paste', text });
  });

  it('a sentence containing a command word is a paste', () => {
    expect(parseCommand('please help me').kind).toBe('paste');
    expect(parseCommand('watch this').kind).toBe('paste');
    expect(parseCommand('help?!x').kind).toBe('paste');
  });

  it('a bare tracking id is a paste', () => {
    expect(parseCommand('ATLAS_497d70df-8811-4b6b-9b6a-ef4f438b57f6_136')).toEqual({ kind: 'paste', text: 'ATLAS_497d70df-8811-4b6b-9b6a-ef4f438b57f6_136' });
  });
});
