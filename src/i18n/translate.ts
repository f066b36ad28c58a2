import { projectPath } from '../paths.js';
import { loadCatalog, type Catalog } from './catalog.js';
import { fillPlaceholders } from './format.js';
import type { Language, MessageRef } from './message.js';

export interface TranslateOptions {
  /** Applied to every substituted parameter value, e.g. a Markdown escaper for text that ends up in a card. */
  escapeParam?: (value: string) => string;
}

export interface Translator {
  /**
   * The text of `ref` in `language`, parameters filled in. A key the language lacks falls back to English;
   * a key English lacks is a bug and comes back as the key itself (tests look for that).
   */
  translate(ref: MessageRef, language: Language, options?: TranslateOptions): string;
  /** True when `language` itself (no fallback) has the key. */
  has(key: string, language: Language): boolean;
  /** Every key `language` defines itself, for completeness tests. */
  keys(language: Language): string[];
  /** The raw template of a key in `language` (no fallback), for placeholder tests. */
  raw(key: string, language: Language): string | undefined;
}

export function createTranslator(catalog: Catalog): Translator {
  const lookup = (key: string, language: Language): string | undefined => catalog.get(language)?.get(key);
  return {
    translate(ref, language, options) {
      const template = lookup(ref.key, language) ?? lookup(ref.key, 'en');
      if (template === undefined) return ref.key;
      return fillPlaceholders(template, ref.params, language, options?.escapeParam);
    },
    has: (key, language) => lookup(key, language) !== undefined,
    keys: (language) => [...(catalog.get(language)?.keys() ?? [])],
    raw: lookup,
  };
}

let projectTranslator: Translator | undefined;

/** The translator over the project's own strings (cards/i18n/), read synchronously once, at first use. */
export function defaultTranslator(): Translator {
  projectTranslator ??= createTranslator(loadCatalog(projectPath('cards', 'i18n')));
  return projectTranslator;
}

export function translate(ref: MessageRef, language: Language, options?: TranslateOptions): string {
  return defaultTranslator().translate(ref, language, options);
}
