import { normalizeLanguageTag } from '../i18n/language.js';
import type { Language } from '../i18n/message.js';

/**
 * What a message asks for. Anything that is not a command word is a paste for the reader:
 * commands are short, so a long paste that happens to start with "help" is still a paste.
 */
export type Command =
  | { kind: 'help' }
  | { kind: 'check' } // run the checks without a paste
  | { kind: 'language'; language?: Language; asked: string }
  | { kind: 'history' }
  | { kind: 'export' }
  | { kind: 'watch' }
  | { kind: 'unwatch' }
  | { kind: 'status' }
  | { kind: 'paste'; text: string };

const MAX_COMMAND_LENGTH = 60;

/** Command words in the languages the bot answers in, so "aide" or "ヘルプ" work too. */
const WORDS: Record<Exclude<Command['kind'], 'paste' | 'language'>, string[]> = {
  help: ['help', 'aide', '?', 'ヘルプ', 'hilfe', 'ayuda', 'ajuda', 'aiuto', '帮助', '도움말'],
  check: ['check', 'check my tenant', 'check tenant', 'verify', 'vérifier', 'vérifier mon tenant', 'diagnose', 'チェック', '確認', 'テナントを確認', 'prüfen', 'comprobar', 'verificar', 'verifica', '检查', '확인'],
  history: ['history', 'historique', '履歴', 'verlauf', 'historial', 'histórico', 'cronologia', '历史', '기록'],
  export: ['export', 'history export', 'exporter', 'エクスポート'],
  watch: ['watch', 'surveiller', '監視'],
  unwatch: ['unwatch', 'stop watching', 'ne plus surveiller', '監視停止'],
  status: ['status', 'watch status', 'statut', '状態'],
};

const LANGUAGE_WORDS = ['language', 'lang', 'langue', '言語', 'sprache', 'idioma', 'lingua', '语言', '언어'];

/**
 * Languages by name: the names the language choices show (each in its own language), and in English.
 * Anything else must be a code: guessing from the first two letters would read "frisian" as French.
 */
const LANGUAGE_NAMES: Record<string, Language> = {
  english: 'en',
  日本語: 'ja',
  japanese: 'ja',
  français: 'fr',
  francais: 'fr',
  french: 'fr',
  deutsch: 'de',
  german: 'de',
  español: 'es',
  espanol: 'es',
  spanish: 'es',
  português: 'pt',
  portugues: 'pt',
  portuguese: 'pt',
  italiano: 'it',
  italian: 'it',
  中文: 'zh',
  chinese: 'zh',
  한국어: 'ko',
  korean: 'ko',
};

/** Trailing sentence punctuation, ASCII and full-width: "help!", "status?", "ヘルプ。" are still commands. */
const TRAILING_PUNCTUATION = /[.!?。！？]+$/u;

export function parseCommand(text: string): Command {
  const trimmed = text.trim();
  // NFC: a Mac may send "é" as "e" + a combining accent, which would not match the word list.
  const normalized = trimmed.normalize('NFC').toLowerCase().replace(TRAILING_PUNCTUATION, '').replace(/\s+/g, ' ').trim();
  if (normalized.length === 0) return { kind: 'help' };
  if (normalized.length <= MAX_COMMAND_LENGTH) {
    for (const [kind, words] of Object.entries(WORDS) as [keyof typeof WORDS, string[]][]) {
      if (words.includes(normalized)) return { kind } as Command;
    }
    // "language fr", "language: fr", "言語：ja".
    const [first, ...rest] = normalized.split(/[\s:：]+/u).filter((part) => part.length > 0);
    if (first !== undefined && LANGUAGE_WORDS.includes(first)) {
      const asked = rest.join(' ');
      return { kind: 'language', asked, language: languageAsked(rest[0]) };
    }
  }
  return { kind: 'paste', text: trimmed };
}

/** A code ("ja", "pt-BR", "zh_Hans") or a language's name; undefined when it is neither. */
function languageAsked(word: string | undefined): Language | undefined {
  if (word === undefined) return undefined;
  return normalizeLanguageTag(word) ?? (Object.hasOwn(LANGUAGE_NAMES, word) ? LANGUAGE_NAMES[word] : undefined);
}
