/**
 * Reads several Graph collections at once: all first pages in one $batch (chunks of 20 sent together), then
 * only the collections whose page was truncated follow their @odata.nextLink, again batched. A collection that
 * fails at any page is reported as failed, never as the partial list (a half-read list would lie).
 */
import type { FetchProblem } from '../checks/snapshot.js';
import { MAX_BATCH_SIZE, type BatchOptions, sendBatch } from './batch.js';
import type { GraphConnection } from './connection.js';

/** Guards against a service that keeps sending next links; the bot's collections are a few pages at most. */
const MAX_PAGES = 25;

export type ListResult = { ok: true; items: unknown[] } | { ok: false; problem: FetchProblem };

interface PageBody {
  value?: unknown;
  '@odata.nextLink'?: unknown;
}

/** A nextLink as a batch-relative URL, only if it points back at this connection's Graph (never leak the token). */
function relativeNextLink(connection: GraphConnection, link: string): string | undefined {
  const prefix = `${connection.endpoints.graphBaseUrl}/v1.0/`;
  return link.startsWith(prefix) ? `/${link.slice(prefix.length)}` : undefined;
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export async function readLists<K extends string>(
  connection: GraphConnection,
  queries: Readonly<Record<K, string>>,
  options: BatchOptions = {},
): Promise<Record<K, ListResult>> {
  const keys = Object.keys(queries) as K[];
  const items = new Map<K, unknown[]>(keys.map((k) => [k, []]));
  const results = new Map<K, ListResult>();
  const pages = new Map<K, number>();
  let pending = keys.map((key) => ({ key, url: queries[key] }));

  while (pending.length > 0) {
    const requests = pending.map((p, index) => ({ id: String(index + 1), url: p.url }));
    const answers = new Map(
      (await Promise.all(chunks(requests, MAX_BATCH_SIZE).map((chunk) => sendBatch(connection, chunk, options)))).flatMap((m) => [...m]),
    );
    const next: typeof pending = [];
    pending.forEach((p, index) => {
      const answer = answers.get(String(index + 1));
      if (answer === undefined || !answer.ok) {
        const problem = answer?.ok === false ? answer.problem : { kind: 'error' as const, detail: 'No answer for this request.' };
        results.set(p.key, { ok: false, problem });
        return;
      }
      const body = answer.body as PageBody | null;
      if (!Array.isArray(body?.value)) {
        results.set(p.key, { ok: false, problem: { kind: 'error', detail: `Graph's answer to ${p.url.split('?')[0] ?? ''} has no value list.` } });
        return;
      }
      items.get(p.key)?.push(...(body.value as unknown[]));
      const link = body['@odata.nextLink'];
      if (typeof link !== 'string') {
        results.set(p.key, { ok: true, items: items.get(p.key) ?? [] });
        return;
      }
      const url = relativeNextLink(connection, link);
      pages.set(p.key, (pages.get(p.key) ?? 1) + 1);
      if ((pages.get(p.key) ?? 0) > MAX_PAGES) {
        results.set(p.key, { ok: false, problem: { kind: 'error', detail: `More than ${MAX_PAGES} pages for ${p.url.split('?')[0] ?? ''}; stopped reading.` } });
        return;
      }
      if (url === undefined) {
        results.set(p.key, { ok: false, problem: { kind: 'error', detail: 'Graph returned a next page link to another host; not followed.' } });
        return;
      }
      next.push({ key: p.key, url });
    });
    pending = next;
  }
  return Object.fromEntries(keys.map((k) => [k, results.get(k) as ListResult])) as Record<K, ListResult>;
}
