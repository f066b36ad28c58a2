import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { openStore } from '../../src/store/index.js';
import type { Store } from '../../src/store/index.js';
import { postgresAvailability, startPostgres } from '../support/postgres.js';
import type { PostgresServer } from '../support/postgres.js';

/** One database engine as the contract suite sees it: fresh empty databases, stores on them, raw SQL beside them. */
export interface Backend {
  name: string;
  /** Set when the suite must be skipped here (locally, without PostgreSQL binaries). */
  skipReason?: string;
  setup(): Promise<void>;
  teardown(): Promise<void>;
  /** A new empty database; pass it to `open`, as often as needed (a reopen = a restart or another replica). */
  freshDatabase(): Promise<string>;
  open(database: string, now?: () => number): Promise<Store>;
  /** SQL run beside the store, as an operator or another release would. */
  raw(database: string, sql: string): Promise<Record<string, unknown>[]>;
}

export function sqliteBackend(): Backend {
  let dir = '';
  let count = 0;
  return {
    name: 'sqlite',
    async setup() {
      dir = mkdtempSync(join(tmpdir(), 'aad-doctor-sqlite-'));
    },
    async teardown() {
      rmSync(dir, { recursive: true, force: true });
    },
    async freshDatabase() {
      // A folder that does not exist yet: opening must create it.
      return join(dir, `db${++count}`, 'doctor.sqlite');
    },
    open: (path, now) => openStore({ sqlitePath: path, now }),
    async raw(path, sql) {
      const db = new Database(path);
      try {
        const statement = db.prepare(sql);
        if (statement.reader) return statement.all() as Record<string, unknown>[];
        statement.run();
        return [];
      } finally {
        db.close();
      }
    },
  };
}

export function postgresBackend(): Backend {
  const availability = postgresAvailability();
  let server: PostgresServer | undefined;
  const started = (): PostgresServer => {
    if (server === undefined) throw new Error('PostgreSQL server not started');
    return server;
  };
  return {
    name: 'postgres',
    // In CI a missing server is a failure (setup throws the reason); locally the suite is skipped.
    ...(!availability.available && !availability.mustFail ? { skipReason: availability.reason } : {}),
    async setup() {
      server = await startPostgres();
    },
    async teardown() {
      await server?.stop();
    },
    freshDatabase: () => started().freshSchema(),
    open: (url, now) => openStore({ databaseUrl: url, sqlitePath: 'unused-when-databaseUrl-is-set', now }),
    async raw(url, sql) {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        return (await client.query(sql)).rows as Record<string, unknown>[];
      } finally {
        await client.end();
      }
    },
  };
}
