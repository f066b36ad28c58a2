import type { Diagnosis, Verdict } from '../diagnosis/types.js';
import type { Language } from '../i18n/message.js';

/**
 * What the bot remembers between restarts and shares between replicas. One small interface;
 * SQLite (one process) and PostgreSQL (several replicas) implement it with the same logical schema.
 * Timestamps are ISO-8601 strings at this boundary. Nothing secret is stored: no tokens, no credentials.
 */

export interface DiagnosisRecord {
  id: string;
  /** The Webex message that carries the card; set once it has been posted (see `setDiagnosisMessage`). */
  messageId?: string;
  roomId: string;
  /** The thread the answer was posted in. */
  parentId?: string;
  orgId: string;
  /** The Entra tenant checked; absent when only the paste was read (no tenant was allowed or mapped). */
  tenantId?: string;
  /** personId of whoever asked. */
  askedBy: string;
  language: Language;
  createdAt: string;
  diagnosis: Diagnosis;
}

export type RunKind = 'diagnose' | 'reverify' | 'watch';

/** One check run: a row of the audit trail of who looked at which tenant, when, and what was seen. */
export interface RunRecord {
  id: string;
  at: string;
  personId: string;
  orgId: string;
  roomId: string;
  tenantId: string;
  kind: RunKind;
  /** Ids of the checks that ran. */
  checks: string[];
  outcome: Verdict;
  durationMs: number;
  trackingIds: string[];
}

export interface WatchInput {
  roomId: string;
  tenantId: string;
  orgId: string;
  /** personId of whoever asked for the watch. */
  createdBy: string;
}

export interface WatchRecord extends WatchInput {
  createdAt: string;
}

export interface WatchState {
  /** Whatever the watcher saved last, as it saved it (JSON). Validate it before use. */
  state: unknown;
  updatedAt: string;
}

/** Rows removed by `purgeOlderThan`, per kind. */
export interface PurgeCounts {
  diagnoses: number;
  runs: number;
  events: number;
}

export interface Store {
  /**
   * True the first time this event id is seen, false on any redelivery. Decided by the database's
   * unique key, so two replicas given the same webhook answer it once.
   */
  recordEventOnce(eventId: string): Promise<boolean>;

  /** Inserts, or replaces the record with the same id. */
  saveDiagnosis(record: DiagnosisRecord): Promise<void>;
  /** False when no diagnosis has that id. */
  setDiagnosisMessage(id: string, messageId: string): Promise<boolean>;
  getDiagnosis(id: string): Promise<DiagnosisRecord | undefined>;
  /** The diagnosis whose card is that message: how a Re-verify press finds what it re-checks. */
  getDiagnosisByMessage(messageId: string): Promise<DiagnosisRecord | undefined>;
  latestDiagnosisForTenant(tenantId: string): Promise<DiagnosisRecord | undefined>;

  /** Audit rows are never rewritten: false when a run with this id was already recorded. */
  recordRun(run: RunRecord): Promise<boolean>;
  /** The org's newest runs first; `limit` is clamped to 1..1000 (default 20). */
  listRuns(query: { orgId: string; limit?: number }): Promise<RunRecord[]>;
  /** Every run of the org (since `since`, inclusive), oldest first. */
  exportRuns(query: { orgId: string; since?: string }): Promise<RunRecord[]>;

  setLanguage(personId: string, language: Language): Promise<void>;
  getLanguage(personId: string): Promise<Language | undefined>;

  upsertWatch(watch: WatchInput): Promise<void>;
  /** False when there was no such watch. The tenant's watch state goes with its last watch. */
  removeWatch(roomId: string, tenantId: string): Promise<boolean>;
  listWatches(): Promise<WatchRecord[]>;
  getWatchState(tenantId: string): Promise<WatchState | undefined>;
  setWatchState(tenantId: string, state: unknown): Promise<void>;

  /**
   * True when `holder` now holds the lease `name` for `ttlMs`: it was free, expired, or already this
   * holder's (a renewal). One replica at a time runs a given tenant's schedule.
   */
  tryAcquireLease(name: string, holder: string, ttlMs: number): Promise<boolean>;
  /** Gives the lease up early (on shutdown); false when `holder` did not hold it. */
  releaseLease(name: string, holder: string): Promise<boolean>;

  /** Deletes diagnoses, runs and seen-event ids older than `days` days. */
  purgeOlderThan(days: number): Promise<PurgeCounts>;
  close(): Promise<void>;
}

/** The shape src/webex/dedupe.ts asks for. */
export interface EventDeduper {
  firstTime(eventId: string): Promise<boolean>;
}
