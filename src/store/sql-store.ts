import type { Language } from '../i18n/message.js';
import { isLanguage } from '../i18n/message.js';
import { diagnosisFromRow, runFromRow, toIso, toMs, watchFromRow } from './rows.js';
import type { DiagnosisRow, RunRow, WatchRow } from './rows.js';
import type { SqlDriver } from './sql.js';
import type { DiagnosisRecord, PurgeCounts, RunRecord, Store, WatchInput, WatchRecord, WatchState } from './types.js';

const DAY_MS = 86_400_000;
const DIAGNOSIS_COLUMNS = 'id, message_id, room_id, parent_id, org_id, tenant_id, asked_by, language, created_ms, diagnosis_json';
const RUN_COLUMNS = 'id, at_ms, person_id, org_id, room_id, tenant_id, kind, checks_json, outcome, duration_ms, tracking_ids_json';

/** `Store` over any `SqlDriver`: every statement here is portable between SQLite and PostgreSQL. */
export class SqlStore implements Store {
  private closed = false;

  constructor(
    private readonly db: SqlDriver,
    /** Milliseconds since the epoch; injectable so lease expiry and purges are testable without waiting. */
    private readonly now: () => number = Date.now,
  ) {}

  async recordEventOnce(eventId: string): Promise<boolean> {
    // An empty id would make every later id-less event look like a duplicate and be dropped.
    if (eventId === '') throw new RangeError('eventId is empty');
    const { changes } = await this.db.query(
      'INSERT INTO processed_events (event_id, seen_ms) VALUES (?, ?) ON CONFLICT (event_id) DO NOTHING',
      [eventId, this.now()],
    );
    return changes === 1;
  }

  async saveDiagnosis(r: DiagnosisRecord): Promise<void> {
    await this.db.query(
      `INSERT INTO diagnoses (${DIAGNOSIS_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET message_id = excluded.message_id, room_id = excluded.room_id,
         parent_id = excluded.parent_id, org_id = excluded.org_id, tenant_id = excluded.tenant_id,
         asked_by = excluded.asked_by, language = excluded.language, created_ms = excluded.created_ms,
         diagnosis_json = excluded.diagnosis_json`,
      [
        r.id,
        r.messageId ?? null,
        r.roomId,
        r.parentId ?? null,
        r.orgId,
        r.tenantId ?? null,
        r.askedBy,
        r.language,
        toMs(r.createdAt, 'createdAt'),
        JSON.stringify(r.diagnosis),
      ],
    );
  }

  async setDiagnosisMessage(id: string, messageId: string): Promise<boolean> {
    const { changes } = await this.db.query('UPDATE diagnoses SET message_id = ? WHERE id = ?', [messageId, id]);
    return changes === 1;
  }

  getDiagnosis(id: string): Promise<DiagnosisRecord | undefined> {
    return this.oneDiagnosis('WHERE id = ?', [id]);
  }

  getDiagnosisByMessage(messageId: string): Promise<DiagnosisRecord | undefined> {
    return this.oneDiagnosis('WHERE message_id = ?', [messageId]);
  }

  latestDiagnosisForTenant(tenantId: string): Promise<DiagnosisRecord | undefined> {
    return this.oneDiagnosis('WHERE tenant_id = ? ORDER BY created_ms DESC, id DESC LIMIT 1', [tenantId]);
  }

