import { z } from 'zod';
import type { Outcome, UnknownReason } from '../checks/types.js';
import { entryOf } from './transitions.js';
import type { Observation, WatchSnapshot } from './transitions.js';

/**
 * What the watcher keeps per tenant in the store's `watch_state` (JSON). Written only by the replica holding
 * the tenant's lease; read back through `parseTenantState`, since a row may come from an older release or a
 * hand edit.
 */

/** A check's latest raw result, for `status`: the truth, unknowns included (never a false "healthy"). */
export interface ObservedEntry {
  outcome: Outcome;
  unknown?: UnknownReason['kind'];
  /** ISO time this exact result was first seen. */
  since: string;
  /** ISO time of the run that last saw it. */
  checkedAt: string;
}

export interface TenantWatchState {
  version: 1;
  /** Start of the last run that completed (the schedule counts from it). */
  lastRunAt?: string;
  /** Last run that threw or timed out (it is retried at the next tick). */
  lastFailureAt?: string;
  observed: Record<string, ObservedEntry>;
  /** Per watching room: what that room has been told. A room without an entry has not had its first run. */
  told: Record<string, WatchSnapshot>;
}

const iso = z.string().datetime({ offset: true });
const unknownKind = z.enum(['permission', 'throttled', 'timeout', 'unreachable', 'auth', 'error', 'prerequisite']);

const snapshotSchema = z.object({
  at: iso,
  checks: z.record(
    z.string(),
    z.object({ outcome: z.enum(['pass', 'fail', 'blind']), since: iso, reason: z.enum(['auth', 'permission']).optional() }),
  ),
});

const stateSchema = z.object({
  version: z.literal(1),
  lastRunAt: iso.optional(),
  lastFailureAt: iso.optional(),
  observed: z.record(
    z.string(),
    z.object({ outcome: z.enum(['pass', 'fail', 'unknown']), unknown: unknownKind.optional(), since: iso, checkedAt: iso }),
  ),
  told: z.record(z.string(), snapshotSchema),
});

export function emptyTenantState(): TenantWatchState {
  return { version: 1, observed: {}, told: {} };
}

/** The stored state, or undefined when it is not a state this release understands. */
export function parseTenantState(raw: unknown): TenantWatchState | undefined {
  const parsed = stateSchema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}

/** The latest raw result per check; a result identical to the last one keeps its `since`. */
export function recordObservation(
  previous: Record<string, ObservedEntry>,
  observation: Observation,
  at: string,
): Record<string, ObservedEntry> {
  const next: Record<string, ObservedEntry> = { ...previous };
  for (const [checkId, seen] of Object.entries(observation)) {
    const before = entryOf(previous, checkId);
    const same = before !== undefined && before.outcome === seen.outcome && before.unknown === seen.unknown;
    const entry: ObservedEntry = { outcome: seen.outcome, since: same ? before.since : at, checkedAt: at };
    if (seen.unknown !== undefined) entry.unknown = seen.unknown;
    next[checkId] = entry;
  }
  return next;
}
