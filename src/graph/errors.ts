/**
 * Turns everything that can go wrong on the way to Graph into a FetchProblem a check can report honestly:
 * which permission was missing, whether Graph throttled, timed out or was unreachable, or whether the bot's own
 * sign-in failed (with its AADSTS code). Messages never carry secrets or tokens.
 */
import { GraphClientError } from '@microsoft/microsoft-graph-client';
import type { FetchProblem } from '../checks/snapshot.js';

/**
 * An error the Graph SDK passes through untouched (it re-throws GraphClientError as is, but flattens any other
 * error into a GraphError and loses its cause), carrying the problem already classified.
 */
export class GraphProblemError extends GraphClientError {
  readonly problem: FetchProblem;

  constructor(problem: FetchProblem) {
    super(problem.detail);
    // GraphClientError's ES5 constructor resets the prototype to its own; restore ours.
    Object.setPrototypeOf(this, new.target.prototype);
    this.name = 'GraphProblemError';
    this.problem = problem;
  }
}

/** The least-privileged application permission the bot would need for a Graph path (relative to /v1.0). */
export function permissionNeededFor(path: string): string {
  const p = path.toLowerCase();
  if (p.startsWith('/auditlogs/')) return 'AuditLog.Read.All';
  if (p.includes('/synchronization/')) return 'Synchronization.Read.All';
  if (p.startsWith('/directory/deleteditems') || p.startsWith('/subscribedskus')) return 'Directory.Read.All';
  return 'Application.Read.All';
}

interface GraphErrorBody {
  error?: { code?: unknown; message?: unknown; innerError?: { 'request-id'?: unknown } };
}

const clip = (text: string, max = 300): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** A non-2xx answer Graph gave (top-level or inside a $batch) for `path`. */
export function problemFromGraphAnswer(status: number, body: unknown, path: string, requestIdHeader?: string | null): FetchProblem {
  const error = (body as GraphErrorBody | null | undefined)?.error;
  const graphCode = typeof error?.code === 'string' ? error.code : undefined;
  const message = typeof error?.message === 'string' ? error.message : `HTTP ${status}`;
  const bodyRequestId = error?.innerError?.['request-id'];
  const requestId = typeof bodyRequestId === 'string' ? bodyRequestId : (requestIdHeader ?? undefined);
  const base = {
    status,
    ...(graphCode === undefined ? {} : { graphCode }),
    ...(requestId === undefined ? {} : { requestId }),
  };
  if (status === 403) {
    const missingPermission = permissionNeededFor(path);
    return { kind: 'permission', missingPermission, ...base, detail: clip(`Graph refused ${pathOnly(path)} (${message}); needs ${missingPermission}.`) };
  }
  if (status === 401) return { kind: 'auth', ...base, detail: clip(`Graph rejected the bot's token: ${message}`) };
  if (status === 429) return { kind: 'throttled', ...base, detail: clip(`Graph kept throttling ${pathOnly(path)} beyond the retry budget.`) };
  if (status >= 500) return { kind: 'unreachable', ...base, detail: clip(`Graph answered ${status} for ${pathOnly(path)}: ${message}`) };
  return { kind: 'error', ...base, detail: clip(`Graph answered ${status} for ${pathOnly(path)}: ${message}`) };
}

function pathOnly(path: string): string {
  return path.split('?')[0] ?? path;
}

/** Replaces every occurrence of the given secrets, so an upstream message can be shown safely. */
export function redact(text: string, secrets: readonly string[]): string {
  return secrets.filter((s) => s.length >= 4).reduce((acc, secret) => acc.split(secret).join('[redacted]'), text);
}

/** A failed token request (MSAL / @azure/identity error) as an `auth` problem with its AADSTS code. */
export function problemFromTokenError(error: unknown, secrets: readonly string[]): FetchProblem {
  const raw = error instanceof Error ? error.message : String(error);
  const aadstsCode = /AADSTS(\d+)/.exec(raw)?.[1];
  if (aadstsCode !== undefined) {
    // Entra's description: "AADSTS7000215: Invalid client secret provided. Ensure …\r\nTrace ID: …"; keep its first sentence.
    const sentence = /AADSTS\d+:\s*([^\r\n]*?\.)(?:\s|$)/.exec(raw)?.[1] ?? '';
    return { kind: 'auth', aadstsCode, detail: clip(redact(`Sign-in to Entra failed: AADSTS${aadstsCode} ${sentence}`.trim(), secrets)) };
  }
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return { kind: 'timeout', detail: 'The token request to Entra timed out.' };
  }
  const networkCode = networkErrorCode(error);
  if (networkCode !== undefined) return { kind: 'unreachable', detail: `Entra's token endpoint is unreachable (${networkCode}).` };
  const name = error instanceof Error ? error.name : 'Error';
  return { kind: 'auth', detail: clip(redact(`Sign-in to Entra failed (${name}): ${firstLine(raw)}`, secrets)) };
}

function firstLine(text: string): string {
  return text.split(/\r?\n/)[0] ?? '';
}

/** Node / undici error codes for a failed connection (ECONNRESET, ECONNREFUSED, UND_ERR_SOCKET, …). */
export function networkErrorCode(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e !== null && typeof e === 'object' && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^(E[A-Z]+|UND_ERR_[A-Z_]+|ERR_TLS[A-Z_]*|(UNABLE|CERT|DEPTH|SELF)_[A-Z_]+)$/.test(code)) return code;
  }
  return undefined;
}

/** Anything the Graph SDK threw: our pre-classified errors, token failures, or an SDK error. */
export function problemFromThrown(error: unknown, secrets: readonly string[]): FetchProblem {
  if (error instanceof GraphProblemError) return error.problem;
  const statusCode = (error as { statusCode?: unknown } | null)?.statusCode;
  if (typeof statusCode === 'number' && statusCode > 0) {
    const body = (error as { body?: unknown }).body;
    const parsed = typeof body === 'string' ? safeJson(body) : body;
    return problemFromGraphAnswer(statusCode, { error: parsed }, '/');
  }
  return problemFromTokenError(error, secrets);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
