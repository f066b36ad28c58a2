import pg from 'pg';
import { migrate } from './migrations.js';
import type { SqlDriver, SqlExecutor, SqlResult, SqlValue } from './sql.js';
import { SqlStore } from './sql-store.js';
import type { Store } from './types.js';

export interface PostgresStoreOptions {
  /** postgres://user:password@host:port/database (a secret: never logged, never put in an error). */
  url: string;
  /** Pool size per replica. */
  maxConnections?: number;
  now?: () => number;
  /**
   * A pooled idle connection failed (server restart, network cut). The pool replaces it by itself;
   * without a listener Node would treat the error as unhandled and stop the process.
   */
  onIdleError?: (error: Error) => void;
}

/** Any fixed 64-bit number will do: it only has to be the same for every replica of this program. */
const MIGRATION_LOCK_KEY = 7_305_982_113_459_041;

/** The store for several replicas: a PostgreSQL pool, migrated on open under an advisory lock. */
export async function openPostgresStore(options: PostgresStoreOptions): Promise<Store> {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.maxConnections ?? 10,
    connectionTimeoutMillis: 10_000,
    application_name: 'azure-ad-doctor',
  });
  pool.on('error', options.onIdleError ?? (() => undefined));
  const driver = new PostgresDriver(pool);
  const now = options.now ?? Date.now;
  try {
    await migrate(driver, now());
  } catch (error) {
    await driver.close();
    throw error;
  }
  return new SqlStore(driver, now);
}

class PostgresDriver implements SqlDriver {
  private readonly texts = new Map<string, string>();

  constructor(private readonly pool: pg.Pool) {}

  query<Row>(sql: string, params: readonly SqlValue[] = []): Promise<SqlResult<Row>> {
    return run<Row>(this.pool, this.numbered(sql), params);
  }

  async withMigrationLock<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      // Held until COMMIT/ROLLBACK: a second replica starting now waits here, then finds nothing to do.
      await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
      const result = await work({ query: <Row>(sql: string, params?: readonly SqlValue[]) => run<Row>(client, this.numbered(sql), params ?? []) });
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined); // the original error is the one worth reporting
      throw error;
    } finally {
      client.release();
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  /** `?` → `$1`, `$2`, … (statements hold no literal question marks; see sql.ts). */
  private numbered(sql: string): string {
    let text = this.texts.get(sql);
    if (text === undefined) {
      let n = 0;
      text = sql.replace(/\?/g, () => `$${++n}`);
      this.texts.set(sql, text);
    }
    return text;
  }
}

async function run<Row>(client: pg.Pool | pg.PoolClient, text: string, params: readonly SqlValue[]): Promise<SqlResult<Row>> {
  // The statement's author vouches for the row shape (see SqlExecutor.query).
  const result = await client.query(text, [...params]);
  return { rows: result.rows as Row[], changes: result.rowCount ?? 0 };
}
