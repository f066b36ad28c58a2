/**
 * Reads everything a diagnosis needs from a tenant in at most two Graph round trips (two $batch calls; more
 * only when Graph truncates a page or throttles a request inside the batch):
 *   1. the Integration app, Microsoft Graph's own SP, provisioning candidates, deleted Integration apps, the
 *      licences (audit retention) and the audit records of the window, all independent;
 *   2. what needs ids from round 1: the Integration app's grants, app roles and owned objects, and each
 *      provisioning candidate's synchronization jobs. Skipped when nothing needs it.
 * Every piece ends ok, unavailable (with the problem) or skipped (with the reason): never a guessed value.
 */
import type {
  Fetched,
  ProvisioningAppRecord,
  ServicePrincipalRecord,
  SynchronizationJobRecord,
  TenantSnapshot,
} from '../checks/snapshot.js';
import { assembleAuditWindow, auditKey } from './audit-window.js';
import type { GraphConnection } from './connection.js';
import { type ListResult, readLists } from './lists.js';
import { AUDIT_ACTIVITIES, query } from './queries.js';
import {
  type Parsed,
  ownedObjectIds,
  parseAppRoleAssignments,
  parseDelegatedGrants,
  parseDeletedServicePrincipals,
  parseGraphResources,
  parseServicePrincipals,
  parseSynchronizationJobs,
} from './records.js';

export interface CollectOptions {
  /** The diagnosis clock: the audit window ends here and checks judge ages against it. */
  now: Date;
  /** Days of audit history to search (default 30; the tenant's retention may cap it at 7). */
  auditDays?: number;
}

function fetched<T, U>(result: ListResult, parse: (items: readonly unknown[]) => Parsed<T>, pick: (value: T) => U): Fetched<U> {
  if (!result.ok) return { status: 'unavailable', problem: result.problem };
  const parsed = parse(result.items);
  return parsed.ok ? { status: 'ok', value: pick(parsed.value) } : { status: 'unavailable', problem: parsed.problem };
}

const skipped = (because: string): { status: 'skipped'; because: string } => ({ status: 'skipped', because });

function roundOneQueries(from: Date): Record<string, string> {
  const audits = Object.fromEntries(AUDIT_ACTIVITIES.map((activity, i) => [auditKey(i), query.audits(activity, from)]));
  return {
    integrationApp: query.integrationApp(),
    graphResource: query.graphResource(),
    provisioningCandidates: query.provisioningCandidates(),
    deletedIntegrationApps: query.deletedIntegrationApps(),
    licences: query.licences(),
    ...audits,
  };
}

/** Why pieces that hang off the Integration app were not read. */
function integrationSkipReason(integration: Fetched<ServicePrincipalRecord | null>): string | undefined {
  if (integration.status !== 'ok') return 'The Integration app could not be read.';
  if (integration.value === null) return 'The Integration app is not in the tenant.';
  return undefined;
}

function synchronizationJobs(
  candidates: Fetched<ServicePrincipalRecord[]>,
  round2: Readonly<Record<string, ListResult>>,
): Fetched<Record<string, SynchronizationJobRecord[]>> {
  if (candidates.status !== 'ok') return skipped('The provisioning apps could not be read.');
  if (candidates.value.length === 0) return skipped('There is no provisioning app to read jobs from.');
  const jobs: Record<string, SynchronizationJobRecord[]> = {};
  for (const candidate of candidates.value) {
    const piece = fetched(round2[`jobs:${candidate.id}`] ?? missing(), parseSynchronizationJobs, (v) => v);
    if (piece.status !== 'ok') return piece;
    jobs[candidate.id] = piece.value;
  }
  return { status: 'ok', value: jobs };
}

function missing(): ListResult {
  return { ok: false, problem: { kind: 'error', detail: 'The request was not sent.' } };
}

export async function collectTenantSnapshot(graph: GraphConnection, tenantId: string, options: CollectOptions): Promise<TenantSnapshot> {
  if (graph.tenantId.toLowerCase() !== tenantId.toLowerCase()) {
    throw new Error(`This Graph connection is for tenant ${graph.tenantId}, not ${tenantId}.`);
  }
  const auditDays = options.auditDays ?? 30;
  if (!Number.isFinite(auditDays) || auditDays <= 0) throw new RangeError(`auditDays must be a positive number of days, got ${auditDays}.`);
  const from = new Date(options.now.getTime() - auditDays * 86_400_000);
  const round1 = await readLists(graph, roundOneQueries(from));
  const one = (key: string): ListResult => round1[key] ?? missing();

  const integrationApp = fetched(one('integrationApp'), parseServicePrincipals, (list) => list[0] ?? null);
  const graphResource = fetched(one('graphResource'), parseGraphResources, (list) => list[0] ?? null);
  const candidates = fetched(one('provisioningCandidates'), parseServicePrincipals, (list) => list);
  const deletedIntegrationApps = fetched(one('deletedIntegrationApps'), parseDeletedServicePrincipals, (list) => list);

  const integrationId = integrationApp.status === 'ok' ? integrationApp.value?.id : undefined;
  const round2Queries: Record<string, string> = {};
  if (integrationId !== undefined) {
    round2Queries['grants'] = query.delegatedGrants(integrationId);
    round2Queries['roles'] = query.appRoleAssignments(integrationId);
    round2Queries['owned'] = query.ownedObjects(integrationId);
  }
  for (const candidate of candidates.status === 'ok' ? candidates.value : []) {
    round2Queries[`jobs:${candidate.id}`] = query.synchronizationJobs(candidate.id);
  }
  const round2 = Object.keys(round2Queries).length === 0 ? {} : await readLists(graph, round2Queries);
  const two = (key: string): ListResult => round2[key] ?? missing();

  const skipReason = integrationSkipReason(integrationApp);
  const owned = skipReason === undefined ? two('owned') : undefined;
  const ownedIds = owned?.ok ? ownedObjectIds(owned.items) : undefined;
  const provisioningApps: Fetched<ProvisioningAppRecord[]> =
    candidates.status === 'ok'
      ? {
          status: 'ok',
          value: candidates.value.map((c) => ({ ...c, ownedByIntegrationApp: ownedIds === undefined ? 'unknown' : ownedIds.has(c.id.toLowerCase()) })),
        }
      : candidates;

  const integrationObjectIds = [
    ...(integrationId === undefined ? [] : [integrationId]),
    ...(deletedIntegrationApps.status === 'ok' ? deletedIntegrationApps.value.map((d) => d.id) : []),
  ];

  return {
    tenantId,
    collectedAt: options.now.toISOString(),
    integrationApp,
    graphResource,
    delegatedGrants: skipReason === undefined ? fetched(two('grants'), parseDelegatedGrants, (v) => v) : skipped(skipReason),
    appRoleAssignments: skipReason === undefined ? fetched(two('roles'), parseAppRoleAssignments, (v) => v) : skipped(skipReason),
    provisioningApps,
    synchronizationJobs: synchronizationJobs(candidates, round2),
    audits: assembleAuditWindow(round1, one('licences'), integrationObjectIds, { now: options.now, auditDays }),
    deletedIntegrationApps,
  };
}
