import type { Diagnosis } from '../diagnosis/types.js';
import type { Language } from '../i18n/message.js';
import type { Translator } from '../i18n/translate.js';
import type { UrlPolicy } from './safe-url.js';

/** One bot message: Markdown always (the fallback every client shows), plus an Adaptive Card when there is one. */
export interface RenderedMessage {
  /** Webex message Markdown, at most 7,439 bytes. */
  markdown: string;
  /** The Adaptive Card content (schema 1.3), to send as `{ contentType: CARD_CONTENT_TYPE, content: card }`. */
  card?: object;
  /**
   * Things the operator should know but the user need not see, e.g. a fix URL dropped by the allow-list or a
   * card left out because it was too large. Safe to log: no secrets, no user text.
   */
  warnings?: string[];
}

export const CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

export interface RenderDiagnosisOptions extends UrlPolicy {
  language: Language;
  /** Our id for this diagnosis; the Re-verify button sends it back as `{ action: 'reverify', diagnosisId }`. */
  diagnosisId: string;
  /** The previous diagnosis of the same tenant/org: the card then opens with "What changed". */
  previous?: Diagnosis;
  /** The strings to use; the project's own (cards/i18n/) when absent. Tests and tools pass their own. */
  translator?: Translator;
}

/** Why the bot will not run a check for someone right now. */
export type Refusal =
  | { kind: 'not-allowed' } // the person/org is not on the allow-list
  | { kind: 'no-tenant' } // no Entra tenant is mapped to their Webex org: paste-only diagnoses still work
  | { kind: 'rate-limited'; retryAfterSeconds: number };

/** The data a Re-verify press carries back (Action.Submit `data`). */
export interface ReverifyAction {
  action: 'reverify';
  diagnosisId: string;
}
