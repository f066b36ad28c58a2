import type { WatchRecord } from '../store/types.js';
import { settlesWithin, systemClock } from './clock.js';
import { closeWatchRowId, failingChecks, isCloseWatchRowId, readCloseWatchRowId } from './close-watch.js';
import type { CloseWatch } from './close-watch.js';
import { readTenantState, runTenant } from './tenant-run.js';
import type { RunContext, TenantPlan } from './tenant-run.js';
import type { CheckStatus, CloseWatchRequest, RoomWatchStatus, WatchedTenantStatus, Watcher, WatcherDeps, WatchRequest } from './types.js';

const DEFAULTS = { closeEveryMs: 60_000, closeForMs: 30 * 60_000, runTimeoutMs: 120_000, notifyTimeoutMs: 30_000, stopTimeoutMs: 30_000, concurrency: 2 };

function positive(name: string, value: number): number {
  if (!(Number.isFinite(value) && value > 0)) throw new RangeError(`${name} must be a positive number of milliseconds, got ${value}`);
  return value;
}

function required(name: string, value: string): string {
  if (value.trim() === '') throw new RangeError(`${name} is empty`);
  return value;
}

/** The store's rows grouped per tenant: standing watches and close watches (see close-watch.ts). */
function planTenants(rows: readonly WatchRecord[], logger: WatcherDeps['logger']): TenantPlan[] {
  const plans = new Map<string, TenantPlan>();
  for (const row of rows) {
    const plan = plans.get(row.tenantId) ?? { tenantId: row.tenantId, rooms: [], closeWatches: [] };
    plans.set(row.tenantId, plan);
    if (!isCloseWatchRowId(row.roomId)) {
      plan.rooms.push(row.roomId);
      continue;
    }
    const close = readCloseWatchRowId(row.roomId);
    if (close === undefined) logger.warn({ tenantId: row.tenantId }, 'watch: unreadable close-watch row skipped');
    else plan.closeWatches.push(close);
  }
  return [...plans.values()];
}

