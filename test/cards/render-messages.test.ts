import { describe, expect, it } from 'vitest';
import { readReverifyAction, renderChecking, renderError, renderHelp, renderLanguageChanged, renderNeedMore, renderRefusal, WEBEX_MARKDOWN_MAX_BYTES } from '../../src/cards/index.js';
import { renderCardExpired, renderHistory, renderLanguageChoices, renderMovedToDirect, renderWatchReply } from '../../src/cards/render-plain.js';
import { LANGUAGES, type Language } from '../../src/i18n/message.js';
import type { RunRecord } from '../../src/store/types.js';
import { EMPTY_EVIDENCE, HOSTILE, SEED_EVIDENCE } from '../fixtures/diagnoses.js';
import { actionsOf, cardProblems, markdownTexts } from './validate-card.js';

const bytes = (text: string): number => Buffer.byteLength(text, 'utf8');
const NO_UI_KEY = /\bui\.[a-zA-Z]+\.[a-zA-Z]/;

describe('renderHelp', () => {
  for (const language of LANGUAGES) {
    it(`is a valid 1.3 card with a Markdown fallback (${language})`, () => {
      const rendered = renderHelp(language);
      expect(rendered.warnings).toBeUndefined();
      const card = rendered.card as Record<string, unknown>;
      expect(cardProblems(card)).toEqual([]);
      expect(card.version).toBe('1.3');
      expect(JSON.stringify(rendered)).not.toMatch(NO_UI_KEY);
      expect(bytes(rendered.markdown)).toBeLessThanOrEqual(WEBEX_MARKDOWN_MAX_BYTES);
    });
  }

  it('lists the commands, how to get Copy Debug Info, and an example paste', () => {
    const rendered = renderHelp('en');
    const texts = markdownTexts(rendered.card as object).join('\n');
    for (const command of ['help', 'check', 'language ‹code›', 'history', 'export', 'watch', 'unwatch', 'status']) {
      expect(texts).toContain(command);
    }
    expect(texts).toContain('Copy Debug Info');
    expect(texts).toContain('Status: 401');
    expect(texts).toContain('ATLAS_6f1c2a9e-3b7d-4e58-a0c4-9d2e7b1f5a36_42');
    expect(rendered.markdown).toContain('```\nAzure AD integration error.');
    expect(actionsOf(rendered.card as object).map((a) => a.url)).toEqual([
      'https://help.webex.com/en-us/article/heauzeb/Set-up-Azure-AD-Wizard-App-in-Control-Hub',
    ]);
  });
});

describe('renderNeedMore', () => {
  for (const language of ['en', 'ja', 'fr'] as Language[]) {
    it(`lists what was missing, in ${language}`, () => {
      const rendered = renderNeedMore(EMPTY_EVIDENCE, language);
      const card = rendered.card as object;
      expect(cardProblems(card)).toEqual([]);
      expect(JSON.stringify(rendered)).not.toMatch(NO_UI_KEY);
      const bullets = markdownTexts(card).filter((t) => t.startsWith('• '));
      // Three "what I read" lines, then one per missing field.
      expect(bullets).toHaveLength(3 + EMPTY_EVIDENCE.missing.length);
      expect(bytes(rendered.markdown)).toBeLessThanOrEqual(WEBEX_MARKDOWN_MAX_BYTES);
    });
  }

  it('says when the paste was cut, and not otherwise', () => {
    const cut = markdownTexts(renderNeedMore({ ...EMPTY_EVIDENCE, truncated: true }, 'en').card as object);
    const whole = markdownTexts(renderNeedMore(EMPTY_EVIDENCE, 'en').card as object);
    expect(cut).toContain('Your message was very long: I read only its first part.');
    expect(whole).not.toContain('Your message was very long: I read only its first part.');
  });

  it('omits the missing list when nothing is missing', () => {
    const texts = markdownTexts(renderNeedMore({ ...SEED_EVIDENCE, missing: [] }, 'en').card as object);
    expect(texts).not.toContain('Not found in your message');
  });
});

