import { describe, expect, it } from 'vitest';
import { CARD_BUDGET_BYTES, jsonBytes } from '../../src/cards/card-size.js';
import { renderDiagnosis, WEBEX_MARKDOWN_MAX_BYTES } from '../../src/cards/index.js';
import { unescapeMarkdown } from '../../src/cards/escape.js';
import { safeActionUrl } from '../../src/cards/safe-url.js';
import type { Diagnosis } from '../../src/diagnosis/types.js';
import type { Language } from '../../src/i18n/message.js';
import { CONSENT_URL, DELETED_APPS_URL, FIXTURE_NAMES, FIXTURES, LARGEST_DIAGNOSIS, TRACKING_ID, type FixtureName } from '../fixtures/diagnoses.js';
import { sampleTranslator } from '../fixtures/sample-strings.js';
import { actionsOf, cardProblems, markdownTexts, walk } from './validate-card.js';

const translator = sampleTranslator();
const LANGS: Language[] = ['en', 'ja', 'fr'];
/** A different earlier run for each fixture, so "What changed" has something to say. */
const PREVIOUS: Record<FixtureName, FixtureName> = {
  'removed-restorable': 'healthy',
  healthy: 'removed-restorable',
  inconclusive: 'healthy',
  'bot-access-broken': 'inconclusive',
  'paste-only': 'paste-only',
};

function render(diagnosis: Diagnosis, language: Language, previous?: Diagnosis) {
  return renderDiagnosis(diagnosis, { language, diagnosisId: 'diag-42', previous, translator });
}

function cardOf(diagnosis: Diagnosis, language: Language = 'en', previous?: Diagnosis): Record<string, unknown> {
  const rendered = render(diagnosis, language, previous);
  expect(rendered.warnings).toBeUndefined();
  expect(rendered.card).toBeDefined();
  return rendered.card as Record<string, unknown>;
}

describe('renderDiagnosis: every fixture × en/ja/fr × with and without a previous run', () => {
  for (const name of FIXTURE_NAMES) {
    for (const language of LANGS) {
      for (const withPrevious of [false, true]) {
        it(`${name} / ${language}${withPrevious ? ' / with previous' : ''}`, () => {
          const diagnosis = FIXTURES[name];
          const previous = withPrevious ? FIXTURES[PREVIOUS[name]] : undefined;
          const rendered = render(diagnosis, language, previous);
          expect(rendered.warnings).toBeUndefined();
          const card = rendered.card as Record<string, unknown>;
          expect(cardProblems(card)).toEqual([]);

          const json = JSON.stringify(card);
          expect(card.version).toBe('1.3');
          expect(card.lang).toBe(language);
          expect(json).not.toContain('Action.Execute');
          walk(card, (node) => expect(node).not.toHaveProperty('refresh'));
          expect(jsonBytes(card)).toBeLessThanOrEqual(CARD_BUDGET_BYTES);
          expect(Buffer.byteLength(rendered.markdown)).toBeLessThanOrEqual(WEBEX_MARKDOWN_MAX_BYTES);
          // A UI key that reached the output means a string is missing.
          expect(`${json}\n${rendered.markdown}`).not.toMatch(/\bui\.[a-zA-Z]+\.[a-zA-Z]/);

          const actions = actionsOf(card);
          expect(actions.length).toBeLessThanOrEqual(5); // Webex shows at most five buttons
          const reverify = actions.filter((a) => a.type === 'Action.Submit');
          expect(reverify).toHaveLength(1);
          expect(reverify[0]?.data).toEqual({ action: 'reverify', diagnosisId: 'diag-42' });
          for (const action of actions.filter((a) => a.type === 'Action.OpenUrl')) {
            expect(safeActionUrl(action.url)).toBe(action.url);
          }

          const inputs: Record<string, unknown>[] = [];
          walk(card, (node) => node.type === 'Input.Text' && inputs.push(node));
          expect(inputs).toHaveLength(1);
          expect(inputs[0]).toMatchObject({ id: 'tacSummary', isMultiline: true, value: diagnosis.tacSummary });

          const texts = markdownTexts(card).join('\n');
          expect(texts.includes(translator.translate({ key: 'ui.diagnosis.whatChanged' }, language))).toBe(withPrevious);
          expect(rendered.markdown).toContain(translator.translate({ key: `ui.diagnosis.verdict.${diagnosis.verdict}` }, language));
          expect(rendered.markdown).toContain(TRACKING_ID);
        });
      }
    }
  }
});