/** Runs `work` over `items`, at most `limit` at a time, until `keepGoing` says stop. Never rejects. */
async function forEachLimited<T>(items: readonly T[], limit: number, keepGoing: () => boolean, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async (): Promise<void> => {
    while (keepGoing() && next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}

/** The watch engine: subscriptions in the store, a schedule per tenant, alerts through `notify`. */
export function createWatcher(deps: WatcherDeps): Watcher {
  const clock = deps.clock ?? systemClock;
  const intervalMs = positive('intervalMs', deps.intervalMs);
  const closeEveryMs = positive('closeWatch.everyMs', deps.closeWatch?.everyMs ?? DEFAULTS.closeEveryMs);
  const closeForMs = positive('closeWatch.forMs', deps.closeWatch?.forMs ?? DEFAULTS.closeForMs);
  const tickMs = positive('tickMs', deps.tickMs ?? Math.min(intervalMs, closeEveryMs));
  const runTimeoutMs = positive('runTimeoutMs', deps.runTimeoutMs ?? DEFAULTS.runTimeoutMs);
  const stopTimeoutMs = positive('stopTimeoutMs', deps.stopTimeoutMs ?? DEFAULTS.stopTimeoutMs);
  const concurrency = Math.max(1, Math.floor(deps.concurrency ?? DEFAULTS.concurrency));
  const { store, logger } = deps;

  let phase: 'idle' | 'running' | 'stopped' = 'idle';
  let abandoned = false;
  let timer: unknown;
  let inFlight: Promise<void> | undefined;
  /** Tenants being run by this process right now: a tenant never runs twice at once here (the lease is per replica). */
  const busy = new Set<string>();

  const ctx: RunContext = {
    store,
    replicaId: required('replicaId', deps.replicaId),
    clock,
    logger,
    runChecks: (tenantId) => deps.runChecks(tenantId),
    notify: (event) => deps.notify(event),
    timing: {
      intervalMs,
      closeEveryMs,
      slackMs: tickMs / 2,
      runTimeoutMs,
      notifyTimeoutMs: positive('notifyTimeoutMs', deps.notifyTimeoutMs ?? DEFAULTS.notifyTimeoutMs),
      // A run is bounded by runTimeoutMs and renews the lease before it notifies: 3× leaves room for the rest.
      leaseTtlMs: 3 * runTimeoutMs,
    },
    held: new Set<string>(),
    abandoned: () => abandoned,
  };

  async function runGuarded(plan: TenantPlan): Promise<void> {
    if (busy.has(plan.tenantId)) return;
    busy.add(plan.tenantId);
    try {
      await runTenant(ctx, plan);
    } catch (error) {
      // A store hiccup for one tenant must not stop the others, nor the schedule.
      logger.error({ tenantId: plan.tenantId, err: error }, 'watch: tenant run failed');
    } finally {
      busy.delete(plan.tenantId);
    }
  }

  async function tick(): Promise<void> {
    try {
      const plans = planTenants(await store.listWatches(), logger);
      await forEachLimited(plans, concurrency, () => phase === 'running', runGuarded);
    } catch (error) {
      logger.error({ err: error }, 'watch: tick failed; trying again at the next one');
    }
  }

  function schedule(ms: number): void {
    timer = clock.setTimeout(() => {
      timer = undefined;
      inFlight = tick().finally(() => {
        inFlight = undefined;
        if (phase === 'running') schedule(tickMs);
      });
    }, ms);
  }

  async function tenantStatus(row: WatchRecord): Promise<WatchedTenantStatus> {
    const state = await readTenantState(ctx, row.tenantId);
    const checks: CheckStatus[] = Object.entries(state.observed)
      .map(([checkId, entry]) => ({ checkId, ...entry }))
      .sort((a, b) => a.checkId.localeCompare(b.checkId));
    const status: WatchedTenantStatus = { tenantId: row.tenantId, orgId: row.orgId, watchedBy: row.createdBy, watchedSince: row.createdAt, checks };
    if (state.lastRunAt !== undefined) status.lastRunAt = state.lastRunAt;
    const failedSince = state.lastFailureAt !== undefined && (state.lastRunAt === undefined || state.lastFailureAt > state.lastRunAt);
    if (failedSince) status.lastFailureAt = state.lastFailureAt;
    return status;
  }

  async function closeWatchesOf(roomId: string, tenantId?: string): Promise<{ tenantId: string; watch: CloseWatch }[]> {
    const found: { tenantId: string; watch: CloseWatch }[] = [];
    for (const row of await store.listWatches()) {
      const watch = readCloseWatchRowId(row.roomId);
      if (watch?.roomId === roomId && (tenantId === undefined || row.tenantId === tenantId)) found.push({ tenantId: row.tenantId, watch });
    }
    return found;
  }

  return {
    async watch(input: WatchRequest): Promise<void> {
      if (isCloseWatchRowId(input.roomId)) throw new RangeError('not a Webex room id');
      await store.upsertWatch({
        roomId: required('roomId', input.roomId),
        tenantId: required('tenantId', input.tenantId),
        orgId: required('orgId', input.orgId),
        createdBy: required('personId', input.personId),
      });
    },

    async unwatch(roomId: string, tenantId: string): Promise<boolean> {
      let removed = await store.removeWatch(roomId, tenantId);
      for (const { watch } of await closeWatchesOf(roomId, tenantId)) {
        removed = (await store.removeWatch(closeWatchRowId(watch), tenantId)) || removed;
      }
      return removed;
    },

    async status(roomId: string): Promise<RoomWatchStatus> {
      const rows = (await store.listWatches()).filter((row) => row.roomId === roomId);
      const watches = await Promise.all(rows.map(tenantStatus));
      const closeWatches = (await closeWatchesOf(roomId)).map(({ tenantId, watch }) => ({ tenantId, parentId: watch.parentId, until: watch.until, targets: watch.targets }));
      return { watches, closeWatches };
    },

    async watchClosely(request: CloseWatchRequest): Promise<{ until: string; targets: string[] }> {
      const now = clock.now().getTime();
      const latest = now + closeForMs;
      const until = Math.min(request.until?.getTime() ?? latest, latest);
      if (!(until > now)) throw new RangeError('a close watch must end in the future');
      const watch: CloseWatch = { roomId: required('roomId', request.roomId), until: new Date(until).toISOString(), targets: failingChecks(request.diagnosis) };
      if (request.parentId !== undefined) watch.parentId = required('parentId', request.parentId);
      await store.upsertWatch({
        roomId: closeWatchRowId(watch),
        tenantId: required('tenantId', request.tenantId),
        orgId: request.orgId ?? '',
        createdBy: request.personId ?? '',
      });
      return { until: watch.until, targets: watch.targets };
    },

    start(): void {
      if (phase === 'stopped') throw new Error('a stopped watcher cannot start again: create a new one');
      if (phase === 'running') return;
      phase = 'running';
      schedule(0);
    },

    async stop(): Promise<void> {
      if (phase !== 'running') {
        phase = 'stopped';
        return;
      }
      phase = 'stopped';
      if (timer !== undefined) clock.clearTimeout(timer);
      timer = undefined;
      if (inFlight !== undefined && !(await settlesWithin(clock, stopTimeoutMs, inFlight))) {
        abandoned = true;
        logger.warn({ stopTimeoutMs }, 'watch: run still in flight at stop; its results will be dropped');
      }
      for (const lease of ctx.held) {
        await store.releaseLease(lease, ctx.replicaId).catch((error: unknown) => logger.warn({ lease, err: error }, 'watch: lease not released'));
      }
      ctx.held.clear();
    },
  };
}
