import type { ErrorRequestHandler } from 'express';
import { ZodError } from 'zod';
import type { Logger } from '../../log.js';
import { WebexRefusal } from '../standins/webex/index.js';

/** A refusal with the status and the sentence the page shows. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

interface BodyParserError {
  type?: unknown;
  status?: unknown;
}

/**
 * Every error of the local API as JSON `{ message }`: the page shows the message as it is, so it says what
 * to do. Refusals from the Webex stand-in keep Webex's status and wording (what a Webex client would show).
 */
export function jsonErrors(logger: Logger): ErrorRequestHandler {
  return (error: unknown, _req, res, _next) => {
    const { status, message } = describe(error);
    if (status >= 500) logger.error({ err: error }, 'local mode: request failed');
    res.status(status).json({ message });
  };
}

function describe(error: unknown): { status: number; message: string } {
  if (error instanceof HttpError || error instanceof WebexRefusal) return { status: error.status, message: error.message };
  if (error instanceof ZodError) {
    const issues = error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`);
    return { status: 400, message: `Invalid request: ${issues.join('; ')}` };
  }
  const parser = error as BodyParserError;
  if (parser.type === 'entity.too.large') return { status: 413, message: 'The request is too large.' };
  if (parser.type === 'entity.parse.failed') return { status: 400, message: 'The request body is not valid JSON.' };
  if (typeof parser.status === 'number' && parser.status >= 400 && parser.status < 500) {
    return { status: parser.status, message: 'The request was refused.' };
  }
  return { status: 500, message: 'Something went wrong in local mode; the details are in the terminal.' };
}
