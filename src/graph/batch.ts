/**
 * Graph JSON batching: up to 20 requests in one HTTP round trip, answers matched by id whatever their order,
 * and inner 429/503/504 answers retried once (after Graph's Retry-After) while the wait fits the budget.
 */
import type { FetchProblem } from '../checks/snapshot.js';
import type { GraphConnection } from './connection.js';
import { problemFromGraphAnswer } from './errors.js';
import { retryAfterMs } from './retry.js';

export const MAX_BATCH_SIZE = 20;

export interface BatchRequest {
  id: string;
  /** Relative to /v1.0, starting with "/", query already percent-encoded. */
  url: string;
  dependsOn?: string[];
}

export type BatchAnswer = { ok: true; status: number; body: unknown } | { ok: false; problem: FetchProblem };

export interface BatchOptions {
  /** Longest Retry-After worth waiting for before the single retry of throttled inner requests (default 5 s). */
  innerRetryBudgetMs?: number;
}

interface InnerResponse {
  id?: unknown;
  status?: unknown;
  headers?: Record<string, string>;
  body?: unknown;
}

const TRANSIENT = new Set([429, 503, 504]);
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function postBatch(connection: GraphConnection, requests: readonly BatchRequest[]): Promise<Map<string, InnerResponse> | FetchProblem> {
  try {
    const payload = { requests: requests.map((r) => ({ id: r.id, method: 'GET', url: r.url, ...(r.dependsOn ? { dependsOn: r.dependsOn } : {}) })) };
    const answer = (await connection.client.api('/$batch').post(payload)) as { responses?: InnerResponse[] } | undefined;
    const responses = Array.isArray(answer?.responses) ? answer.responses : [];
    return new Map(responses.filter((r) => typeof r.id === 'string').map((r) => [r.id as string, r]));
  } catch (error) {
    return connection.problemOf(error);
  }
}

function toAnswer(request: BatchRequest, response: InnerResponse | undefined): BatchAnswer {
  if (response === undefined || typeof response.status !== 'number') {
    return { ok: false, problem: { kind: 'error', detail: `Graph's $batch answer has no response for request ${request.id}.` } };
  }
  if (response.status >= 200 && response.status < 300) return { ok: true, status: response.status, body: response.body };
  const requestId = response.headers?.['request-id'] ?? response.headers?.['Request-Id'] ?? null;
  return { ok: false, problem: problemFromGraphAnswer(response.status, response.body, request.url, requestId) };
}

function headerBag(headers: Record<string, string> | undefined): Headers {
  return new Headers(Object.entries(headers ?? {}));
}

export async function sendBatch(
  connection: GraphConnection,
  requests: readonly BatchRequest[],
  options: BatchOptions = {},
): Promise<Map<string, BatchAnswer>> {
  if (requests.length === 0) return new Map();
  if (requests.length > MAX_BATCH_SIZE) throw new Error(`A Graph $batch holds at most ${MAX_BATCH_SIZE} requests, got ${requests.length}.`);
  const first = await postBatch(connection, requests);
  if (!(first instanceof Map)) return new Map(requests.map((r) => [r.id, { ok: false, problem: first }]));

  const transient = requests.filter((r) => TRANSIENT.has(first.get(r.id)?.status as number));
  const waits = transient.map((r) => retryAfterMs(headerBag(first.get(r.id)?.headers)) ?? 500);
  const wait = Math.max(0, ...waits);
  const answers = new Map(requests.map((r) => [r.id, toAnswer(r, first.get(r.id))]));
  if (transient.length === 0 || wait > (options.innerRetryBudgetMs ?? 5_000)) return answers;

  await sleep(wait);
  // The dependencies of a retried request already succeeded (or it would have failed with 424), so drop them.
  const retried = transient.map(({ id, url }) => ({ id, url }));
  const second = await postBatch(connection, retried);
  for (const request of retried) {
    answers.set(request.id, second instanceof Map ? toAnswer(request, second.get(request.id)) : { ok: false, problem: second });
  }
  return answers;
}
