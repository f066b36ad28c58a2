import type { Diagnosis } from '../diagnosis/types.js';
import type { Store } from '../store/types.js';
import { withTimeout } from './clock.js';
import type { Clock } from './clock.js';
import { closeWatchRowId, fixSeen, threadKey } from './close-watch.js';
import type { CloseWatch } from './close-watch.js';
import { emptyTenantState, parseTenantState, recordObservation } from './state.js';
import type { TenantWatchState } from './state.js';
import { advance, compare, entryOf, observe, revert } from './transitions.js';
import type { CheckChange, Observation, WatchSnapshot } from './transitions.js';
import type { WatchEvent, WatchLogger } from './types.js';

/** Everything one tenant's run needs; built once by the watcher. */
export interface RunContext {
  store: Store;
  replicaId: string;
  clock: Clock;
  logger: WatchLogger;
  runChecks(tenantId: string): Promise<Diagnosis>;
  notify(event: WatchEvent): Promise<void>;
  timing: {
    intervalMs: number;
    closeEveryMs: number;
    /** Half a tick: a run due a hair after this tick is run now rather than a whole tick late. */
    slackMs: number;
    runTimeoutMs: number;
    notifyTimeoutMs: number;
    leaseTtlMs: number;
  };
  /** Leases this replica took, given back on stop. */
  held: Set<string>;
  /** True once stop gave up waiting: a late run must then neither notify nor write. */
  abandoned(): boolean;
}

/** One tenant as this tick found it in the store. */
export interface TenantPlan {
  tenantId: string;
  /** Rooms with a standing watch. */
  rooms: string[];
  closeWatches: CloseWatch[];
}

export const leaseName = (tenantId: string): string => `watch:${tenantId}`;

export async function readTenantState(ctx: Pick<RunContext, 'store' | 'logger'>, tenantId: string): Promise<TenantWatchState> {
  const stored = await ctx.store.getWatchState(tenantId);
  if (stored === undefined) return emptyTenantState();
  const state = parseTenantState(stored.state);
  if (state === undefined) {
    // Starting over beats crashing on it every tick; the cost is one repeated first-run alert at most.
    ctx.logger.warn({ tenantId }, 'watch: stored state unreadable, starting from a fresh baseline');
    return emptyTenantState();
  }
  return state;
}

function isDue(ctx: RunContext, plan: TenantPlan, open: readonly CloseWatch[], state: TenantWatchState, now: Date): boolean {
  const { intervalMs, closeEveryMs, slackMs } = ctx.timing;
  const elapsed = state.lastRunAt === undefined ? Infinity : now.getTime() - Date.parse(state.lastRunAt);
  const newRoom = plan.rooms.some((roomId) => entryOf(state.told, roomId) === undefined);
  const regularDue = plan.rooms.length > 0 && (newRoom || elapsed >= intervalMs - slackMs);
  return regularDue || (open.length > 0 && elapsed >= closeEveryMs - slackMs);
}

/** Ends the close watches whose time is up, without a word; returns those still open. */
async function dropExpired(ctx: RunContext, plan: TenantPlan, now: Date): Promise<CloseWatch[]> {
  const open: CloseWatch[] = [];
  for (const watch of plan.closeWatches) {
    if (now.getTime() < Date.parse(watch.until)) {
      open.push(watch);
      continue;
    }
    await ctx.store.removeWatch(closeWatchRowId(watch), plan.tenantId);
    ctx.logger.info({ tenantId: plan.tenantId, roomId: watch.roomId, until: watch.until }, 'watch: close watch ended without seeing the fix');
  }
  return open;
}

/** Renews the lease: a run that lost it (too slow, or stop gave up on it) must not notify nor write. */
async function stillOurs(ctx: RunContext, tenantId: string): Promise<boolean> {
  if (ctx.abandoned()) return false;
  if (await ctx.store.tryAcquireLease(leaseName(tenantId), ctx.replicaId, ctx.timing.leaseTtlMs)) return true;
  ctx.logger.warn({ tenantId }, 'watch: lease lost during the run; its results are dropped');
  return false;
}

async function deliver(ctx: RunContext, event: WatchEvent): Promise<boolean> {
  try {
    await withTimeout(ctx.clock, 'notify', ctx.timing.notifyTimeoutMs, () => ctx.notify(event));
    return true;
  } catch (error) {
    ctx.logger.warn({ tenantId: event.tenantId, roomId: event.roomId, kind: event.kind, err: error }, 'watch: notification not delivered; offered again next run');
    return false;
  }
}

