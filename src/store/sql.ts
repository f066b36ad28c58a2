/**
 * The little the store needs from a SQL database, so one implementation of `Store` serves SQLite and
 * PostgreSQL. Statements use `?` placeholders (the PostgreSQL driver renumbers them to $1, $2, …), so no
 * statement may contain a literal question mark.
 */
export type SqlValue = string | number | null;

export interface SqlResult<Row> {
  rows: Row[];
  /** Rows inserted, updated or deleted. */
  changes: number;
}

export interface SqlExecutor {
  /** `Row` is what the statement selects; the driver cannot check it, the statement's author vouches for it. */
  query<Row = Record<string, unknown>>(sql: string, params?: readonly SqlValue[]): Promise<SqlResult<Row>>;
}

export interface SqlDriver extends SqlExecutor {
  /**
   * Runs `work` in one transaction that no other process can be migrating at the same time
   * (SQLite: BEGIN IMMEDIATE takes the write lock; PostgreSQL: a transaction-scoped advisory lock).
   */
  withMigrationLock<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
