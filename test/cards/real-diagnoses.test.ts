/**
 * The renderer against what the diagnosis module really produces: every tenant scenario of the checks' own
 * fixtures, run through runChecks and diagnose, rendered in en/ja/fr and judged by both card validators.
 */
import { describe, expect, it } from 'vitest';
import { CARD_BUDGET_BYTES, jsonBytes } from '../../src/cards/card-size.js';
import { renderDiagnosis, WEBEX_MARKDOWN_MAX_BYTES } from '../../src/cards/index.js';
import { runChecks } from '../../src/checks/index.js';
import { diagnose } from '../../src/diagnosis/diagnose.js';
import type { Diagnosis } from '../../src/diagnosis/types.js';
import { japaneseSeed } from '../fixtures/tenant/evidence.js';
import { scenarios } from '../fixtures/tenant/scenarios.js';
import { actionsOf, cardProblems } from './validate-card.js';

function diagnosisOf(name: keyof typeof scenarios): Diagnosis {
  const snapshot = scenarios[name]();
  return diagnose({
    evidence: japaneseSeed(),
    findings: runChecks(snapshot),
    snapshot,
    tenantId: snapshot.tenantId,
    cloud: 'worldwide',
    loginHost: 'https://login.microsoftonline.com',
    now: '2023-05-22T09:00:00.000Z',
  });
}

describe('real diagnoses', () => {
  const names = Object.keys(scenarios) as (keyof typeof scenarios)[];
  const healthy = diagnosisOf('healthy');

  for (const name of names) {
    it(`${name}: valid in en/ja/fr, every link kept, within the limits`, () => {
      const diagnosis = diagnosisOf(name);
      for (const language of ['en', 'ja', 'fr'] as const) {
        const rendered = renderDiagnosis(diagnosis, { language, diagnosisId: `real-${name}`, previous: healthy });
        expect(rendered.warnings, language).toBeUndefined(); // no URL of the diagnosis was refused
        const card = rendered.card as object;
        expect(cardProblems(card), language).toEqual([]);
        expect(jsonBytes(card), language).toBeLessThan(Math.min(CARD_BUDGET_BYTES, 20_000));
        expect(Buffer.byteLength(rendered.markdown), language).toBeLessThanOrEqual(WEBEX_MARKDOWN_MAX_BYTES);
        expect(`${JSON.stringify(card)}${rendered.markdown}`).not.toMatch(/\bui\.[a-zA-Z]+\.[a-zA-Z]/);
        expect(actionsOf(card).length).toBeLessThanOrEqual(5);
      }
    });
  }

  it('offers the exact tenant-scoped consent link the diagnosis built', () => {
    const diagnosis = diagnosisOf('removedRestorable');
    const consent = diagnosis.fix.actions.find((a) => a.kind === 'admin-consent');
    expect(consent?.kind === 'admin-consent' && consent.url).toMatch(/^https:\/\/login\.microsoftonline\.com\/[0-9a-f-]{36}\/adminconsent\?client_id=/);
    const rendered = renderDiagnosis(diagnosis, { language: 'en', diagnosisId: 'x' });
    const urls = actionsOf(rendered.card as object).map((a) => a.url);
    expect(urls).toContain(consent?.kind === 'admin-consent' ? consent.url : 'missing');
  });
});
