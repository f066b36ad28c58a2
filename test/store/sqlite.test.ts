import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/store/index.js';

describe('openSqliteStore specifics', () => {
  const dir = mkdtempSync(join(tmpdir(), 'aad-doctor-sqlite-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps a file database in WAL mode', async () => {
    const path = join(dir, 'wal.sqlite');
    await (await openSqliteStore({ path })).close();
    const db = new Database(path, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it("gives every ':memory:' store a database of its own", async () => {
    const [a, b] = [await openSqliteStore({ path: ':memory:' }), await openSqliteStore({ path: ':memory:' })];
    expect(await a.recordEventOnce('e')).toBe(true);
    expect(await b.recordEventOnce('e')).toBe(true);
    await Promise.all([a.close(), b.close()]);
  });
});
