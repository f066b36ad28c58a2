/**
 * A paste is attacker-controlled. Whatever it holds must reach the card and the Markdown as inert text: no link,
 * no emphasis, no HTML, no mention, no template expression; and only our own allow-listed URLs become buttons.
 */
import { describe, expect, it } from 'vitest';
import { unescapeMarkdown } from '../../src/cards/escape.js';
import { renderDiagnosis, renderNeedMore } from '../../src/cards/index.js';
import type { Language } from '../../src/i18n/message.js';
import { CONSENT_URL, HOSTILE, HOSTILE_DIAGNOSIS, SEED_EVIDENCE } from '../fixtures/diagnoses.js';
import { sampleTranslator } from '../fixtures/sample-strings.js';
import { actionsOf, cardProblems, markdownTexts, walk } from './validate-card.js';

const translator = sampleTranslator();

/** Sequences that would be markup if they reached a Markdown renderer unescaped. */
const LIVE_MARKUP = [/\[click\]\(/, /\*\*pwned\*\*/, /<script>/, /<@all>/, /https?:\/\//, /www\.evil/, /\{\{DATE/, /\$\{labels/, /^# /m];

function expectInert(text: string): void {
  for (const pattern of LIVE_MARKUP) {
    // Our own links (the consent URL in the Markdown fallback) are the only URLs allowed to stay live.
    const withoutOurLinks = text.split(`](${CONSENT_URL})`).join('](ours)');
    expect(withoutOurLinks, String(pattern)).not.toMatch(pattern);
  }
}

describe('a hostile paste', () => {
  for (const language of ['en', 'ja', 'fr'] as Language[]) {
    it(`renders inert in the card and the Markdown (${language})`, () => {
      const rendered = renderDiagnosis(HOSTILE_DIAGNOSIS, { language, diagnosisId: 'diag-7', translator });
      const card = rendered.card as object;
      expect(cardProblems(card)).toEqual([]);
      for (const text of markdownTexts(card)) expectInert(text);
      expectInert(rendered.markdown);
      // ...while still showing what was pasted, so the admin sees their own text.
      const shown = markdownTexts(card).map(unescapeMarkdown).join('\n');
      expect(shown).toContain(HOSTILE.link);
      expect(shown).toContain(HOSTILE.script);
      expect(unescapeMarkdown(rendered.markdown)).toContain(HOSTILE.link); // the first tracking id
    });
  }

  it('turns no pasted URL into a button or a link; only the allow-listed consent link survives', () => {
    const rendered = renderDiagnosis(HOSTILE_DIAGNOSIS, { language: 'en', diagnosisId: 'diag-7', translator });
    const openUrls = actionsOf(rendered.card as object).filter((a) => a.type === 'Action.OpenUrl');
    expect(openUrls.map((a) => a.url)).toEqual([CONSENT_URL]);
    expect(rendered.markdown.match(/\]\(/g)).toHaveLength(1);
    expect(rendered.warnings).toEqual([
      'fix action "docs" left out: its URL is not https on an allowed host',
      'fix action "admin-consent" left out: its URL is not https on an allowed host',
      'fix action "rerun-wizard" left out: its URL is not https on an allowed host',
      'fix action "admin-consent" left out: its URL is not https on an allowed host',
      'fix action "docs" left out: its URL is not https on an allowed host',
    ]);
  });

  it('cannot smuggle data into the Re-verify button', () => {
    const rendered = renderDiagnosis(HOSTILE_DIAGNOSIS, { language: 'en', diagnosisId: 'diag-7', translator });
    const submit = actionsOf(rendered.card as object).filter((a) => a.type === 'Action.Submit');
    expect(submit.map((a) => a.data)).toEqual([{ action: 'reverify', diagnosisId: 'diag-7' }]);
  });

  it('keeps the TAC summary as plain text: verbatim, not a template, not Markdown', () => {
    const rendered = renderDiagnosis(HOSTILE_DIAGNOSIS, { language: 'en', diagnosisId: 'diag-7', translator });
    const values: unknown[] = [];
    walk(rendered.card, (node) => node.type === 'Input.Text' && values.push(node.value));
    expect(values).toEqual([HOSTILE_DIAGNOSIS.tacSummary.replace('\u202E', '')]);
  });

  it('is inert in the need-more card too (the missing-field list is ours, the paste is not echoed)', () => {
    const rendered = renderNeedMore({ ...SEED_EVIDENCE, trackingIds: [HOSTILE.link], truncated: true }, 'en');
    expect(cardProblems(rendered.card as object)).toEqual([]);
    expect(JSON.stringify(rendered)).not.toContain('evil');
  });
});