/** Tells each watching room what changed for it; returns what each room now knows. */
async function tellRooms(ctx: RunContext, plan: TenantPlan, state: TenantWatchState, observation: Observation, diagnosis: Diagnosis, at: string): Promise<Record<string, WatchSnapshot>> {
  const told: Record<string, WatchSnapshot> = {};
  for (const roomId of plan.rooms) {
    const previous = entryOf(state.told, roomId);
    const next = advance(previous, observation, at);
    const { alert, recovered } = compare(previous, next);
    const undelivered: CheckChange[] = [];
    for (const [kind, changes] of [['alert', alert], ['recovery', recovered]] as const) {
      if (changes.length === 0) continue;
      const event: WatchEvent = { kind, roomId, tenantId: plan.tenantId, diagnosis, previous, changes };
      if (!(await deliver(ctx, event))) undelivered.push(...changes);
    }
    told[roomId] = revert(next, previous, undelivered.map((c) => c.checkId));
  }
  return told;
}

/** Says `fix-seen` once per thread whose awaited checks all pass, then ends those close watches. */
async function reportFixes(ctx: RunContext, tenantId: string, open: readonly CloseWatch[], diagnosis: Diagnosis, at: string): Promise<void> {
  const threads = new Map<string, CloseWatch[]>();
  for (const watch of open.filter((w) => fixSeen(w, diagnosis))) {
    threads.set(threadKey(watch), [...(threads.get(threadKey(watch)) ?? []), watch]);
  }
  for (const watches of threads.values()) {
    const first = watches[0];
    if (first === undefined) continue;
    const targets = [...new Set(watches.flatMap((w) => w.targets))].sort();
    const changes: CheckChange[] = targets.map((checkId) => ({ checkId, from: 'fail', to: 'pass', seenAt: at }));
    const event: WatchEvent = { kind: 'fix-seen', roomId: first.roomId, parentId: first.parentId, tenantId, diagnosis, changes };
    // Undelivered: the close watch stays open and the next run offers it again (until it expires).
    if (!(await deliver(ctx, event))) continue;
    for (const watch of watches) await ctx.store.removeWatch(closeWatchRowId(watch), tenantId);
  }
}

/**
 * Writes the state unless the tenant is no longer watched at all: an unwatch that raced this run has already
 * dropped the state, and writing it back would leave an orphan row.
 */
async function saveIfStillWatched(ctx: RunContext, tenantId: string, state: TenantWatchState): Promise<void> {
  const rows = await ctx.store.listWatches();
  if (rows.some((row) => row.tenantId === tenantId)) await ctx.store.setWatchState(tenantId, state);
}

/**
 * One tenant at one tick: end expired close watches; if a run is due, take the tenant's lease, run the checks,
 * tell the rooms what changed, report fixes, and record the new state. Notifications go out before the state
 * is written: a crash in between repeats a message rather than losing it.
 */
export async function runTenant(ctx: RunContext, plan: TenantPlan): Promise<void> {
  const { tenantId } = plan;
  const now = ctx.clock.now();
  const open = await dropExpired(ctx, plan, now);
  if (!isDue(ctx, plan, open, await readTenantState(ctx, tenantId), now)) return;
  if (!(await ctx.store.tryAcquireLease(leaseName(tenantId), ctx.replicaId, ctx.timing.leaseTtlMs))) return;
  ctx.held.add(leaseName(tenantId));
  // Read again under the lease: another replica may have run it since the first look.
  const state = await readTenantState(ctx, tenantId);
  if (!isDue(ctx, plan, open, state, now)) return;

  const startedAt = now.toISOString();
  let diagnosis: Diagnosis;
  try {
    diagnosis = await withTimeout(ctx.clock, 'runChecks', ctx.timing.runTimeoutMs, () => ctx.runChecks(tenantId));
  } catch (error) {
    // Logged and retried at the next tick; the rooms hear nothing about a run that did not happen.
    ctx.logger.warn({ tenantId, err: error }, 'watch: run failed; retrying at the next tick');
    if (await stillOurs(ctx, tenantId)) await saveIfStillWatched(ctx, tenantId, { ...state, lastFailureAt: ctx.clock.now().toISOString() });
    return;
  }
  if (!(await stillOurs(ctx, tenantId))) return;

  const observation = observe(diagnosis.findings);
  // The thread where the admin just followed the link hears first; the watching rooms next.
  await reportFixes(ctx, tenantId, open, diagnosis, startedAt);
  const told = await tellRooms(ctx, plan, state, observation, diagnosis, startedAt);
  await saveIfStillWatched(ctx, tenantId, {
    version: 1,
    lastRunAt: startedAt,
    observed: recordObservation(state.observed, observation, startedAt),
    told,
  });
}
