export { openStore } from './open.js';
export type { StoreOptions } from './open.js';
export { openSqliteStore } from './sqlite.js';
export type { SqliteStoreOptions } from './sqlite.js';
export { openPostgresStore } from './postgres.js';
export type { PostgresStoreOptions } from './postgres.js';
export { asEventDeduper } from './dedupe.js';
export type {
  DiagnosisRecord,
  EventDeduper,
  PurgeCounts,
  RunKind,
  RunRecord,
  Store,
  WatchInput,
  WatchRecord,
  WatchState,
} from './types.js';
