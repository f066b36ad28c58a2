import type { Language } from '../i18n/message.js';
import { fitMarkdown } from './markdown-budget.js';
import { cardText } from './text.js';
import type { Refusal, RenderedMessage } from './types.js';

/** Short Markdown-only replies: no card, nothing to click. */

/** Sent at once when a live check starts, so the admin knows the bot heard them. */
export function renderChecking(language: Language): RenderedMessage {
  return { markdown: cardText(language).md('ui.msg.checking') };
}

export function renderRefusal(refusal: Refusal, language: Language): RenderedMessage {
  const text = cardText(language);
  switch (refusal.kind) {
    case 'not-allowed':
      return { markdown: text.md('ui.msg.notAllowed') };
    case 'no-tenant':
      return { markdown: text.md('ui.msg.noTenant') };
    case 'rate-limited': {
      // Never "try again in 0 seconds", never a fraction.
      const seconds = Math.max(1, Math.ceil(Number.isFinite(refusal.retryAfterSeconds) ? refusal.retryAfterSeconds : 60));
      return { markdown: text.md('ui.msg.rateLimited', { seconds }) };
    }
  }
}

/**
 * Something failed on our side. `trackingRef` is the id in our logs (escaped like any text); the message says
 * nothing about the failure itself, which may hold internal details.
 */
export function renderError(language: Language, trackingRef: string): RenderedMessage {
  return { markdown: fitMarkdown([{ text: cardText(language).md('ui.msg.error', { reference: trackingRef }), essential: true }]) };
}

/** The answer to `language <code>`, in the newly chosen language. */
export function renderLanguageChanged(language: Language): RenderedMessage {
  return { markdown: cardText(language).md('ui.msg.languageChanged') };
}

/** A Re-verify press on a card the bot no longer knows (purged by retention, or not ours). */
export function renderCardExpired(language: Language): RenderedMessage {
  return { markdown: cardText(language).md('ui.msg.cardExpired') };
}

/** The result holds tenant details, and not everyone in this group space may see them: it goes 1:1 instead. */
export function renderMovedToDirect(language: Language): RenderedMessage {
  return { markdown: cardText(language).md('ui.msg.movedToDirect') };
}

/** `language` without a code we speak: the codes, each language named in itself. */
export function renderLanguageChoices(language: Language): RenderedMessage {
  return { markdown: cardText(language).md('ui.msg.languageChoices') };
}

export type WatchReply = { kind: 'watching' } | { kind: 'unwatched' } | { kind: 'not-watching' };

export function renderWatchReply(reply: WatchReply, language: Language): RenderedMessage {
  return { markdown: cardText(language).md(`ui.msg.watch.${reply.kind}`) };
}
export { renderHistory } from './render-history.js';
