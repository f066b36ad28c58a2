/**
 * The project's own UI strings (cards/i18n/<lang>/ui.json): complete in en, ja and fr, consistent everywhere, and
 * covering every key the renderer and the card templates can ask for.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Outcome } from '../../src/checks/types.js';
import type { FetchProblemKind } from '../../src/checks/snapshot.js';
import type { CardTemplateName } from '../../src/cards/templates.js';
import type { WatchReply } from '../../src/cards/render-plain.js';
import type { AadstsExplanation, Cause, FixAction, Verdict } from '../../src/diagnosis/types.js';
import type { CloudName } from '../../src/graph/clouds.js';
import type { EvidenceField } from '../../src/intake/evidence.js';
import { loadCatalog } from '../../src/i18n/catalog.js';
import { placeholdersOf } from '../../src/i18n/format.js';
import { LANGUAGES } from '../../src/i18n/message.js';
import { createTranslator } from '../../src/i18n/translate.js';
import type { RunKind } from '../../src/store/types.js';
import { projectPath } from '../../src/paths.js';

const translator = createTranslator(loadCatalog(projectPath('cards', 'i18n')));
const uiKeys = translator.keys('en').filter((key) => key.startsWith('ui.'));
const COMPLETE = ['en', 'ja', 'fr'] as const;

// Records keyed by each union: the compiler insists every member is listed, so a new kind cannot go unchecked.
const OUTCOMES: Record<Outcome, true> = { pass: true, fail: true, unknown: true };
const VERDICTS: Record<Verdict, true> = { broken: true, healthy: true, inconclusive: true };
const CONFIDENCES: Record<Cause['confidence'], true> = { confirmed: true, likely: true, possible: true };
const PROBLEM_KINDS: Record<Exclude<FetchProblemKind, 'permission' | 'auth'>, true> = { throttled: true, timeout: true, unreachable: true, error: true };
const LINKED_FIXES: Record<Exclude<FixAction['kind'], 'grant-bot-permission'>, true> = {
  'admin-consent': true,
  'restore-deleted': true,
  'enable-app': true,
  'restart-provisioning': true,
  'rerun-wizard': true,
  docs: true,
};
const AADSTS_SOURCES: Record<AadstsExplanation['source'], true> = { paste: true, 'bot-token': true };
const FIELDS: Record<EvidenceField, true> = {
  trackingId: true, orgId: true, userId: true, httpStatus: true, webexErrorCode: true, requestUrl: true, clientRequestId: true,
  userClockUtc: true, controlHubBuild: true, customerType: true, aadsts: true, entraTenantId: true, toast: true,
};
const WATCH_REPLIES: Record<WatchReply['kind'], true> = { watching: true, unwatched: true, 'not-watching': true };
const RUN_KINDS: Record<RunKind, true> = { diagnose: true, reverify: true, watch: true };
const CLOUDS: Record<CloudName, true> = { worldwide: true, usgov: true, 'usgov-dod': true, china: true };

/** Keys the renderer builds from a union member: each family, fully expanded. */
const dynamicKeys = [
  ...Object.keys(OUTCOMES).map((k) => `ui.state.${k}`),
  ...Object.keys(VERDICTS).flatMap((k) => [`ui.state.${k}`, `ui.diagnosis.verdict.${k}`]),
  ...Object.keys(CONFIDENCES).map((k) => `ui.confidence.${k}`),
  ...Object.keys(PROBLEM_KINDS).map((k) => `ui.unknown.${k}`),
  ...Object.keys(LINKED_FIXES).map((k) => `ui.action.${k}`),
  ...Object.keys(AADSTS_SOURCES).map((k) => `ui.diagnosis.aadstsFrom.${k}`),
  ...Object.keys(FIELDS).map((k) => `ui.field.${k}`),
  ...Object.keys(WATCH_REPLIES).map((k) => `ui.msg.watch.${k}`),
  ...Object.keys(RUN_KINDS).map((k) => `ui.msg.history.kind.${k}`),
  ...Object.keys(CLOUDS).map((k) => `ui.cloud.${k}`),
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

/** Every complete `'ui.…'` key written literally in the renderer's code. */
const literalKeys = [
  ...new Set(
    sourceFiles(projectPath('src', 'cards')).flatMap((file) =>
      Array.from(readFileSync(file, 'utf8').matchAll(/['"`](ui\.[A-Za-z0-9.-]+[A-Za-z0-9])['"`]/g), (m) => m[1] as string),
    ),
  ),
];

const TEMPLATE_SECTIONS: Record<CardTemplateName, string[]> = {
  diagnosis: ['diagnosis'],
  help: ['common', 'help'],
  'need-more': ['common', 'needMore'],
};

describe('UI strings', () => {
  it('exist in en, ja and fr for every UI key, with identical placeholders', () => {
    expect(uiKeys.length).toBeGreaterThan(100);
    for (const language of COMPLETE) {
      for (const key of uiKeys) {
        const text = translator.raw(key, language);
        expect(text, `${language} ${key}`).toBeDefined();
        expect(placeholdersOf(text ?? ''), `${language} ${key}`).toEqual(placeholdersOf(translator.raw(key, 'en') ?? ''));
      }
    }
  });

  it('in every other language, hold only English keys, with the same placeholders, none empty', () => {
    for (const language of LANGUAGES) {
      for (const key of translator.keys(language).filter((k) => k.startsWith('ui.'))) {
        const text = translator.raw(key, language) ?? '';
        expect(translator.has(key, 'en'), `${language} has ${key}, English does not`).toBe(true);
        expect(text.trim(), `${language} ${key}`).not.toBe('');
        expect(placeholdersOf(text), `${language} ${key}`).toEqual(placeholdersOf(translator.raw(key, 'en') ?? ''));
      }
    }
  });

  it('are really translated (not English copied over)', () => {
    const japanese = uiKeys.filter((key) => /[\u3040-\u30ff\u4e00-\u9fff]/.test(translator.raw(key, 'ja') ?? ''));
    expect(japanese.length / uiKeys.length).toBeGreaterThan(0.85);
    for (const language of ['fr', 'de', 'es', 'pt', 'it', 'zh', 'ko'] as const) {
      const differing = uiKeys.filter((key) => translator.raw(key, language) !== translator.raw(key, 'en'));
      expect(differing.length / uiKeys.length, language).toBeGreaterThan(0.8);
    }
  });

  it('cover every key the renderer names literally', () => {
    expect(literalKeys.length).toBeGreaterThan(40);
    expect(literalKeys.filter((key) => !translator.has(key, 'en'))).toEqual([]);
  });

  it('cover every key the renderer builds from a kind, outcome or field', () => {
    expect(dynamicKeys.filter((key) => !translator.has(key, 'en'))).toEqual([]);
  });

  it('cover every label the card templates bind, without placeholders', () => {
    for (const [name, sections] of Object.entries(TEMPLATE_SECTIONS)) {
      const template = readFileSync(projectPath('cards', `${name}.json`), 'utf8');
      const labels = [...new Set(Array.from(template.matchAll(/\$\{(?:\$root\.)?labels\.([A-Za-z0-9]+)\}/g), (m) => m[1] as string))];
      expect(labels.length, name).toBeGreaterThan(3);
      for (const label of labels) {
        const key = sections.map((s) => `ui.${s}.${label}`).find((k) => translator.has(k, 'en'));
        expect(key, `${name}: labels.${label}`).toBeDefined();
        expect(placeholdersOf(translator.raw(key ?? '', 'en') ?? ''), `${name}: labels.${label}`).toEqual([]);
      }
    }
  });
});