describe('renderDiagnosis: content', () => {
  it('offers the tenant-scoped admin-consent link exactly as the diagnosis built it, in the card and the Markdown', () => {
    const rendered = render(FIXTURES['removed-restorable'], 'en');
    const urls = actionsOf(rendered.card as object).filter((a) => a.type === 'Action.OpenUrl');
    expect(urls.map((a) => a.url)).toEqual([DELETED_APPS_URL, CONSENT_URL]);
    expect(urls[0]?.style).toBe('positive');
    expect(rendered.markdown).toContain(`](${CONSENT_URL})`);
    // The third link (docs) does not fit as a button; it is still offered, as a link.
    expect(markdownTexts(rendered.card as object).some((t) => t.includes('](https://learn.microsoft.com/'))).toBe(true);
  });

  it('puts the verdict first, colored by what it says', () => {
    const colors = { 'removed-restorable': 'attention', healthy: 'good', inconclusive: 'warning' } as const;
    for (const [name, color] of Object.entries(colors)) {
      const first = (cardOf(FIXTURES[name as FixtureName]).body as Record<string, unknown>[])[0] as { style: string; items: { color?: string }[] };
      expect(first.style, name).toBe(color);
      expect(first.items[0]?.color, name).toBe(color);
    }
  });

  it("shows the cause, its evidence with parameters in the reader's language, and the dates in UTC", () => {
    const ja = markdownTexts(cardOf(FIXTURES['removed-restorable'], 'ja')).join('\n');
    expect(ja).toContain('The Cisco Webex Identity Integration app was deleted from your tenant'); // sample string (en only)
    expect(ja).toContain('最も可能性の高い原因');
    expect(ja).toContain('2023年5月21日 22:31 UTC');
    expect(ja).toContain('復元できる期限');
  });

  it('marks each check pass / fail / could-not-check, and says why one could not be checked', () => {
    const card = cardOf(FIXTURES.inconclusive);
    const texts = markdownTexts(card);
    expect(texts.filter((t) => t === '✅')).toHaveLength(6);
    expect(texts.filter((t) => t === '⚠️')).toHaveLength(1);
    const shown = texts.map(unescapeMarkdown);
    expect(shown).toContain('Could not check: the bot lacks the Microsoft Graph permission AuditLog.Read.All.');
    expect(shown.join('\n')).toContain('AuditLog.Read.All is missing'); // the blind spot, in the main card
    expect(texts).toContain('5e0c2b7a-1f3d-4c8e-9a6b-2d4f6e8a0c1e'); // Graph request-id for support
  });

  it("explains the bot's own sign-in failure and names the AADSTS code", () => {
    const texts = markdownTexts(cardOf(FIXTURES['bot-access-broken'])).join('\n');
    expect(texts).toContain("AADSTS7000215 (the bot's own sign-in)");
    expect(texts).toContain('Use the secret VALUE, not its ID.');
    expect(texts).toContain('Could not check: the bot could not sign in to your tenant (AADSTS7000215).');
    expect(texts).toContain('Azure Government (GCC High)');
  });

  it('says a paste-only diagnosis checked nothing live', () => {
    const texts = markdownTexts(cardOf(FIXTURES['paste-only']));
    expect(texts).toContain('Read from your paste only: no Entra tenant is connected, so nothing was checked live.');
    expect(texts).toContain('No live checks ran.');
  });

  it('never shows a cause on a healthy card, and offers what else to try', () => {
    const texts = markdownTexts(cardOf(FIXTURES.healthy));
    expect(texts).not.toContain('Most likely cause');
    expect(texts).toContain('What else to try');
  });

  it('lists what changed: the verdict and each check that moved, and says when nothing did', () => {
    const changed = markdownTexts(cardOf(FIXTURES.healthy, 'en', FIXTURES['removed-restorable'])).join('\n');
    expect(changed).toContain('Verdict: broken → healthy');
    expect(changed).toMatch(/: ❌ failed → ✅ passed/);
    expect(changed).toMatch(/: ⚠️ could not check → ✅ passed/);
    const same = markdownTexts(cardOf(FIXTURES.healthy, 'en', FIXTURES.healthy));
    expect(same).toContain('Nothing changed since the last check.');
  });

  it('shows message keys nobody has strings for, rather than failing', () => {
    const rendered = renderDiagnosis(FIXTURES['paste-only'], { language: 'fr', diagnosisId: 'd' });
    expect(rendered.card).toBeDefined();
    expect(JSON.stringify(rendered.card)).toContain('diagnosis.evidence.paste401');
  });
});

describe('renderDiagnosis: size limits', () => {
  it('keeps the largest realistic diagnosis whole and well under the Webex card limit', () => {
    for (const language of LANGS) {
      const rendered = render(LARGEST_DIAGNOSIS, language, FIXTURES.healthy);
      expect(rendered.warnings, language).toBeUndefined();
      expect(cardProblems(rendered.card as object)).toEqual([]);
      // Webex takes 28,672 bytes; the biggest real diagnosis (every Graph read forbidden) is about 18,700.
      expect(jsonBytes(rendered.card), language).toBeLessThan(22_000);
      expect(Buffer.byteLength(rendered.markdown), language).toBeLessThanOrEqual(WEBEX_MARKDOWN_MAX_BYTES);
    }
  });

  it('degrades an absurd diagnosis to a compact card or to Markdown only, never past the limits', () => {
    const long = 'x'.repeat(250);
    const absurd: Diagnosis = {
      ...LARGEST_DIAGNOSIS,
      fix: { ...LARGEST_DIAGNOSIS.fix, steps: Array.from({ length: 40 }, (_, i) => ({ key: `step.${i}.${long}` })) },
      findings: Array.from({ length: 60 }, (_, i) => ({
        checkId: `check-${i}`,
        outcome: 'fail' as const,
        summary: { key: `summary.${long}` },
        facts: Array.from({ length: 10 }, () => ({ label: { key: `label.${long}` }, value: { key: `value.${long}` } })),
      })),
      tacSummary: long.repeat(200),
    };
    const rendered = render(absurd, 'ja');
    expect(rendered.warnings?.length).toBeGreaterThan(0);
    expect(Buffer.byteLength(rendered.markdown)).toBeLessThanOrEqual(WEBEX_MARKDOWN_MAX_BYTES);
    expect(rendered.markdown).toContain(CONSENT_URL);
    expect(rendered.markdown).toContain(absurd.evidence.trackingIds[0]);
    if (rendered.card !== undefined) {
      expect(jsonBytes(rendered.card)).toBeLessThanOrEqual(CARD_BUDGET_BYTES);
      expect(cardProblems(rendered.card)).toEqual([]);
    }
  });
});
