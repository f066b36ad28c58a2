/**
 * Serves a collection the way Graph does: $filter (with the collection's filterable properties), $orderby,
 * $select, $top, and server-driven paging through @odata.nextLink with an opaque $skiptoken.
 */
import { type GraphAnswer, type GraphCall, graphError, metadataUrl, ok } from './answers.js';
import { FilterError, evaluateFilter, filterProperties, parseFilter } from './odata-filter.js';

export interface CollectionSpec<T extends object> {
  /** @odata.context fragment, e.g. "servicePrincipals". */
  context: string;
  /** OData type name for error messages, e.g. "microsoft.graph.servicePrincipal". */
  entityType: string;
  items: readonly T[];
  /** Property paths `$filter` may use (lambda bodies as `collection/property`). */
  filterable: readonly string[];
  /** Properties `$orderby` may use; the first entry with its direction is the default order. */
  orderable?: readonly { property: string; defaultDirection?: 'asc' | 'desc' }[];
  /** Fields added to each item (e.g. "@odata.type" in directoryObject collections). */
  decorate?: (item: T) => Record<string, unknown>;
}

interface PageToken {
  offset: number;
}

function readSkipToken(token: string | null): number | undefined {
  if (token === null) return 0;
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as PageToken;
    return Number.isInteger(parsed.offset) && parsed.offset >= 0 ? parsed.offset : undefined;
  } catch {
    return undefined;
  }
}

function applyFilter<T extends object>(call: GraphCall, spec: CollectionSpec<T>, items: readonly T[]): T[] | GraphAnswer {
  const text = call.query.get('$filter');
  if (text === null) return [...items];
  try {
    const node = parseFilter(text);
    const allowed = new Set(spec.filterable.map((p) => p.toLowerCase()));
    const unknown = filterProperties(node).find((p) => !allowed.has(p.toLowerCase()));
    if (unknown !== undefined) {
      return graphError(call, 400, 'BadRequest', `Invalid filter clause: Could not find a property named '${unknown}' on type '${spec.entityType}'.`);
    }
    return items.filter((item) => evaluateFilter(node, item));
  } catch (error) {
    if (error instanceof FilterError) return graphError(call, 400, 'BadRequest', `Invalid filter clause: ${error.message}`);
    throw error;
  }
}

function applyOrder<T extends object>(call: GraphCall, spec: CollectionSpec<T>, items: T[]): T[] | GraphAnswer {
  const requested = call.query.get('$orderby');
  const fallback = spec.orderable?.[0];
  const [property, direction] = requested === null ? [fallback?.property, fallback?.defaultDirection] : requested.trim().split(/\s+/);
  if (property === undefined) return items;
  if (!spec.orderable?.some((o) => o.property.toLowerCase() === property.toLowerCase())) {
    return graphError(call, 400, 'BadRequest', `Invalid orderby clause: ordering by '${property}' is not supported.`);
  }
  const sign = direction?.toLowerCase() === 'desc' ? -1 : 1;
  const key = (item: T): string => String((item as Record<string, unknown>)[property] ?? '');
  return items.sort((a, b) => sign * key(a).localeCompare(key(b)));
}

function project(item: object, select: string[] | undefined, extra: Record<string, unknown>): Record<string, unknown> {
  const source = item as Record<string, unknown>;
  if (select === undefined) return { ...extra, ...source };
  return { ...extra, ...Object.fromEntries(select.filter((f) => f in source).map((f) => [f, source[f]])) };
}

export function collectionAnswer<T extends object>(call: GraphCall, spec: CollectionSpec<T>): GraphAnswer {
  const filtered = applyFilter(call, spec, spec.items);
  if (!Array.isArray(filtered)) return filtered;
  const ordered = applyOrder(call, spec, filtered);
  if (!Array.isArray(ordered)) return ordered;
  const offset = readSkipToken(call.query.get('$skiptoken'));
  if (offset === undefined) return graphError(call, 400, 'BadRequest', 'The $skiptoken is invalid or expired.');
  // Graph pages by $top (default 100, at most 999); the stand-in's maxPageSize lowers that so tests can force paging.
  const top = Number(call.query.get('$top') ?? 100);
  if (!Number.isInteger(top) || top < 1 || top > 999) return graphError(call, 400, 'BadRequest', `Invalid page size specified: '${top}'. Must be between 1 and 999 inclusive.`);
  const pageSize = Math.min(top, call.maxPageSize);
  const page = ordered.slice(offset, offset + pageSize);
  const select = call.query.get('$select')?.split(',').map((s) => s.trim()).filter(Boolean);
  const body: Record<string, unknown> = {
    '@odata.context': metadataUrl(call, select === undefined ? spec.context : `${spec.context}(${select.join(',')})`),
  };
  if (offset + pageSize < ordered.length) {
    const next = new URLSearchParams(call.query);
    next.set('$skiptoken', Buffer.from(JSON.stringify({ offset: offset + pageSize } satisfies PageToken)).toString('base64url'));
    // Graph writes option names as "$filter", not "%24filter", and encodes the values.
    const query = [...next].map(([key, value]) => `${key}=${encodeURIComponent(value)}`).join('&');
    body['@odata.nextLink'] = `${call.baseUrl}/v1.0${encodePath(call.path)}?${query}`;
  }
  body['value'] = page.map((item) => project(item, select, spec.decorate?.(item) ?? {}));
  return ok(body);
}

/** Percent-encodes each path segment again (the call holds the decoded path). */
export function encodePath(path: string): string {
  return path
    .split('/')
    .map((segment) => encodeURIComponent(segment).replace(/%24/g, '$').replace(/%28/g, '(').replace(/%29/g, ')').replace(/%3D/g, '=').replace(/%27/g, "'"))
    .join('/');
}

/** A single entity as Graph returns it: @odata.context ending in /$entity, $select honoured. */
export function entityAnswer(call: GraphCall, context: string, item: object): GraphAnswer {
  const select = call.query.get('$select')?.split(',').map((s) => s.trim()).filter(Boolean);
  const contextFragment = select === undefined ? `${context}/$entity` : `${context}(${select.join(',')})/$entity`;
  return ok(project(item, select, { '@odata.context': metadataUrl(call, contextFragment) }));
}
