import { isLanguage, type Language } from '../i18n/message.js';

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

export function parseCommand(text: string): Command {
  const trimmed = text.trim();
  const normalized = trimmed.toLowerCase().replace(/[.!。！]+$/u, '').replace(/\s+/g, ' ');
  if (normalized.length === 0) return { kind: 'help' };
  if (normalized.length <= MAX_COMMAND_LENGTH) {
    for (const [kind, words] of Object.entries(WORDS) as [keyof typeof WORDS, string[]][]) {
      if (words.includes(normalized)) return { kind } as Command;
    }
    const [first, ...rest] = normalized.split(' ');
    if (first !== undefined && LANGUAGE_WORDS.includes(first)) {
      const asked = rest.join(' ');
      const code = asked.slice(0, 2);
      return { kind: 'language', asked, language: asked.length > 0 && isLanguage(code) ? code : undefined };
    }
  }
  return { kind: 'paste', text: trimmed };
}
