import { CHECKS } from '../checks/index.js';
import type { FindingIndex } from './finding-access.js';
import type { RankedCause } from './ranked-cause.js';
import type { Verdict } from './types.js';

/**
 * broken: a failed check, or a paste signal no check contradicts, explains the error.
 * healthy: only when every check ran and passed (so never with an unknown, least of all among the core checks).
 * inconclusive: anything else. The bot's own access problem explains its blindness, not the error.
 */
export function decideVerdict(causes: readonly RankedCause[], findings: FindingIndex | undefined): Verdict {
  const explained = causes.some((c) => c.id !== 'bot-access-broken' && (c.confidence === 'confirmed' || c.confidence === 'likely'));
  if (explained) return 'broken';
  if (findings !== undefined && CHECKS.every((c) => findings.outcome(c.meta.id) === 'pass')) return 'healthy';
  return 'inconclusive';
}
