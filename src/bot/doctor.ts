import { runChecks } from '../checks/index.js';
import { diagnose } from '../diagnosis/diagnose.js';
import type { Diagnosis } from '../diagnosis/types.js';
import { collectTenantSnapshot, type GraphConnectionPool } from '../graph/index.js';
import type { TenantSnapshot } from '../checks/snapshot.js';
import type { Evidence } from '../intake/evidence.js';
import type { TenantDoctor } from './context.js';

export interface DoctorOptions {
  pool: GraphConnectionPool;
  /** Sign-in host used for consent links when no tenant is connected (the configured cloud's). */
  defaultLoginHost: string;
  auditDays: number;
  now(): Date;
}

/**
 * Collect → judge → diagnose for one tenant. Concurrent requests for the same tenant share one collection
 * in flight (a flood of pastes about one tenant costs Graph one snapshot, not a hundred); a request that
 * arrives after a collection finished always gets fresh data.
 */
export function createTenantDoctor(options: DoctorOptions): TenantDoctor {
  const inFlight = new Map<string, Promise<TenantSnapshot>>();

  function snapshotOf(tenantId: string): Promise<TenantSnapshot> {
    const running = inFlight.get(tenantId);
    if (running) return running;
    const connection = options.pool.get(tenantId);
    const collecting = collectTenantSnapshot(connection, tenantId, { now: options.now(), auditDays: options.auditDays }).finally(() => inFlight.delete(tenantId));
    inFlight.set(tenantId, collecting);
    return collecting;
  }

  return {
    async diagnose(tenantId: string | undefined, evidence: Evidence): Promise<Diagnosis> {
      if (tenantId === undefined) {
        return diagnose({ evidence, loginHost: options.defaultLoginHost, now: options.now().toISOString() });
      }
      const connection = options.pool.get(tenantId);
      const snapshot = await snapshotOf(tenantId);
      return diagnose({
        evidence,
        findings: runChecks(snapshot),
        snapshot,
        tenantId,
        cloud: connection.endpoints.cloud,
        loginHost: connection.endpoints.authorityHost,
        now: snapshot.collectedAt,
      });
    },
  };
}
