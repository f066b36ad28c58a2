import type { Verdict } from '../diagnosis/types.js';

/** One icon per verdict, the same on the card, in the Markdown fallback and in the history. */
export const VERDICT_ICON: Record<Verdict, string> = { broken: '❌', healthy: '✅', inconclusive: '⚠️' };
