import { readFileSync } from 'node:fs';
import { projectPath } from '../paths.js';

/** A paste the page's "Insert example" menu offers. */
export interface PasteExample {
  id: string;
  label: string;
  text: string;
}

interface ExampleSource {
  id: string;
  label: string;
  file: string;
  /**
   * For Cisco's whole articles (the seeds): keep from the line that starts with `from` to the end of the first
   * line starting with `through` after it: the prose around the error plus Control Hub's debug block, which is
   * what an admin would copy, and small enough for one Webex message (7,439 bytes).
   */
  excerpt?: { from: string; through: string };
  /** Lines that are not text an admin would copy (an image's description in the article), by their start. */
  omitLinesStartingWith?: string[];
}

const SOURCES: readonly ExampleSource[] = [
  {
    id: 'seed-ja',
    label: 'Japanese: Cisco article with the debug block',
    file: 'seed-ja.txt',
    excerpt: { from: 'Azure AD統合エラー', through: 'Message:' },
  },
  {
    id: 'seed-fr',
    label: 'French: Cisco article with the debug block',
    file: 'seed-fr.txt',
    excerpt: { from: "Erreur d'intégration Azure AD", through: 'Message:' },
    omitLinesStartingWith: ['The screenshot shows'],
  },
  { id: 'toast-en', label: 'English: the Control Hub error toast', file: 'toast-en.txt' },
  { id: 'debug-en', label: 'English: Copy Debug Info', file: 'en-debug-info.txt' },
  { id: 'aadsts700016', label: 'AADSTS700016 from the consent page', file: 'aadsts700016.txt' },
  { id: 'domains-100013', label: 'Domains: 400 "tenantId is required"', file: 'domains-400-tenantid-required.txt' },
];

export const EXAMPLES_DIR = projectPath('test/fixtures/pastes');

/** Reads the examples once; a missing fixture is left out rather than failing local mode. */
export function loadPasteExamples(dir: string = EXAMPLES_DIR): PasteExample[] {
  const examples: PasteExample[] = [];
  for (const source of SOURCES) {
    let text: string;
    try {
      text = readFileSync(`${dir}/${source.file}`, 'utf8');
    } catch {
      continue;
    }
    const omit = source.omitLinesStartingWith ?? [];
    const kept = text
      .replace(/\r\n?/g, '\n')
      .split('\n')
      .filter((line) => !omit.some((prefix) => line.startsWith(prefix)))
      .join('\n');
    const chosen = source.excerpt ? excerpt(kept, source.excerpt.from, source.excerpt.through) : kept.trim();
    if (chosen !== undefined) examples.push({ id: source.id, label: source.label, text: chosen });
  }
  return examples;
}

/** Lines from the first one equal to `from` (after trimming) through the first one starting with `through`. */
export function excerpt(text: string, from: string, through: string): string | undefined {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const start = lines.findIndex((line) => line.trim() === from);
  if (start < 0) return undefined;
  const endOffset = lines.slice(start).findIndex((line) => line.trimStart().startsWith(through));
  if (endOffset < 0) return undefined;
  return lines
    .slice(start, start + endOffset + 1)
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
