import type { NextFunction, Request, Response } from 'express';
import { setTimeout as delay } from 'node:timers/promises';
import { errorBody, WEBEX_WORDING } from './http-errors.js';

/**
 * Failures to inject, the way Webex produces them under load. Status faults are consumed one per matching
 * request until their count runs out; `path` (tested against the path and query under /v1, e.g. `/messages`
 * or `/people?id=…`) and `method` narrow which requests match. `setFaults` replaces the previous set.
 */
export interface Faults {
  latencyMs?: number;
  status429?: { count: number; retryAfter: number };
  /** A count of 503s, or a count with a specific 5xx status. */
  status5xx?: number | { count: number; status: number };
  /** Answer 404 as if the resource did not exist (e.g. the SDK's people lookup). */
  status404?: number;
  /**
   * Refuse this many POST /messages that carry a card with Webex's 400 for a card it cannot accept (whatever
   * `path`/`method` say); messages without a card still go through, as they do at Webex.
   */
  rejectCards?: number;
  path?: RegExp;
  method?: string;
}

export interface Counters {
  requests: number;
  /** Requests per route, e.g. `GET /v1/people/me`, `POST /v1/messages`. */
  byRoute: Record<string, number>;
  injected: { status429: number; status5xx: number; status404: number; cardRejected: number };
}

const CARD_REFUSED = 'Unable to parse the attachment: content is not a valid Adaptive Card.';

export class FaultInjector {
  readonly counters: Counters = { requests: 0, byRoute: {}, injected: { status429: 0, status5xx: 0, status404: 0, cardRejected: 0 } };
  private faults: Faults = {};

  set(faults: Faults): void {
    this.faults = { ...faults, ...(faults.status429 ? { status429: { ...faults.status429 } } : {}) };
    if (typeof faults.status5xx === 'object') this.faults.status5xx = { ...faults.status5xx };
  }

  /** Express middleware: counts the request, then delays and/or fails it per the current faults. */
  readonly middleware = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    this.counters.requests++;
    res.on('finish', () => {
      const route = `${req.method} ${req.baseUrl}${(req.route as { path?: string } | undefined)?.path ?? req.path}`;
      this.counters.byRoute[route] = (this.counters.byRoute[route] ?? 0) + 1;
    });
    const f = this.faults;
    const target = req.url;
    const matches = (f.path === undefined || f.path.test(target)) && (f.method === undefined || f.method.toUpperCase() === req.method);
    if (f.latencyMs && matches) await delay(f.latencyMs);
    const trackingId = String(res.getHeader('trackingid'));
    if (matches && f.status429 && f.status429.count > 0) {
      f.status429.count--;
      this.counters.injected.status429++;
      res.status(429).set('Retry-After', String(f.status429.retryAfter)).json(errorBody(WEBEX_WORDING.tooManyRequests, trackingId));
      return;
    }
    const fivexx = typeof f.status5xx === 'number' ? { count: f.status5xx, status: 503 } : f.status5xx;
    if (matches && fivexx && fivexx.count > 0) {
      fivexx.count--;
      f.status5xx = fivexx;
      this.counters.injected.status5xx++;
      res.status(fivexx.status).json(errorBody(WEBEX_WORDING.unavailable, trackingId));
      return;
    }
    if (matches && f.status404 && f.status404 > 0) {
      f.status404--;
      this.counters.injected.status404++;
      res.status(404).json(errorBody(WEBEX_WORDING.notFound, trackingId));
      return;
    }
    next();
  };

  /** Express middleware for faults that depend on the parsed body (mounted after the JSON parser). */
  readonly afterBody = (req: Request, res: Response, next: NextFunction): void => {
    const f = this.faults;
    const body: unknown = req.body;
    const carriesCard = typeof body === 'object' && body !== null && Array.isArray((body as { attachments?: unknown }).attachments);
    if (f.rejectCards && f.rejectCards > 0 && req.method === 'POST' && req.path === '/messages' && carriesCard) {
      f.rejectCards--;
      this.counters.injected.cardRejected++;
      res.status(400).json(errorBody(CARD_REFUSED, String(res.getHeader('trackingid'))));
      return;
    }
    next();
  };
}
