import express from 'express';
import type { NextFunction, Request, Response, Router } from 'express';
import type { WebexLogger } from './logger.js';
import type { WebhookEvent } from './types.js';
import { isValidSparkSignature } from './verify-signature.js';

export interface WebhookReceiverOptions {
  /** Where Webex POSTs, e.g. `/webex/events` (the path of WEBEX_WEBHOOK_URL). */
  path: string;
  secret: string;
  /** Runs after the 200 has been sent. Its errors are logged, never thrown. */
  onEvent: (event: WebhookEvent) => Promise<unknown> | unknown;
  logger: WebexLogger;
  /** Bodies above this are refused with 413 (Webex's events are a few hundred bytes). */
  maxBodyBytes?: number;
}

/**
 * The bot's webhook endpoint. It reads the raw bytes, checks X-Spark-Signature over exactly those bytes
 * BEFORE parsing anything, answers at once (Webex gives up on slow receivers and retries, causing
 * duplicates), and only then hands the event on. Unsigned or forged requests are refused and never processed.
 */
export function createWebhookReceiver(options: WebhookReceiverOptions): Router {
  if (options.secret === '') throw new Error('createWebhookReceiver: a webhook secret is required');
  const { logger } = options;
  const router = express.Router();
  const raw = express.raw({ type: () => true, limit: options.maxBodyBytes ?? 1024 * 1024 });

  router.post(options.path, raw, (req: Request, res: Response) => {
    const body: unknown = req.body;
    const rawBody = Buffer.isBuffer(body) ? body : Buffer.alloc(0);
    const signature = req.get('x-spark-signature');
    if (!isValidSparkSignature(rawBody, signature, options.secret)) {
      logger.warn(
        { path: options.path, signature: signature === undefined ? 'missing' : 'invalid', remote: req.ip },
        'Rejected a Webex webhook call whose X-Spark-Signature does not match: verify that the webhook secret matches WEBEX_WEBHOOK_SECRET (or that the caller is really Webex)',
      );
      res.status(401).json({ error: 'invalid signature' });
      return;
    }
    const event = parseEvent(rawBody);
    if (!event) {
      logger.warn({ path: options.path, bytes: rawBody.length }, 'Rejected a signed Webex webhook call whose body is not a webhook event');
      res.status(400).json({ error: 'not a webhook event' });
      return;
    }
    res.status(200).json({ ok: true });
    // The work continues after the answer; nothing it throws may escape as an unhandled rejection.
    setImmediate(() => {
      Promise.resolve()
        .then(() => options.onEvent(event))
        .catch((error: unknown) => {
          logger.error({ err: error, resource: event.resource, event: event.event, dataId: event.data.id }, 'Handling a Webex webhook event failed');
        });
    });
  });

  router.use(options.path, (error: unknown, _req: Request, res: Response, next: NextFunction) => {
    const status = typeof error === 'object' && error !== null && 'status' in error && typeof error.status === 'number' ? error.status : undefined;
    if (status === undefined) {
      next(error);
      return;
    }
    logger.warn({ path: options.path, status, reason: error instanceof Error ? error.message : String(error) }, 'Rejected a Webex webhook call before reading it');
    res.status(status).json({ error: status === 413 ? 'payload too large' : 'bad request' });
  });

  return router;
}

/** The minimum a webhook event must carry to be routed: resource, event and data.id. */
function parseEvent(raw: Buffer): WebhookEvent | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw.toString('utf8'));
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
  const candidate = parsed as Partial<WebhookEvent>;
  const data = candidate.data as unknown;
  const routable =
    typeof candidate.resource === 'string' &&
    typeof candidate.event === 'string' &&
    typeof data === 'object' &&
    data !== null &&
    typeof (data as { id?: unknown }).id === 'string';
  return routable ? (parsed as WebhookEvent) : undefined;
}
