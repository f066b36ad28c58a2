import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '../../../src/store/index.js';
import type { Store } from '../../../src/store/index.js';
import { createWatcher } from '../../../src/watch/index.js';
import type { Watcher, WatcherDeps, WatchEvent, WatchLogger } from '../../../src/watch/index.js';
import { diagnosisOf, HEALTHY } from './diagnoses.js';
import type { Results } from './diagnoses.js';
import { ManualClock } from './manual-clock.js';

export const MINUTE = 60_000;
export const INTERVAL = 10 * MINUTE;
export const TENANT = '6a4f3c1e-0b7d-4c39-9e51-2f8a7d6b1c40';
export const ORG = 'org-1';
export const ROOM = 'room-ops';
export const PERSON = 'person-admin';

/** How the scripted doctor answers a tenant: results, a thrown error, or a run that never ends. */
export type Script = Results | Error | 'hang';

/** The injected `runChecks`: answers from a script the test changes between ticks, and counts its calls. */
export class ScriptedDoctor {
  calls = 0;
  private readonly scripts = new Map<string, Script>();
  /** Resolvers of runs left hanging, so a test can let them finish late. */
  readonly hanging: ((results: Results) => void)[] = [];

  set(tenantId: string, script: Script): void {
    this.scripts.set(tenantId, script);
  }

  readonly run = async (tenantId: string) => {
    this.calls++;
    const script = this.scripts.get(tenantId);
    if (script === undefined) throw new Error(`no script for ${tenantId}`);
    if (script instanceof Error) throw script;
    if (script === 'hang') return new Promise<ReturnType<typeof diagnosisOf>>((resolve) => this.hanging.push((r) => resolve(diagnosisOf(tenantId, r))));
    return diagnosisOf(tenantId, script);
  };
}

export interface LogEntry {
  level: 'info' | 'warn' | 'error';
  fields: Record<string, unknown>;
  message: string;
}

/** One store file shared by every watcher a test opens: a reopen is a restart, a second watcher another replica. */
export class Harness {
  readonly clock = new ManualClock('2025-05-21T09:00:00.000Z');
  readonly doctor = new ScriptedDoctor();
  readonly events: WatchEvent[] = [];
  readonly logs: LogEntry[] = [];
  /** Set to make `notify` throw (a Webex outage). */
  failNotify = false;
  private readonly dir = mkdtempSync(join(tmpdir(), 'aad-doctor-watch-'));
  private readonly opened: { store: Store; watcher: Watcher }[] = [];

  readonly logger: WatchLogger = {
    info: (fields, message) => this.logs.push({ level: 'info', fields, message }),
    warn: (fields, message) => this.logs.push({ level: 'warn', fields, message }),
    error: (fields, message) => this.logs.push({ level: 'error', fields, message }),
  };

  async open(replicaId = 'replica-a', overrides: Partial<WatcherDeps> = {}): Promise<{ store: Store; watcher: Watcher }> {
    const store = await openSqliteStore({ path: join(this.dir, 'doctor.sqlite'), now: () => this.clock.now().getTime() });
    let watcher: Watcher;
    try {
      watcher = this.create(store, replicaId, overrides);
    } catch (error) {
      await store.close();
      throw error;
    }
    const opened = { store, watcher };
    this.opened.push(opened);
    return opened;
  }

  private create(store: Store, replicaId: string, overrides: Partial<WatcherDeps>): Watcher {
    return createWatcher({
      store,
      replicaId,
      clock: this.clock,
      intervalMs: INTERVAL,
      closeWatch: { everyMs: MINUTE, forMs: 30 * MINUTE },
      runTimeoutMs: 2 * MINUTE,
      runChecks: this.doctor.run,
      notify: async (event) => {
        if (this.failNotify) throw new Error('Webex answered 503');
        this.events.push(event);
      },
      logger: this.logger,
      ...overrides,
    });
  }

  /** Stops a watcher and closes its store: the process going away. */
  async shut(opened: { store: Store; watcher: Watcher }): Promise<void> {
    await opened.watcher.stop();
    await opened.store.close();
    this.opened.splice(this.opened.indexOf(opened), 1);
  }

  async cleanup(): Promise<void> {
    // A run a test left hanging would hold stop() until its bound: let it end first.
    for (const finish of this.doctor.hanging.splice(0)) finish(HEALTHY);
    for (const opened of [...this.opened]) await this.shut(opened);
    rmSync(this.dir, { recursive: true, force: true });
  }

  kinds(): string[] {
    return this.events.map((e) => `${e.kind}:${e.roomId}`);
  }
}
