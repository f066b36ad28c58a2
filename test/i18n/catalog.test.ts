import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/i18n/catalog.js';
import { createTranslator } from '../../src/i18n/translate.js';

const dirs: string[] = [];
function catalogDir(files: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'i18n-'));
  dirs.push(dir);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), typeof content === 'string' ? content : JSON.stringify(content));
  }
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('loadCatalog', () => {
  it('merges every namespace file of a language', () => {
    const dir = catalogDir({ 'en/ui.json': { 'ui.a': 'A' }, 'en/diagnosis.json': { 'diagnosis.b': 'B' } });
    const t = createTranslator(loadCatalog(dir));
    expect(t.translate({ key: 'ui.a' }, 'en')).toBe('A');
    expect(t.translate({ key: 'diagnosis.b' }, 'en')).toBe('B');
  });

  it('refuses a key defined in two namespace files, naming both', () => {
    const dir = catalogDir({ 'fr/ui.json': { same: 'un' }, 'fr/diagnosis.json': { same: 'deux' } });
    expect(() => loadCatalog(dir)).toThrow(/"same" is defined in both .*diagnosis\.json and .*ui\.json/);
  });

  it('refuses files that are not one flat object of strings', () => {
    expect(() => loadCatalog(catalogDir({ 'en/ui.json': { nested: { a: 'b' } } }))).toThrow(/"nested" must be a string/);
    expect(() => loadCatalog(catalogDir({ 'en/ui.json': ['a'] }))).toThrow(/one flat JSON object/);
    expect(() => loadCatalog(catalogDir({ 'en/ui.json': '{ not json' }))).toThrow(/not valid JSON/);
  });

  it('treats a language without a folder as empty, so every key falls back to English', () => {
    const t = createTranslator(loadCatalog(catalogDir({ 'en/ui.json': { 'ui.a': 'A {n}' }, 'ja/ui.json': {} })));
    expect(t.translate({ key: 'ui.a', params: { n: 1 } }, 'ko')).toBe('A 1');
    expect(t.translate({ key: 'ui.a', params: { n: 1 } }, 'ja')).toBe('A 1');
    expect(t.has('ui.a', 'ko')).toBe(false);
  });

  it('falls back per key, and returns a key English lacks as the key itself', () => {
    const t = createTranslator(loadCatalog(catalogDir({ 'en/ui.json': { x: 'X', y: 'Y' }, 'fr/ui.json': { x: 'ixe' } })));
    expect(t.translate({ key: 'x' }, 'fr')).toBe('ixe');
    expect(t.translate({ key: 'y' }, 'fr')).toBe('Y');
    expect(t.translate({ key: 'nowhere.to.be.found' }, 'fr')).toBe('nowhere.to.be.found');
  });
});
