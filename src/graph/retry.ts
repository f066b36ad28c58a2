/**
 * The Graph client's retry middleware, in place of the SDK's RetryHandler: that one retries 429/503/504 too,
 * but may wait up to 180 s per attempt with no total budget, adds up to 1 s of random jitter, never retries a
 * dropped connection and has no timeout. A chat bot must answer in seconds, so here every attempt has a
 * deadline (headers and body), Retry-After is honoured only while the total wait stays within budget, and
 * connection resets are retried like 503s. A timed-out attempt is not retried: a hung service would only double
 * the wait. What is left after the budget is returned (the last 429/5xx) or thrown as a classified problem.
 */
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import { GraphProblemError, networkErrorCode } from './errors.js';

export interface RetryPolicy {
  /** Retries per request (default 3). */
  maxRetries: number;
  /** Total time a request may spend waiting between attempts (default 10 s). */
  maxTotalWaitMs: number;
  /** First back-off when Graph gives no Retry-After; doubles each retry (default 500 ms). */
  baseDelayMs: number;
  /** Deadline for one attempt, headers and body (default 10 s). */
  attemptTimeoutMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxRetries: 3, maxTotalWaitMs: 10_000, baseDelayMs: 500, attemptTimeoutMs: 10_000 };

const RETRYABLE_STATUS = new Set([429, 503, 504]);
const RETRYABLE_NETWORK = new Set(['ECONNRESET', 'EPIPE', 'ECONNREFUSED', 'ETIMEDOUT', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED']);

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Retry-After in ms: seconds or an HTTP date (Graph sends seconds). */
export function retryAfterMs(headers: Headers, now = Date.now()): number | undefined {
  const value = headers.get('retry-after');
  if (value === null || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

export class BoundedRetryHandler implements Middleware {
  private nextMiddleware: Middleware | undefined;

  constructor(private readonly policy: RetryPolicy = DEFAULT_RETRY_POLICY) {}

  setNext(next: Middleware): void {
    this.nextMiddleware = next;
  }

  async execute(context: Context): Promise<void> {
    const next = this.nextMiddleware;
    if (next === undefined) throw new Error('BoundedRetryHandler needs a next middleware');
    let retries = 0;
    let waited = 0;
    for (;;) {
      const outcome = await this.attempt(next, context);
      const wait =
        outcome.kind === 'response'
          ? RETRYABLE_STATUS.has(outcome.status)
            ? (retryAfterMs(outcome.headers) ?? this.backoff(retries))
            : undefined
          : outcome.retryable
            ? this.backoff(retries)
            : undefined;
      const canRetry = wait !== undefined && retries < this.policy.maxRetries && waited + wait <= this.policy.maxTotalWaitMs;
      if (!canRetry) {
        if (outcome.kind === 'failure') throw outcome.error;
        return;
      }
      retries += 1;
      waited += wait;
      await sleep(wait);
    }
  }

  private backoff(retries: number): number {
    return this.policy.baseDelayMs * 2 ** retries;
  }

  private async attempt(
    next: Middleware,
    context: Context,
  ): Promise<{ kind: 'response'; status: number; headers: Headers } | { kind: 'failure'; error: GraphProblemError; retryable: boolean }> {
    const signal = AbortSignal.timeout(this.policy.attemptTimeoutMs);
    context.options = { ...context.options, signal };
    try {
      await next.execute(context);
      const response = context.response;
      if (response === undefined) throw new Error('no response from the HTTP layer');
      // Read the body inside the deadline too: a server that sends headers and then stalls is still a hang.
      const body = await response.arrayBuffer();
      context.response = new Response(response.status === 204 ? null : body, {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
      });
      return { kind: 'response', status: response.status, headers: response.headers };
    } catch (error) {
      if (signal.aborted) {
        const detail = `Graph did not answer within ${this.policy.attemptTimeoutMs} ms.`;
        return { kind: 'failure', error: new GraphProblemError({ kind: 'timeout', detail }), retryable: false };
      }
      if (error instanceof GraphProblemError) return { kind: 'failure', error, retryable: false };
      const code = networkErrorCode(error);
      const detail = `Graph is unreachable (${code ?? (error instanceof Error ? error.message : 'network error')}).`;
      return {
        kind: 'failure',
        error: new GraphProblemError({ kind: 'unreachable', detail }),
        retryable: code !== undefined && RETRYABLE_NETWORK.has(code),
      };
    }
  }
}
