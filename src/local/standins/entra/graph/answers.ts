/**
 * What a Graph handler returns, before it is written to a socket or wrapped in a $batch response, and the
 * error body Graph uses everywhere: {"error":{"code","message","innerError":{date,request-id,client-request-id}}}.
 */
import type { FakeTenant } from '../model.js';

export interface GraphAnswer {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/** One Graph call, whether it came as its own HTTP request or inside a $batch. */
export interface GraphCall {
  method: string;
  /** Path after /v1.0, percent-decoded, e.g. "/servicePrincipals/…/appRoleAssignments". */
  path: string;
  query: URLSearchParams;
  body: unknown;
  tenant: FakeTenant;
  /** Graph application permissions in the caller's token. */
  roles: readonly string[];
  requestId: string;
  clientRequestId: string;
  now: Date;
  /** https://host:port of the stand-in, for @odata.context and @odata.nextLink. */
  baseUrl: string;
  /** Upper bound on a page, below Graph's own, so tests can force paging. */
  maxPageSize: number;
}

export function graphError(call: Pick<GraphCall, 'requestId' | 'clientRequestId' | 'now'>, status: number, code: string, message: string, headers?: Record<string, string>): GraphAnswer {
  return {
    status,
    ...(headers === undefined ? {} : { headers }),
    body: {
      error: {
        code,
        message,
        innerError: {
          date: call.now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
          'request-id': call.requestId,
          'client-request-id': call.clientRequestId,
        },
      },
    },
  };
}

export function ok(body: unknown, status = 200): GraphAnswer {
  return { status, body };
}

export function metadataUrl(call: Pick<GraphCall, 'baseUrl'>, fragment: string): string {
  return `${call.baseUrl}/v1.0/$metadata#${fragment}`;
}
