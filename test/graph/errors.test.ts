import { describe, expect, it } from 'vitest';
import { networkErrorCode, permissionNeededFor, problemFromGraphAnswer, problemFromTokenError, redact } from '../../src/graph/errors.js';
import { retryAfterMs } from '../../src/graph/retry.js';

describe('error mapping', () => {
  it('names the permission each endpoint needs', () => {
    expect(permissionNeededFor("/servicePrincipals?$filter=appId eq 'x'")).toBe('Application.Read.All');
    expect(permissionNeededFor('/servicePrincipals/1/oauth2PermissionGrants')).toBe('Application.Read.All');
    expect(permissionNeededFor('/auditLogs/directoryAudits?$top=999')).toBe('AuditLog.Read.All');
    expect(permissionNeededFor('/servicePrincipals/1/synchronization/jobs')).toBe('Synchronization.Read.All');
    expect(permissionNeededFor('/directory/deletedItems/microsoft.graph.servicePrincipal')).toBe('Directory.Read.All');
  });

  it('classifies Graph answers by status', () => {
    const body = { error: { code: 'Authorization_RequestDenied', message: 'Insufficient privileges to complete the operation.', innerError: { 'request-id': 'r-1' } } };
    expect(problemFromGraphAnswer(403, body, '/servicePrincipals/1/synchronization/jobs')).toMatchObject({
      kind: 'permission',
      missingPermission: 'Synchronization.Read.All',
      graphCode: 'Authorization_RequestDenied',
      requestId: 'r-1',
      status: 403,
    });
    expect(problemFromGraphAnswer(429, undefined, '/x').kind).toBe('throttled');
    expect(problemFromGraphAnswer(502, undefined, '/x', 'hdr').requestId).toBe('hdr');
    expect(problemFromGraphAnswer(502, undefined, '/x').kind).toBe('unreachable');
    expect(problemFromGraphAnswer(401, undefined, '/x').kind).toBe('auth');
    expect(problemFromGraphAnswer(400, undefined, '/x').kind).toBe('error');
  });

  it('keeps the AADSTS code and first sentence of a token error, never a secret', () => {
    const secret = 'Zq8~s3cr3t-value';
    const error = new Error(`ClientSecretCredential authentication failed: AADSTS7000215: Invalid client secret provided. Ensure the secret ${secret} is right.\r\nTrace ID: 1`);
    const problem = problemFromTokenError(error, [secret]);
    expect(problem).toEqual({ kind: 'auth', aadstsCode: '7000215', detail: 'Sign-in to Entra failed: AADSTS7000215 Invalid client secret provided.' });
    expect(problemFromTokenError(new Error(`odd failure mentioning ${secret}`), [secret]).detail).not.toContain(secret);
    expect(redact(`a ${secret} b ${secret}`, [secret])).toBe('a [redacted] b [redacted]');
  });

  it('recognises connection failures through error causes', () => {
    const error = new TypeError('fetch failed', { cause: Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }) });
    expect(networkErrorCode(error)).toBe('ECONNRESET');
    expect(problemFromTokenError(error, [])).toMatchObject({ kind: 'unreachable' });
    expect(networkErrorCode(new Error('plain'))).toBeUndefined();
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2025-06-01T12:00:00Z');
    expect(retryAfterMs(new Headers({ 'retry-after': '2' }), now)).toBe(2000);
    expect(retryAfterMs(new Headers({ 'retry-after': 'Sun, 01 Jun 2025 12:00:05 GMT' }), now)).toBe(5000);
    expect(retryAfterMs(new Headers(), now)).toBeUndefined();
  });
});
