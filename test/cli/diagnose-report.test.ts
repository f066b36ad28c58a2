/**
 * The terminal report on its own: hostile values stay inert (no terminal escape sequences), links pass the URL
 * allow-list, and the CLI's replacements of the bot's "press Re-verify" sentences fit the same parameters.
 */
import { describe, expect, it } from 'vitest';
import { CLI_WORDING, diagnosisReport } from '../../src/cli/diagnosis-report.js';
import { diagnose } from '../../src/diagnosis/diagnose.js';
import type { Diagnosis } from '../../src/diagnosis/types.js';
import { loadCatalog } from '../../src/i18n/catalog.js';
import { placeholdersOf } from '../../src/i18n/format.js';
import { msg } from '../../src/i18n/message.js';
import { createTranslator } from '../../src/i18n/translate.js';
import { readPaste } from '../../src/intake/read-paste.js';
import { projectPath } from '../../src/paths.js';
import { pasteFixture } from '../intake/support.js';

const NOW = '2026-01-15T10:00:00.000Z';
// CSI (clear screen), OSC 8 (a hyperlink whose text hides its target), BEL, and the 8-bit CSI.
const HOSTILE = 'mallory\u001b[2J\u001b]8;;https://evil.example/\u0007click here\u001b]8;;\u0007\u009b31m';

function pasteOnlyDiagnosis(): Diagnosis {
  return diagnose({ evidence: readPaste(pasteFixture('en-debug-info.txt')), loginHost: 'https://login.microsoftonline.com', now: NOW });
}

describe('the diagnose report', () => {
  it('shows hostile text from a directory or a paste without its control characters', () => {
    const diagnosis = pasteOnlyDiagnosis();
    diagnosis.causes[0]?.evidence.push(msg('diagnosis.evidence.sp-removed', { app: 'Cisco Webex Identity Integration', by: HOSTILE, at: { date: NOW } }));
    diagnosis.tacSummary += `\n  Status text: ${HOSTILE}`;
    const { text } = diagnosisReport(diagnosis, { language: 'en' });
    // \p{Cc} less newline: what a terminal could act on.
    expect(text).not.toMatch(/(?!\n)\p{Cc}/u);
    expect(text).toContain('was deleted by mallory');
    expect(text).toContain('Status text: mallory');
  });

  it('leaves out a fix link the allow-list refuses and says so for stderr; trusts the configured sign-in origin', () => {
    const diagnosis = pasteOnlyDiagnosis();
    diagnosis.fix.actions.push({ kind: 'docs', url: 'https://evil.example/help' });
    diagnosis.fix.actions.push({ kind: 'rerun-wizard', url: 'https://login.example.test:8443/common/setup' });
    const { text, warnings } = diagnosisReport(diagnosis, { language: 'en', trustedOrigins: ['https://login.example.test:8443'] });
    expect(text).not.toContain('evil.example');
    expect(warnings).toEqual(['fix action "docs" left out: its URL is not https on an allowed host']);
    expect(text).toContain('\n    https://login.example.test:8443/common/setup\n');
  });

  it('lists each check with its outcome, and says when no live check ran', () => {
    const { text } = diagnosisReport(pasteOnlyDiagnosis(), { language: 'fr' });
    const translator = createTranslator(loadCatalog(projectPath('cards', 'i18n')));
    expect(text).toContain(`${translator.translate({ key: 'ui.diagnosis.checksHeading' }, 'fr')}\n  ${translator.translate({ key: 'ui.diagnosis.noChecks' }, 'fr')}`);
  });

  it('replaces the bot\'s "press Re-verify" sentences with CLI ones that take the same parameters, in en, ja and fr', () => {
    const translator = createTranslator(loadCatalog(projectPath('cards', 'i18n')));
    expect(Object.keys(CLI_WORDING).length).toBeGreaterThan(0);
    for (const [botKey, cliKey] of Object.entries(CLI_WORDING)) {
      const botText = translator.raw(botKey, 'en');
      expect(botText, botKey).toBeDefined();
      for (const language of ['en', 'ja', 'fr'] as const) {
        const cliText = translator.raw(cliKey, language);
        expect(cliText, `${language} ${cliKey}`).toBeDefined();
        expect(placeholdersOf(cliText ?? ''), `${language} ${cliKey}`).toEqual(placeholdersOf(botText ?? ''));
        expect(cliText).not.toMatch(/Re-verify|再確認|Revérifier/);
      }
    }
  });
});
