import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { LANGUAGES, type Language } from './message.js';

/**
 * The strings of every language: cards/i18n/<lang>/<namespace>.json, each a flat object key → "text with {param}".
 * Several helpers own different namespace files of the same language (ui.json, diagnosis.json…), so a language is
 * the union of its files; a key defined twice is a bug (which text wins would depend on file order), so it throws.
 */
export type Catalog = ReadonlyMap<Language, ReadonlyMap<string, string>>;

export function loadCatalog(dir: string): Catalog {
  const catalog = new Map<Language, ReadonlyMap<string, string>>();
  for (const language of LANGUAGES) {
    catalog.set(language, loadLanguage(join(dir, language)));
  }
  return catalog;
}

function loadLanguage(dir: string): ReadonlyMap<string, string> {
  const strings = new Map<string, string>();
  const origin = new Map<string, string>();
  if (!isDirectory(dir)) return strings; // a language without files falls back to English key by key
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort();
  for (const name of files) {
    const path = join(dir, name);
    for (const [key, text] of Object.entries(readFlatStrings(path))) {
      const earlier = origin.get(key);
      if (earlier !== undefined) {
        throw new Error(`i18n key "${key}" is defined in both ${earlier} and ${path}: keep it in one namespace file`);
      }
      origin.set(key, path);
      strings.set(key, text);
    }
  }
  return strings;
}

function readFlatStrings(path: string): Record<string, string> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`i18n file ${path} is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error(`i18n file ${path} must hold one flat JSON object (key → string)`);
  }
  for (const [key, value] of Object.entries(parsed)) {
    if (typeof value !== 'string') {
      throw new Error(`i18n file ${path}: the value of "${key}" must be a string, not ${typeof value}`);
    }
  }
  return parsed as Record<string, string>;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
