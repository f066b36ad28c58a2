import type { Cause } from './types.js';

/**
 * A cause with its place in the list. Confidence alone cannot order them: the bot's own access problem is
 * "confirmed" yet explains nothing about the admin's error, so it sits below a likely cause from the paste.
 */
export interface RankedCause extends Cause {
  rank: number;
}

export const RANK = {
  /** A failed check shows it; earlier checks in CHECKS order first. */
  confirmed: 100,
  /** The paste alone points at it and no check contradicts it. */
  likely: 60,
  botAccess: 50,
  possible: 30,
} as const;

/** Most likely first; a stable order for equal ranks. */
export function byRank(causes: readonly RankedCause[]): RankedCause[] {
  return [...causes].sort((a, b) => b.rank - a.rank);
}

export function withoutRank(cause: RankedCause): Cause {
  return { id: cause.id, confidence: cause.confidence, title: cause.title, evidence: cause.evidence };
}
