import { afterEach, describe, expect, it } from 'vitest';
import { guardAgainstSdkRejections, isFromWebexSdk } from '../../src/webex/process-guard.js';
import { captureLogger } from '../fakes/webex/capture-logger.js';

function errorWithStack(message: string, frame: string): Error & { statusCode?: number } {
  const error = new Error(message) as Error & { statusCode?: number };
  error.stack = `Error: ${message}\n    at onResponse (${frame})`;
  return error;
}

describe('guardAgainstSdkRejections', () => {
  let remove: (() => void) | undefined;
  afterEach(() => remove?.());

  it('recognises errors thrown from the Webex SDK or the framework by their stack', () => {
    expect(isFromWebexSdk(errorWithStack('x', '/app/node_modules/@webex/http-core/dist/request/index.js:43:18'))).toBe(true);
    expect(isFromWebexSdk(errorWithStack('x', 'C:\\app\\node_modules\\webex-node-bot-framework\\lib\\framework.js:1:1'))).toBe(true);
    expect(isFromWebexSdk(errorWithStack('x', '/app/src/diagnosis/rank.ts:10:5'))).toBe(false);
    expect(isFromWebexSdk('a string')).toBe(false);
  });

  it('logs an SDK rejection (first line and status only) and removes itself cleanly', () => {
    const { logger, lines } = captureLogger();
    const before = process.listenerCount('unhandledRejection');
    remove = guardAgainstSdkRejections(logger);
    expect(process.listenerCount('unhandledRejection')).toBe(before + 1);
    const sdkError = errorWithStack('The requested resource could not be found.\nGET https://webexapis.com/v1/people\nAuthorization: Bearer secret-token', '/app/node_modules/@webex/http-core/x.js:1:1');
    sdkError.statusCode = 404;
    process.emit('unhandledRejection', sdkError, Promise.resolve());
    expect(lines).toHaveLength(1);
    expect(lines[0]?.reason).toEqual({ name: 'Error', message: 'The requested resource could not be found.', statusCode: 404 });
    expect(JSON.stringify(lines)).not.toContain('secret-token');
    remove();
    remove = undefined;
    expect(process.listenerCount('unhandledRejection')).toBe(before);
  });
});
