import { CodedError } from '../errors.js';
import type { SqlDriver } from './sql.js';

/**
 * The schema, as numbered steps applied in order and recorded in `schema_version`.
 * Each step is portable SQL that SQLite (3.35+) and PostgreSQL (12+) both accept: TEXT, INTEGER, BIGINT,
 * CHECK, ON CONFLICT, RETURNING. Times are BIGINT milliseconds since the epoch, which compare the same on
 * both; JSON is TEXT because the store never queries inside it. Never edit a released step: add one.
 */
export interface Migration {
  version: number;
  description: string;
  statements: string[];
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'events, diagnoses, runs, preferences, watches, leases',
    statements: [
      `CREATE TABLE processed_events (
        event_id TEXT NOT NULL PRIMARY KEY,
        seen_ms BIGINT NOT NULL)`,
      `CREATE INDEX processed_events_seen ON processed_events (seen_ms)`,
      `CREATE TABLE diagnoses (
        id TEXT NOT NULL PRIMARY KEY,
        message_id TEXT,
        room_id TEXT NOT NULL,
        parent_id TEXT,
        org_id TEXT NOT NULL,
        tenant_id TEXT,
        asked_by TEXT NOT NULL,
        language TEXT NOT NULL,
        created_ms BIGINT NOT NULL,
        diagnosis_json TEXT NOT NULL)`,
      // Several NULLs are allowed by a unique index on both databases: a diagnosis not posted yet has none.
      `CREATE UNIQUE INDEX diagnoses_message ON diagnoses (message_id)`,
      `CREATE INDEX diagnoses_tenant_created ON diagnoses (tenant_id, created_ms)`,
      `CREATE INDEX diagnoses_created ON diagnoses (created_ms)`,
      `CREATE TABLE check_runs (
        id TEXT NOT NULL PRIMARY KEY,
        at_ms BIGINT NOT NULL,
        person_id TEXT NOT NULL,
        org_id TEXT NOT NULL,
        room_id TEXT NOT NULL,
        tenant_id TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('diagnose', 'reverify', 'watch')),
        checks_json TEXT NOT NULL,
        outcome TEXT NOT NULL CHECK (outcome IN ('broken', 'healthy', 'inconclusive')),
        duration_ms INTEGER NOT NULL,
        tracking_ids_json TEXT NOT NULL)`,
      `CREATE INDEX check_runs_org_at ON check_runs (org_id, at_ms)`,
      `CREATE INDEX check_runs_at ON check_runs (at_ms)`,
      `CREATE TABLE person_preferences (
        person_id TEXT NOT NULL PRIMARY KEY,
        language TEXT NOT NULL,
        updated_ms BIGINT NOT NULL)`,
      `CREATE TABLE watches (
        room_id TEXT NOT NULL,
        tenant_id TEXT NOT NULL,
        org_id TEXT NOT NULL,
        created_by TEXT NOT NULL,
        created_ms BIGINT NOT NULL,
        PRIMARY KEY (room_id, tenant_id))`,
      `CREATE TABLE watch_state (
        tenant_id TEXT NOT NULL PRIMARY KEY,
        state_json TEXT NOT NULL,
        updated_ms BIGINT NOT NULL)`,
      `CREATE TABLE leases (
        name TEXT NOT NULL PRIMARY KEY,
        holder TEXT NOT NULL,
        expires_ms BIGINT NOT NULL)`,
    ],
  },
];

/**
 * Brings the database up to the newest step, inside the driver's migration lock so two replicas
 * starting together apply each step once. Returns the schema version afterwards.
 */
export async function migrate(driver: SqlDriver, nowMs: number, migrations: readonly Migration[] = MIGRATIONS): Promise<number> {
  return driver.withMigrationLock(async (tx) => {
    await tx.query(`CREATE TABLE IF NOT EXISTS schema_version (
      version INTEGER NOT NULL PRIMARY KEY,
      description TEXT NOT NULL,
      applied_ms BIGINT NOT NULL)`);
    const { rows } = await tx.query<{ version: number | string | null }>('SELECT MAX(version) AS version FROM schema_version');
    const current = Number(rows[0]?.version ?? 0);
    const newest = migrations.at(-1)?.version ?? 0;
    if (current > newest) {
      throw new CodedError(
        'store_schema_newer',
        `The database schema is at version ${current}, newer than this program knows (${newest}).`,
        'A newer release has used this database: run that release, or restore a backup taken before the upgrade.',
      );
    }
    for (const step of migrations.filter((m) => m.version > current)) {
      for (const statement of step.statements) await tx.query(statement);
      await tx.query('INSERT INTO schema_version (version, description, applied_ms) VALUES (?, ?, ?)', [
        step.version,
        step.description,
        nowMs,
      ]);
    }
    return Math.max(current, newest);
  });
}
