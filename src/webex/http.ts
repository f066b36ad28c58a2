import { setTimeout as delay } from 'node:timers/promises';
import { errorForStatus, WebexApiError } from './api-errors.js';
import type { WebexLogger } from './logger.js';
import type { WebexErrorBody } from './types.js';

export interface WebexHttpOptions {
  token: string;
  /** REST base, e.g. https://webexapis.com/v1 (or the stand-in's URL). */
  apiUrl: string;
  logger?: WebexLogger;
  /** Per attempt. */
  timeoutMs?: number;
  /** Attempts per call, the first included. */
  maxAttempts?: number;
  /** The most a call may spend waiting between attempts (Retry-After and backoff together). */
  retryBudgetMs?: number;
  /** First backoff step for 5xx and network failures; doubles per attempt. */
  backoffBaseMs?: number;
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface WebexResponse<T> {
  status: number;
  body: T;
  headers: Headers;
}

const DEFAULTS = { timeoutMs: 15_000, maxAttempts: 4, retryBudgetMs: 60_000, backoffBaseMs: 500 };

/**
 * One Webex REST call with the retry policy Webex asks for: 429 waits for Retry-After; 5xx and network
 * failures back off exponentially. A POST is only retried when Webex cannot have acted on it (429, 502, 503,
 * a connection that was never made), so a reply is never posted twice. Everything is bounded by maxAttempts and retryBudgetMs.
 */
export class WebexHttp {
  readonly apiUrl: string;
  private readonly origin: string;
  private readonly token: string;
  private readonly logger: WebexLogger | undefined;
  private readonly limits: typeof DEFAULTS;

  constructor(options: WebexHttpOptions) {
    this.apiUrl = options.apiUrl.replace(/\/+$/, '');
    this.origin = new URL(this.apiUrl).origin;
    this.token = options.token;
    this.logger = options.logger;
    this.limits = {
      timeoutMs: options.timeoutMs ?? DEFAULTS.timeoutMs,
      maxAttempts: options.maxAttempts ?? DEFAULTS.maxAttempts,
      retryBudgetMs: options.retryBudgetMs ?? DEFAULTS.retryBudgetMs,
      backoffBaseMs: options.backoffBaseMs ?? DEFAULTS.backoffBaseMs,
    };
  }

  /** `pathOrUrl` is relative to apiUrl (`/messages`) or an absolute URL on the same origin (a `Link: rel="next"`). */
  async request<T>(method: HttpMethod, pathOrUrl: string, init: { query?: Record<string, string | number | undefined>; body?: unknown } = {}): Promise<WebexResponse<T>> {
    const url = this.resolve(pathOrUrl, init.query);
    const what = `${method} ${url.pathname.replace(new URL(this.apiUrl).pathname, '') || '/'}`;
    const started = Date.now();
    for (let attempt = 1; ; attempt++) {
      const outcome = await this.attempt(method, url, init.body);
      const waitMs = this.retryDelay(method, outcome, attempt);
      const budgetLeft = this.limits.retryBudgetMs - (Date.now() - started);
      if (outcome.kind === 'response' && outcome.response.ok) return await parse<T>(outcome.response);
      if (waitMs === undefined || attempt >= this.limits.maxAttempts || waitMs > budgetLeft) throw await toError(outcome, what, this.limits.timeoutMs);
      this.logger?.warn({ call: what, attempt, waitMs, status: outcome.kind === 'response' ? outcome.response.status : outcome.kind }, 'Webex call failed; retrying');
      if (outcome.kind === 'response') await outcome.response.arrayBuffer().catch(() => undefined);
      await delay(waitMs);
    }
  }

  private resolve(pathOrUrl: string, query: Record<string, string | number | undefined> | undefined): URL {
    const url = /^https?:\/\//.test(pathOrUrl) ? new URL(pathOrUrl) : new URL(this.apiUrl + pathOrUrl);
    // The bearer token must never travel to another host, whatever a Link header says.
    if (url.origin !== this.origin) throw new WebexApiError({ code: 'webex_bad_link', message: `Refusing to follow a Webex link to another origin (${url.origin})`, hint: 'Webex returned an unexpected paging link; report it.' });
    for (const [key, value] of Object.entries(query ?? {})) if (value !== undefined) url.searchParams.set(key, String(value));
    return url;
  }

  private async attempt(method: HttpMethod, url: URL, body: unknown): Promise<Attempt> {
    const headers: Record<string, string> = { authorization: `Bearer ${this.token}`, accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    try {
      const response = await fetch(url, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.limits.timeoutMs),
      });
      return { kind: 'response', response };
    } catch (error) {
      const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
      return { kind: timedOut ? 'timeout' : 'network', error };
    }
  }

  /** How long to wait before trying again, or undefined when this outcome must not be retried. */
  private retryDelay(method: HttpMethod, outcome: Attempt, attempt: number): number | undefined {
    const backoff = this.limits.backoffBaseMs * 2 ** (attempt - 1);
    if (outcome.kind === 'network') return method !== 'POST' || neverReachedWebex(outcome.error) ? backoff : undefined;
    // A POST that timed out may have been processed: retrying could post the same reply twice.
    if (outcome.kind === 'timeout') return method === 'POST' ? undefined : backoff;
    const { status, headers } = outcome.response;
    if (status === 429) return retryAfterMs(headers.get('retry-after')) ?? backoff;
    if (status < 500) return undefined;
    if (method === 'POST' && status !== 502 && status !== 503) return undefined;
    return retryAfterMs(headers.get('retry-after')) ?? backoff;
  }
}

/** Connection errors that prove the request never left: safe to resend even a POST. */
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH']);

function neverReachedWebex(error: unknown): boolean {
  const cause = error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
  return typeof cause?.code === 'string' && NOT_SENT.has(cause.code);
}

type Attempt = { kind: 'response'; response: Response } | { kind: 'timeout'; error: unknown } | { kind: 'network'; error: unknown };

/** Retry-After in seconds (Webex's form) or as an HTTP date. */
function retryAfterMs(value: string | null): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

async function parse<T>(response: Response): Promise<WebexResponse<T>> {
  const text = await response.text();
  const body = (text === '' ? undefined : JSON.parse(text)) as T;
  return { status: response.status, body, headers: response.headers };
}

async function toError(outcome: Attempt, what: string, timeoutMs: number): Promise<WebexApiError> {
  if (outcome.kind === 'timeout') {
    return new WebexApiError({ code: 'webex_timeout', message: `Webex did not answer ${what} within ${timeoutMs} ms`, hint: 'Webex is slow or unreachable from here; check https://status.webex.com and the network path.', cause: outcome.error });
  }
  if (outcome.kind === 'network') {
    const reason = outcome.error instanceof Error ? (outcome.error.cause instanceof Error ? outcome.error.cause.message : outcome.error.message) : String(outcome.error);
    return new WebexApiError({ code: 'webex_unreachable', message: `Could not reach Webex for ${what}: ${reason}`, hint: 'Check outbound HTTPS to webexapis.com (proxy, firewall, DNS).', cause: outcome.error });
  }
  const { response } = outcome;
  const body = (await response.json().catch(() => undefined)) as Partial<WebexErrorBody> | undefined;
  const trackingId = body?.trackingId ?? response.headers.get('trackingid') ?? undefined;
  const message = typeof body?.message === 'string' ? body.message : undefined;
  return errorForStatus(response.status, what, message, trackingId);
}
