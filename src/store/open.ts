import { openPostgresStore } from './postgres.js';
import { openSqliteStore } from './sqlite.js';
import type { Store } from './types.js';

export interface StoreOptions {
  /** When set, PostgreSQL (needed for several replicas); otherwise SQLite at `sqlitePath`. */
  databaseUrl?: string;
  sqlitePath: string;
  now?: () => number;
  onIdleError?: (error: Error) => void;
}

export function openStore(options: StoreOptions): Promise<Store> {
  if (options.databaseUrl !== undefined) {
    return openPostgresStore({ url: options.databaseUrl, now: options.now, onIdleError: options.onIdleError });
  }
  return openSqliteStore({ path: options.sqlitePath, now: options.now });
}