describe('plain replies', () => {
  it('say what they mean in the asker language, as Markdown only', () => {
    expect(renderChecking('ja')).toEqual({ markdown: 'テナントを確認しています… 数秒かかります。' });
    expect(renderRefusal({ kind: 'not-allowed' }, 'en').markdown).toContain('not allowed');
    expect(renderRefusal({ kind: 'no-tenant' }, 'fr').markdown).toContain('Aucun tenant Microsoft Entra');
    expect(renderLanguageChanged('de').markdown).toBe('In Ordnung, ich antworte ab jetzt auf Deutsch.');
    expect(renderLanguageChoices('en').markdown).toContain('ko (한국어)');
    expect(renderCardExpired('en').markdown).toContain('**check**');
    expect(renderMovedToDirect('en').markdown).toContain('1:1');
    expect(renderWatchReply({ kind: 'not-watching' }, 'en').markdown).toContain('**watch**');
    for (const rendered of [renderChecking('en'), renderRefusal({ kind: 'no-tenant' }, 'ko')]) expect(rendered.card).toBeUndefined();
  });

  it('rounds the rate-limit wait up to whole seconds, never zero', () => {
    expect(renderRefusal({ kind: 'rate-limited', retryAfterSeconds: 12.2 }, 'en').markdown).toContain('in 13 s.');
    expect(renderRefusal({ kind: 'rate-limited', retryAfterSeconds: 0 }, 'en').markdown).toContain('in 1 s.');
    expect(renderRefusal({ kind: 'rate-limited', retryAfterSeconds: Number.NaN }, 'en').markdown).toContain('in 60 s.');
  });

  it('shows the error reference escaped, and nothing of the failure itself', () => {
    const rendered = renderError('en', 'ab_12*[x](y)');
    expect(rendered.markdown).toContain('ab_12\\*\\[x\\]\\(y\\)');
  });
});

describe('renderHistory', () => {
  const run = (i: number, extra: Partial<RunRecord> = {}): RunRecord => ({
    id: `run-${i}`,
    at: `2023-05-2${i % 10}T09:00:00.000Z`,
    personId: 'Y2lzY29zcGFyazovL3VzL1BFT1BMRS8xMjM0',
    orgId: 'org',
    roomId: 'room',
    tenantId: 'c8f3a6e2-1b47-4d5a-9e0f-2a6b7c8d9e01',
    kind: 'diagnose',
    checks: ['integration-app-present'],
    outcome: 'broken',
    durationMs: 812,
    trackingIds: ['ATLAS_497d70df-8811-4b6b-9b6a-ef4f438b57f6_136'],
    ...extra,
  });

  it('lists runs with when, what, outcome and tracking id', () => {
    const markdown = renderHistory([run(1), run(2, { kind: 'reverify', outcome: 'healthy' })], { language: 'en' }).markdown;
    expect(markdown).toContain('**Check runs (2)**');
    expect(markdown).toContain('- May 21, 2023, 09:00 UTC · check · ❌ broken · c8f3a6e2-1b47-4d5a-9e0f-2a6b7c8d9e01 · ATLAS_497d70df');
    expect(markdown).toContain('re-verify · ✅ healthy');
  });

  it('says when there is nothing yet', () => {
    expect(renderHistory([], { language: 'fr' }).markdown).toBe("Aucune vérification n'a encore été effectuée pour votre organisation.");
  });

  it('exports CSV in a code block that a pasted value cannot break out of', () => {
    const markdown = renderHistory([run(1, { trackingIds: ['```\n[x](https://evil.example)', 'b,c'] })], { language: 'en', asExport: true }).markdown;
    const lines = markdown.split('\n');
    expect(lines.filter((l) => l.startsWith('```'))).toHaveLength(2);
    expect(lines).toContain('at,kind,outcome,tenantId,personId,durationMs,checks,trackingIds');
    expect(markdown).not.toContain('b,c');
  });

  it('stays within the Webex size limit and counts what it left out', () => {
    const runs = Array.from({ length: 500 }, (_, i) => run(i));
    for (const asExport of [false, true]) {
      const markdown = renderHistory(runs, { language: 'ja', asExport }).markdown;
      expect(bytes(markdown)).toBeLessThanOrEqual(WEBEX_MARKDOWN_MAX_BYTES);
      expect(markdown).toMatch(/ほか \d+ 件は表示していません/);
    }
  });

  it('escapes pasted tracking ids in the readable list', () => {
    const markdown = renderHistory([run(1, { trackingIds: [HOSTILE.link] })], { language: 'en' }).markdown;
    expect(markdown).not.toContain('[click](');
  });
});

describe('readReverifyAction', () => {
  it('recognises only our Re-verify payload', () => {
    expect(readReverifyAction({ action: 'reverify', diagnosisId: '3f6c0d2a-8b1e' })).toEqual({ action: 'reverify', diagnosisId: '3f6c0d2a-8b1e' });
    expect(readReverifyAction({ action: 'reverify', diagnosisId: 'x', extra: 1 })).toEqual({ action: 'reverify', diagnosisId: 'x' });
    for (const bad of [null, 'reverify', {}, { action: 'other', diagnosisId: 'x' }, { action: 'reverify' }, { action: 'reverify', diagnosisId: '' }, { action: 'reverify', diagnosisId: 'a b' }, { action: 'reverify', diagnosisId: 'x'.repeat(201) }]) {
      expect(readReverifyAction(bad), JSON.stringify(bad)).toBeUndefined();
    }
  });
});
