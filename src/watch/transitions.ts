import type { Finding, Outcome, UnknownReason } from '../checks/types.js';

/**
 * Pure transition logic of the watch: what a room has been told, what a run observed, and which changes
 * are worth a message. No clock, no I/O: every time comes in as an argument.
 */

/**
 * What a room knows about one check. `blind`: the bot's own access broke (its token request, or a Graph
 * permission it lacks), so the check says nothing about the tenant; the admins must hear that too.
 */
export type WatchedOutcome = 'pass' | 'fail' | 'blind';

export type BlindReason = 'auth' | 'permission';

export interface WatchedCheck {
  outcome: WatchedOutcome;
  /** ISO time the check was first seen with this outcome. */
  since: string;
  reason?: BlindReason;
}

/** The last known state of every check of a tenant, as one room has been told it. */
export interface WatchSnapshot {
  /** ISO time of the run that produced it. */
  at: string;
  checks: Record<string, WatchedCheck>;
}

/** One check whose known state changed. */
export interface CheckChange {
  checkId: string;
  /** Absent on a room's first run: nothing was known before. */
  from?: WatchedOutcome;
  to: WatchedOutcome;
  /** Why the bot cannot see, when `to` is `blind`. */
  reason?: BlindReason;
  /** ISO time of the run that saw the change. */
  seenAt: string;
}

/** A check's raw result in one run. */
export interface ObservedCheck {
  outcome: Outcome;
  unknown?: UnknownReason['kind'];
}

export type Observation = Record<string, ObservedCheck>;

export function observe(findings: readonly Finding[]): Observation {
  const observation: Observation = {};
  for (const f of findings) {
    observation[f.checkId] = f.unknown === undefined || f.outcome !== 'unknown' ? { outcome: f.outcome } : { outcome: f.outcome, unknown: f.unknown.kind };
  }
  return observation;
}

/** Own keys only: a check id must never resolve to something on Object.prototype. */
export function entryOf<T>(record: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/**
 * What an observation means for the known state. `undefined` = it says nothing new, keep what was known:
 * a throttled, timed-out, unreachable or garbled read is a hiccup, not a change, and a check made moot by an
 * earlier failure (`prerequisite`) is reported through that earlier check.
 */
function meaning(observed: ObservedCheck): { outcome: WatchedOutcome; reason?: BlindReason } | undefined {
  if (observed.outcome !== 'unknown') return { outcome: observed.outcome };
  if (observed.unknown === 'auth' || observed.unknown === 'permission') return { outcome: 'blind', reason: observed.unknown };
  return undefined;
}

/** The known state after a run: observed verdicts replace old ones, hiccups and unobserved checks keep theirs. */
export function advance(previous: WatchSnapshot | undefined, observation: Observation, at: string): WatchSnapshot {
  const checks: Record<string, WatchedCheck> = { ...(previous?.checks ?? {}) };
  for (const [checkId, observed] of Object.entries(observation)) {
    const now = meaning(observed);
    if (now === undefined) continue;
    const before = entryOf(checks, checkId);
    // A blind reason that changes (auth ↔ permission) is still the same blindness: it keeps its `since`.
    const since = before !== undefined && before.outcome === now.outcome ? before.since : at;
    checks[checkId] = now.reason === undefined ? { outcome: now.outcome, since } : { outcome: now.outcome, since, reason: now.reason };
  }
  return { at, checks };
}

export interface Transitions {
  /** Checks that turned to `fail` or `blind` (from anything else, or from nothing on a first run). */
  alert: CheckChange[];
  /** Checks that turned back to `pass` from `fail` or `blind`. */
  recovered: CheckChange[];
}

/**
 * Which changes between two known states deserve a message. Unchanged states never repeat an alert.
 * A first run (`previous` undefined) alerts on whatever already fails or cannot be seen (the admin asked to be
 * told, and would not hear otherwise) and recovers nothing; a passing check that appears is a baseline.
 * Losing sight (`blind`) alerts once, whatever was known before; a blind reason that changes (auth ↔ permission)
 * is not news: it is still the bot that cannot see.
 */
export function compare(previous: WatchSnapshot | undefined, next: WatchSnapshot): Transitions {
  const alert: CheckChange[] = [];
  const recovered: CheckChange[] = [];
  for (const [checkId, now] of Object.entries(next.checks).sort(([a], [b]) => a.localeCompare(b))) {
    const from = previous === undefined ? undefined : entryOf(previous.checks, checkId)?.outcome;
    if (from === now.outcome) continue;
    const change: CheckChange = { checkId, to: now.outcome, seenAt: next.at };
    if (from !== undefined) change.from = from;
    if (now.reason !== undefined) change.reason = now.reason;
    if (now.outcome === 'pass') {
      if (from !== undefined) recovered.push(change);
    } else {
      alert.push(change);
    }
  }
  return { alert, recovered };
}

/**
 * `next`, with the given checks put back as `previous` had them: used when a message about them could not be
 * delivered, so the next run sees the same change again and retries the message.
 */
export function revert(next: WatchSnapshot, previous: WatchSnapshot | undefined, checkIds: readonly string[]): WatchSnapshot {
  const reverted = new Set(checkIds);
  const checks: Record<string, WatchedCheck> = {};
  for (const [checkId, now] of Object.entries(next.checks)) {
    const before = reverted.has(checkId) && previous !== undefined ? entryOf(previous.checks, checkId) : undefined;
    // A reverted check unknown before is left out: the next run sees it as new and alerts again.
    if (!reverted.has(checkId)) checks[checkId] = now;
    else if (before !== undefined) checks[checkId] = before;
  }
  return { at: next.at, checks };
}
