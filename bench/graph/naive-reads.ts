import type { GraphConnection } from '../../src/graph/index.js';
import { AUDIT_ACTIVITIES, query } from '../../src/graph/queries.js';

/**
 * The baseline the collector is measured against: the very same Graph reads (same URLs, same audit window,
 * same client, same token) done the obvious way — one GET per resource, one after the other, no $batch,
 * following @odata.nextLink. Only the reads: no judging, which costs microseconds next to the I/O.
 */

export interface NaiveReadResult {
  /** Resources read (GETs sent, pages included). */
  requests: number;
}

interface Page {
  value?: Array<{ id?: unknown }>;
  '@odata.nextLink'?: string;
}

async function readAll(connection: GraphConnection, url: string, counter: { requests: number }): Promise<Array<{ id?: unknown }>> {
  const items: Array<{ id?: unknown }> = [];
  let next: string | undefined = url;
  while (next !== undefined) {
    counter.requests += 1;
    const page = (await connection.client.api(next).get()) as Page;
    if (!Array.isArray(page.value)) throw new Error(`Graph's answer to ${url.split('?')[0] ?? url} has no value list`);
    items.push(...page.value);
    next = page['@odata.nextLink'];
  }
  return items;
}

const idOf = (item: { id?: unknown } | undefined): string | undefined => (typeof item?.id === 'string' ? item.id : undefined);

export async function naiveSequentialReads(connection: GraphConnection, options: { now: Date; auditDays: number }): Promise<NaiveReadResult> {
  const counter = { requests: 0 };
  const from = new Date(options.now.getTime() - options.auditDays * 86_400_000);
  const integration = idOf((await readAll(connection, query.integrationApp(), counter))[0]);
  await readAll(connection, query.graphResource(), counter);
  const candidates = (await readAll(connection, query.provisioningCandidates(), counter)).map(idOf).filter((id): id is string => id !== undefined);
  await readAll(connection, query.deletedIntegrationApps(), counter);
  await readAll(connection, query.licences(), counter);
  for (const activity of AUDIT_ACTIVITIES) await readAll(connection, query.audits(activity, from), counter);
  if (integration !== undefined) {
    await readAll(connection, query.delegatedGrants(integration), counter);
    await readAll(connection, query.appRoleAssignments(integration), counter);
    await readAll(connection, query.ownedObjects(integration), counter);
  }
  for (const candidate of candidates) await readAll(connection, query.synchronizationJobs(candidate), counter);
  return counter;
}