  async recordRun(run: RunRecord): Promise<boolean> {
    const { changes } = await this.db.query(
      `INSERT INTO check_runs (${RUN_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
      [
        run.id,
        toMs(run.at, 'at'),
        run.personId,
        run.orgId,
        run.roomId,
        run.tenantId,
        run.kind,
        JSON.stringify(run.checks),
        run.outcome,
        Math.round(run.durationMs),
        JSON.stringify(run.trackingIds),
      ],
    );
    return changes === 1;
  }

  async listRuns(query: { orgId: string; limit?: number }): Promise<RunRecord[]> {
    const limit = Math.min(1000, Math.max(1, Math.floor(query.limit ?? 20)));
    const { rows } = await this.db.query<RunRow>(
      `SELECT ${RUN_COLUMNS} FROM check_runs WHERE org_id = ? ORDER BY at_ms DESC, id DESC LIMIT ?`,
      [query.orgId, limit],
    );
    return rows.map(runFromRow);
  }

  async exportRuns(query: { orgId: string; since?: string }): Promise<RunRecord[]> {
    const sinceMs = query.since === undefined ? Number.MIN_SAFE_INTEGER : toMs(query.since, 'since');
    const { rows } = await this.db.query<RunRow>(
      `SELECT ${RUN_COLUMNS} FROM check_runs WHERE org_id = ? AND at_ms >= ? ORDER BY at_ms, id`,
      [query.orgId, sinceMs],
    );
    return rows.map(runFromRow);
  }

  async setLanguage(personId: string, language: Language): Promise<void> {
    await this.db.query(
      `INSERT INTO person_preferences (person_id, language, updated_ms) VALUES (?, ?, ?)
       ON CONFLICT (person_id) DO UPDATE SET language = excluded.language, updated_ms = excluded.updated_ms`,
      [personId, language, this.now()],
    );
  }

  async getLanguage(personId: string): Promise<Language | undefined> {
    const { rows } = await this.db.query<{ language: string }>(
      'SELECT language FROM person_preferences WHERE person_id = ?',
      [personId],
    );
    const language = rows[0]?.language;
    // A language a later release dropped is no preference at all: the caller falls back to its default.
    return language !== undefined && isLanguage(language) ? language : undefined;
  }

  async upsertWatch(w: WatchInput): Promise<void> {
    await this.db.query(
      `INSERT INTO watches (room_id, tenant_id, org_id, created_by, created_ms) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (room_id, tenant_id) DO UPDATE SET org_id = excluded.org_id, created_by = excluded.created_by`,
      [w.roomId, w.tenantId, w.orgId, w.createdBy, this.now()],
    );
  }

  async removeWatch(roomId: string, tenantId: string): Promise<boolean> {
    const { changes } = await this.db.query('DELETE FROM watches WHERE room_id = ? AND tenant_id = ?', [roomId, tenantId]);
    await this.db.query(
      'DELETE FROM watch_state WHERE tenant_id = ? AND NOT EXISTS (SELECT 1 FROM watches WHERE tenant_id = ?)',
      [tenantId, tenantId],
    );
    return changes === 1;
  }

  async listWatches(): Promise<WatchRecord[]> {
    const { rows } = await this.db.query<WatchRow>(
      'SELECT room_id, tenant_id, org_id, created_by, created_ms FROM watches ORDER BY created_ms, room_id, tenant_id',
    );
    return rows.map(watchFromRow);
  }

  async getWatchState(tenantId: string): Promise<WatchState | undefined> {
    const { rows } = await this.db.query<{ state_json: string; updated_ms: number | string }>(
      'SELECT state_json, updated_ms FROM watch_state WHERE tenant_id = ?',
      [tenantId],
    );
    const row = rows[0];
    return row === undefined ? undefined : { state: JSON.parse(row.state_json) as unknown, updatedAt: toIso(row.updated_ms) };
  }

  async setWatchState(tenantId: string, state: unknown): Promise<void> {
    const json = JSON.stringify(state) as string | undefined;
    if (json === undefined) throw new TypeError('watch state must be JSON-serialisable (got undefined or a function)');
    await this.db.query(
      `INSERT INTO watch_state (tenant_id, state_json, updated_ms) VALUES (?, ?, ?)
       ON CONFLICT (tenant_id) DO UPDATE SET state_json = excluded.state_json, updated_ms = excluded.updated_ms`,
      [tenantId, json, this.now()],
    );
  }

  async tryAcquireLease(name: string, holder: string, ttlMs: number): Promise<boolean> {
    if (!(ttlMs > 0)) throw new RangeError(`ttlMs must be positive, got ${ttlMs}`);
    const now = this.now();
    // One atomic statement: insert the lease, or take it over when it is ours or has expired.
    // Replicas compare against their own clocks, so a TTL far above the clock skew keeps it exclusive.
    const { rows } = await this.db.query(
      `INSERT INTO leases (name, holder, expires_ms) VALUES (?, ?, ?)
       ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_ms = excluded.expires_ms
       WHERE leases.holder = excluded.holder OR leases.expires_ms <= ?
       RETURNING holder`,
      [name, holder, now + Math.ceil(ttlMs), now],
    );
    return rows.length === 1;
  }

  async releaseLease(name: string, holder: string): Promise<boolean> {
    const { changes } = await this.db.query('DELETE FROM leases WHERE name = ? AND holder = ?', [name, holder]);
    return changes === 1;
  }

  async purgeOlderThan(days: number): Promise<PurgeCounts> {
    if (!(days > 0)) throw new RangeError(`days must be positive, got ${days}`);
    const cutoff = this.now() - days * DAY_MS;
    const deleted = async (sql: string): Promise<number> => (await this.db.query(sql, [cutoff])).changes;
    return {
      diagnoses: await deleted('DELETE FROM diagnoses WHERE created_ms < ?'),
      runs: await deleted('DELETE FROM check_runs WHERE at_ms < ?'),
      events: await deleted('DELETE FROM processed_events WHERE seen_ms < ?'),
    };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.db.close();
  }

  private async oneDiagnosis(where: string, params: string[]): Promise<DiagnosisRecord | undefined> {
    const { rows } = await this.db.query<DiagnosisRow>(`SELECT ${DIAGNOSIS_COLUMNS} FROM diagnoses ${where}`, params);
    return rows[0] === undefined ? undefined : diagnosisFromRow(rows[0]);
  }
}
