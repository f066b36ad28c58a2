import { isLanguage, type Language } from './message.js';

/**
 * A language code as people and systems write it ("ja", "JA", "pt-BR", "zh_Hans", "fr-CA") reduced to one we
 * speak, or undefined. Only the primary subtag counts: our Portuguese, Chinese (Simplified) and French serve
 * their regional variants too.
 */
export function normalizeLanguageTag(tag: string | null | undefined): Language | undefined {
  if (typeof tag !== 'string') return undefined;
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return isLanguage(primary) ? primary : undefined;
}

/**
 * The language to answer in: the person's saved preference (the `language <code>` command) wins over the
 * language their paste was written in; an unusable preference is ignored rather than answered in English.
 */
export function pickLanguage(pasteLanguage: Language, personPreference?: string | null): Language {
  return normalizeLanguageTag(personPreference) ?? pasteLanguage;
}
