/**
 * Core code never builds user-facing sentences: it returns message keys with parameters,
 * and the renderer turns them into text in the asker's language (strings live in cards/i18n/).
 */
export const LANGUAGES = ['en', 'ja', 'fr', 'de', 'es', 'pt', 'it', 'zh', 'ko'] as const;
export type Language = (typeof LANGUAGES)[number];

/** A parameter value; ISO-8601 timestamps are passed as `{ date: iso }` so each language formats them itself. */
export type MessageParam = string | number | { date: string };

export interface MessageRef {
  key: string;
  params?: Record<string, MessageParam>;
}

export function msg(key: string, params?: Record<string, MessageParam>): MessageRef {
  return params === undefined ? { key } : { key, params };
}

export function isLanguage(value: string): value is Language {
  return (LANGUAGES as readonly string[]).includes(value);
}
