import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { migrate } from './migrations.js';
import type { SqlDriver, SqlExecutor, SqlResult, SqlValue } from './sql.js';
import { SqlStore } from './sql-store.js';
import type { Store } from './types.js';

export interface SqliteStoreOptions {
  /** A file path (created with its folder), or ':memory:' for a store that lives as long as the process. */
  path: string;
  now?: () => number;
}

/** The single-process store: one SQLite file in WAL mode, migrated on open. */
export async function openSqliteStore(options: SqliteStoreOptions): Promise<Store> {
  const now = options.now ?? Date.now;
  const driver = new SqliteDriver(options.path);
  try {
    await oneAtATimePerFile(options.path, () => migrate(driver, now()));
  } catch (error) {
    await driver.close();
    throw error;
  }
  return new SqlStore(driver, now);
}

const migrationsInProgress = new Map<string, Promise<unknown>>();

/**
 * Two stores on one file opened together in the same process must not both migrate at once: better-sqlite3
 * waits for a lock by blocking the thread, so the second would block the very thread the first needs to
 * finish (a deadlock until the busy timeout). Other processes are kept apart by SQLite's own lock.
 */
async function oneAtATimePerFile<T>(path: string, work: () => Promise<T>): Promise<T> {
  const key = path === ':memory:' || path === '' ? undefined : resolve(path);
  if (key === undefined) return work(); // every ':memory:' store is its own database
  const previous = migrationsInProgress.get(key) ?? Promise.resolve();
  const current = previous.catch(() => undefined).then(work);
  migrationsInProgress.set(key, current);
  try {
    return await current;
  } finally {
    if (migrationsInProgress.get(key) === current) migrationsInProgress.delete(key);
  }
}

class SqliteDriver implements SqlDriver {
  private readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();

  constructor(path: string) {
    if (path !== ':memory:' && path !== '') mkdirSync(dirname(path), { recursive: true });
    // `timeout`: another process holding the write lock makes us wait this long rather than fail at once.
    this.db = new Database(path, { timeout: 5_000 });
    // WAL lets readers carry on while one writer writes; NORMAL sync is safe with WAL (a crash loses at
    // most the last transactions, never corrupts). Both are no-ops for ':memory:'.
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
  }

  async query<Row>(sql: string, params: readonly SqlValue[] = []): Promise<SqlResult<Row>> {
    const statement = this.prepared(sql);
    if (statement.reader) {
      // The statement's author vouches for the row shape (see SqlExecutor.query).
      const rows = statement.all(...params) as Row[];
      return { rows, changes: rows.length };
    }
    return { rows: [], changes: statement.run(...params).changes };
  }

  async withMigrationLock<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    // IMMEDIATE takes the write lock now, so a second process opening the same file waits, then sees our steps.
    this.db.exec('BEGIN IMMEDIATE');
    try {
      const result = await work(this);
      this.db.exec('COMMIT');
      return result;
    } catch (error) {
      this.db.exec('ROLLBACK');
      throw error;
    }
  }

  async close(): Promise<void> {
    this.statements.clear();
    this.db.close();
  }

  private prepared(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (statement === undefined) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }
}
