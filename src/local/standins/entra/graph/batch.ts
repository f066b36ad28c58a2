/**
 * Graph's JSON batching: at most 20 requests, each answered with its own status, `dependsOn` honoured
 * (a failed dependency answers 424), answers in any order (the stand-in shuffles them so clients cannot
 * rely on order), and faults injectable per inner request (429 with Retry-After, 5xx, latency).
 */
import { type FaultPlan, describeTarget } from '../faults.js';
import { type GraphAnswer, type GraphCall, graphError } from './answers.js';

export const MAX_BATCH_REQUESTS = 20;

interface InnerRequest {
  id: string;
  method: string;
  url: string;
  body?: unknown;
  dependsOn?: string[];
}

export interface InnerCall {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
}

function parseRequests(body: unknown): InnerRequest[] | string {
  const requests = (body as { requests?: unknown } | null)?.requests;
  if (!Array.isArray(requests)) return 'Invalid batch payload format: a "requests" array is required.';
  if (requests.length > MAX_BATCH_REQUESTS) return `The number of requests in a batch must not exceed ${MAX_BATCH_REQUESTS}.`;
  const ids = new Set<string>();
  for (const r of requests as Partial<InnerRequest>[]) {
    if (typeof r.id !== 'string' || typeof r.method !== 'string' || typeof r.url !== 'string') {
      return 'Invalid batch payload format: every request needs id, method and url.';
    }
    if (ids.has(r.id)) return `Batch request contains a duplicate id '${r.id}'.`;
    ids.add(r.id);
  }
  for (const r of requests as InnerRequest[]) {
    const unknown = r.dependsOn?.find((d) => !ids.has(d));
    if (unknown !== undefined) return `Request '${r.id}' depends on '${unknown}', which is not in the batch.`;
  }
  return requests as InnerRequest[];
}

function toInnerCall(request: InnerRequest): InnerCall {
  const url = new URL(`https://batch.invalid${request.url.startsWith('/') ? '' : '/'}${request.url}`);
  return { method: request.method.toUpperCase(), path: decodeURIComponent(url.pathname), query: url.searchParams, body: request.body };
}

function shuffled<T>(items: T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

export async function answerBatch(
  outer: Pick<GraphCall, 'requestId' | 'clientRequestId' | 'now' | 'body'>,
  options: { faults: FaultPlan; shuffle: boolean; onInner: () => void; run: (call: InnerCall) => GraphAnswer },
): Promise<GraphAnswer> {
  const requests = parseRequests(outer.body);
  if (typeof requests === 'string') return graphError(outer, 400, 'BadRequest', requests);
  const answers = new Map<string, GraphAnswer>();
  let slowest = 0;
  const pending = [...requests];
  // Dependencies always point at requests in the batch (checked above); cycles end as failed dependencies.
  while (pending.length > 0) {
    const readyIndex = pending.findIndex((r) => (r.dependsOn ?? []).every((d) => answers.has(d)));
    const request = pending.splice(readyIndex === -1 ? 0 : readyIndex, 1)[0] as InnerRequest;
    options.onInner();
    const failedDependency = (request.dependsOn ?? []).some((d) => (answers.get(d)?.status ?? 424) >= 400);
    if (failedDependency) {
      answers.set(request.id, graphError(outer, 424, 'FailedDependency', 'A request this one depends on failed.'));
      continue;
    }
    const call = toInnerCall(request);
    const fault = options.faults.decide('batchItem', describeTarget(call.path, call.query));
    slowest = Math.max(slowest, fault.latencyMs);
    if (fault.action?.kind === 'throttle') {
      const retryAfter = String(fault.action.retryAfterSeconds);
      answers.set(request.id, graphError(outer, 429, 'TooManyRequests', 'Too many requests.', { 'Retry-After': retryAfter }));
    } else if (fault.action?.kind === 'serverError') {
      answers.set(request.id, graphError(outer, fault.action.status, 'UnknownError', 'The service is temporarily unavailable.'));
    } else {
      answers.set(request.id, options.run(call));
    }
  }
  if (slowest > 0) await new Promise((resolve) => setTimeout(resolve, slowest));
  const responses = requests.map((r) => {
    const answer = answers.get(r.id) as GraphAnswer;
    return { id: r.id, status: answer.status, headers: { 'Content-Type': 'application/json', ...answer.headers }, body: answer.body };
  });
  return { status: 200, body: { responses: options.shuffle ? shuffled(responses) : responses } };
}
