import { formatDateTime, placeholdersOf } from '../i18n/format.js';
import type { Language, MessageParam, MessageRef } from '../i18n/message.js';
import { defaultTranslator, type Translator } from '../i18n/translate.js';
import { escapeMarkdown, plainText } from './escape.js';

/**
 * Text for one rendering in one language. The rule that keeps cards safe lives here: translated templates are
 * ours and may hold Markdown; every parameter value is treated as untrusted and escaped.
 */
export interface CardText {
  readonly language: Language;
  /** Markdown-safe text of a message (ours or the core's), parameters escaped. */
  md(key: string, params?: Record<string, MessageParam>): string;
  mdRef(ref: MessageRef): string;
  /** Plain text of a message, for places that show no Markdown (button titles, input labels and values). */
  plain(key: string, params?: Record<string, MessageParam>): string;
  /** Escapes one untrusted value for Markdown. */
  esc(value: string, maxChars?: number): string;
  /** A timestamp in this language, in UTC (our own formatting: nothing to escape). */
  date(iso: string): string;
  /** True when English (and so every language, by fallback) has the key. */
  has(key: string): boolean;
  /** Every parameterless `ui.<section>.<name>` string, by name: the `labels` object a card template binds to. */
  labels(section: string): Record<string, string>;
}

export function cardText(language: Language, translator: Translator = defaultTranslator()): CardText {
  const md = (ref: MessageRef): string => translator.translate(ref, language, { escapeParam: (v) => escapeMarkdown(v) });
  return {
    language,
    md: (key, params) => md(params === undefined ? { key } : { key, params }),
    mdRef: md,
    plain: (key, params) =>
      translator.translate(params === undefined ? { key } : { key, params }, language, { escapeParam: (v) => plainText(v) }),
    esc: (value, maxChars) => escapeMarkdown(value, maxChars),
    date: (iso) => formatDateTime(iso, language),
    has: (key) => translator.has(key, 'en'),
    labels(section) {
      const prefix = `ui.${section}.`;
      const labels: Record<string, string> = {};
      for (const key of translator.keys('en')) {
        if (!key.startsWith(prefix)) continue;
        const name = key.slice(prefix.length);
        if (name.includes('.') || placeholdersOf(translator.raw(key, 'en') ?? '').length > 0) continue;
        labels[name] = translator.translate({ key }, language);
      }
      return labels;
    },
  };
}
