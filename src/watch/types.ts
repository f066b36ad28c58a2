import type { Outcome, UnknownReason } from '../checks/types.js';
import type { Diagnosis } from '../diagnosis/types.js';
import type { Store } from '../store/types.js';
import type { Clock } from './clock.js';
import type { CheckChange, WatchSnapshot } from './transitions.js';

/**
 * `alert`: checks turned to fail, or the bot can no longer see (`to: 'blind'`). `recovery`: checks the room was
 * alerted about pass again. `fix-seen`: the checks a close watch waited for pass (in the thread, once).
 */
export interface WatchEvent {
  kind: 'alert' | 'recovery' | 'fix-seen';
  roomId: string;
  /** Set for `fix-seen`: the thread the consent link was posted in. */
  parentId?: string;
  tenantId: string;
  /** The run that saw it. */
  diagnosis: Diagnosis;
  /** What the room knew before (absent on its first run, and for `fix-seen`). */
  previous?: WatchSnapshot;
  changes: CheckChange[];
}

/** The subset of pino's Logger the watcher uses. */
export interface WatchLogger {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
}

export interface WatcherDeps {
  store: Store;
  /** Names this process in the store's leases; unique per replica (e.g. hostname + pid). */
  replicaId: string;
  /** Defaults to the system clock. Pass the same clock to the store (`now`) so leases and schedule agree. */
  clock?: Clock;
  /** Time between two scheduled runs of a watched tenant. */
  intervalMs: number;
  closeWatch?: {
    /** Time between two runs while a close watch is open (default 60 s). */
    everyMs?: number;
    /** Longest a close watch lasts (default 30 min); `watchClosely` can only shorten it. */
    forMs?: number;
  };
  /** How often the schedule is looked at; default the smaller of `intervalMs` and `closeWatch.everyMs`. */
  tickMs?: number;
  /** Longest one `runChecks` may take before the run counts as failed (default 2 min). Leases last 3× this. */
  runTimeoutMs?: number;
  /** Longest one `notify` may take before it counts as undelivered (default 30 s). */
  notifyTimeoutMs?: number;
  /** Longest `stop()` waits for the run in flight (default 30 s). */
  stopTimeoutMs?: number;
  /** Tenants run at the same time within one tick (default 2: the machine is small and Graph throttles). */
  concurrency?: number;
  /** The real doctor: collects, judges and diagnoses one tenant. May throw. */
  runChecks(tenantId: string): Promise<Diagnosis>;
  /** Posts the card. A throw (or a timeout) means undelivered: the change is offered again at the next run. */
  notify(event: WatchEvent): Promise<void>;
  logger: WatchLogger;
}

export interface WatchRequest {
  roomId: string;
  tenantId: string;
  orgId: string;
  /** Whoever asked for the watch. */
  personId: string;
}

export interface CloseWatchRequest {
  tenantId: string;
  roomId: string;
  /** The thread the consent link was posted in. */
  parentId?: string;
  /** When to give up; at most `closeWatch.forMs` from now (the default). */
  until?: Date;
  /** The diagnosis whose fix was handed out: its failing checks are what must pass. */
  diagnosis?: Diagnosis;
  orgId?: string;
  personId?: string;
}

/** A check's latest raw result: unknowns stay unknown, with their reason. */
export interface CheckStatus {
  checkId: string;
  outcome: Outcome;
  unknown?: UnknownReason['kind'];
  /** ISO time this result was first seen. */
  since: string;
  /** ISO time of the run that last saw it. */
  checkedAt: string;
}

export interface WatchedTenantStatus {
  tenantId: string;
  orgId: string;
  watchedBy: string;
  watchedSince: string;
  /** Start of the last completed run; absent before the first. */
  lastRunAt?: string;
  /** Set when the newest attempt failed after the last completed run (it is being retried). */
  lastFailureAt?: string;
  /** Empty before the first completed run. */
  checks: CheckStatus[];
}

export interface CloseWatchStatus {
  tenantId: string;
  parentId?: string;
  until: string;
  targets: string[];
}

export interface RoomWatchStatus {
  watches: WatchedTenantStatus[];
  closeWatches: CloseWatchStatus[];
}

export interface Watcher {
  /** Starts (or keeps) watching; the tenant's first run comes at the next tick. */
  watch(input: WatchRequest): Promise<void>;
  /** Stops the room's watch of the tenant and its close watches of it; false when there was none. */
  unwatch(roomId: string, tenantId: string): Promise<boolean>;
  status(roomId: string): Promise<RoomWatchStatus>;
  /** Records a close watch (stored: a restart resumes it) and returns it. */
  watchClosely(request: CloseWatchRequest): Promise<{ until: string; targets: string[] }>;
  /** Schedules ticks: the first at once, the next `tickMs` after each one ends. */
  start(): void;
  /** Cancels the schedule, waits for the tick in flight (bounded), gives this replica's leases back. Final. */
  stop(): Promise<void>;
}
