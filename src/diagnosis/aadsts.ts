import { msg } from '../i18n/message.js';
import type { AadstsExplanation, CauseId } from './types.js';

/**
 * Microsoft sign-in errors worth knowing for this integration (Microsoft Entra error code reference).
 * The meaning and fix sentences live in the strings (keys aadsts.<code>.meaning / .fix / .bot-fix).
 */
export interface AadstsEntry {
  code: string;
  /** The cause a pasted code points to. */
  cause: CauseId;
  /** Checks whose pass shows a pasted code no longer applies (the state it complains about is repaired). */
  resolvedBy: readonly string[];
  /** True when Cisco's admin-consent link is (part of) the fix. */
  consentFixes: boolean;
  /** True when the code also happens on the bot's own token request and has its own fix for the bot's operator. */
  botFix: boolean;
}

const PRESENT = 'integration-app-present';
const ENABLED = 'integration-app-enabled';
const CONSENT = 'integration-consent-complete';

export const AADSTS_CATALOG: readonly AadstsEntry[] = [
  { code: '65001', cause: 'consent-incomplete', resolvedBy: [PRESENT, CONSENT], consentFixes: true, botFix: true },
  { code: '90094', cause: 'consent-incomplete', resolvedBy: [PRESENT, CONSENT], consentFixes: true, botFix: false },
  { code: '650056', cause: 'consent-incomplete', resolvedBy: [PRESENT, CONSENT], consentFixes: true, botFix: false },
  { code: '700016', cause: 'integration-app-missing', resolvedBy: [PRESENT], consentFixes: true, botFix: true },
  { code: '500011', cause: 'integration-app-missing', resolvedBy: [PRESENT], consentFixes: true, botFix: false },
  { code: '7000215', cause: 'aadsts', resolvedBy: [], consentFixes: false, botFix: true },
  { code: '7000222', cause: 'aadsts', resolvedBy: [], consentFixes: false, botFix: true },
  { code: '50020', cause: 'aadsts', resolvedBy: [], consentFixes: true, botFix: false },
  { code: '65004', cause: 'consent-incomplete', resolvedBy: [PRESENT, CONSENT], consentFixes: true, botFix: false },
  { code: '50105', cause: 'aadsts', resolvedBy: [], consentFixes: false, botFix: false },
  { code: '90099', cause: 'consent-incomplete', resolvedBy: [PRESENT, CONSENT], consentFixes: true, botFix: false },
  { code: '90002', cause: 'aadsts', resolvedBy: [], consentFixes: false, botFix: true },
  { code: '7000112', cause: 'integration-app-disabled', resolvedBy: [ENABLED], consentFixes: false, botFix: true },
  { code: '7000229', cause: 'aadsts', resolvedBy: [], consentFixes: false, botFix: true },
  { code: '50079', cause: 'aadsts', resolvedBy: [], consentFixes: false, botFix: false },
];

const BY_CODE: ReadonlyMap<string, AadstsEntry> = new Map(AADSTS_CATALOG.map((e) => [e.code, e]));

export function aadstsEntry(code: string): AadstsEntry | undefined {
  return BY_CODE.get(code);
}

/** Meaning and fix for one code; codes outside the catalog point to Microsoft's lookup page. */
export function explainAadsts(code: string, source: AadstsExplanation['source']): AadstsExplanation {
  const entry = BY_CODE.get(code);
  if (entry === undefined) {
    return { code, meaning: msg('aadsts.unknown.meaning', { code }), fix: msg('aadsts.unknown.fix', { code }), source };
  }
  const fix =
    source === 'bot-token'
      ? entry.botFix
        ? msg(`aadsts.${code}.bot-fix`)
        : msg('aadsts.bot-fix', { code })
      : msg(`aadsts.${code}.fix`);
  return { code, meaning: msg(`aadsts.${code}.meaning`), fix, source };
}
