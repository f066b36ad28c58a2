import express from 'express';
import type { RequestHandler, Router } from 'express';
import { addApiRoutes } from './api-routes.js';
import { addDemoRoutes } from './demo-routes.js';
import { HttpError, jsonErrors } from './errors.js';
import { EventStreamHub } from './event-stream.js';
import { addPageRoutes } from './page-routes.js';
import type { LocalRouteDeps } from './types.js';
import { LIMITS } from './validation.js';

/** The JSON API's mount point; its routes are declared relative to it. */
export const API_BASE = '/local/api';

export interface LocalRoutes {
  /** Mount on the bot's own express app (startDoctor's extraRoutes): one port for the bot and the page. */
  router: Router;
  /** Ends open event streams and stops listening to the stand-in. */
  close(): void;
}

/**
 * The page acts as the local admin without signing in, so a request from another site must never drive it:
 * writes need a JSON body (a cross-site form cannot send one without a CORS preflight, which is never granted)
 * and, when the browser names its origin, the same host as the page.
 */
const sameOriginWrites: RequestHandler = (req, _res, next) => {
  if (req.method === 'GET' || req.method === 'HEAD') return next();
  const origin = req.get('origin');
  if (origin !== undefined && origin !== 'null' && safeHost(origin) !== req.get('host')) {
    return next(new HttpError(403, 'Requests from other sites are not accepted.'));
  }
  if (!req.is('application/json')) return next(new HttpError(415, 'Send JSON (Content-Type: application/json).'));
  next();
};

function safeHost(origin: string): string | undefined {
  try {
    return new URL(origin).host;
  } catch {
    return undefined;
  }
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * With a real tenant connected, the page shows (and can trigger) diagnoses of a customer's directory without
 * anyone signing in, so it answers only on this machine even when the server listens on every interface.
 * The demo tenant holds nothing real, so it stays reachable (e.g. through a container's published port).
 */
const thisMachineOnly: RequestHandler = (req, _res, next) => {
  if (LOOPBACK.has(req.socket.remoteAddress ?? '')) return next();
  next(new HttpError(403, 'Local mode with a real tenant answers only on this machine: open it at http://localhost.'));
};

export function createLocalRoutes(deps: LocalRouteDeps): LocalRoutes {
  const hub = new EventStreamHub();
  const unsubscribe = deps.session.onMessage((message) => hub.send('message', message));

  const api = express.Router();
  if (deps.realTenant !== undefined) api.use(thisMachineOnly);
  api.use(sameOriginWrites, express.json({ limit: LIMITS.bodyBytes }));
  addApiRoutes(api, deps, hub);
  addDemoRoutes(api, deps, hub);
  api.use((_req, _res, next) => next(new HttpError(404, 'No such local API route.')));
  api.use(jsonErrors(deps.logger));

  const router = express.Router();
  // Only /local/api goes through the JSON parser: the bot's webhook on the same app must get its raw body.
  router.use(API_BASE, api);
  const pages = express.Router();
  if (deps.realTenant !== undefined) {
    // Refuse pages to other machines, but let every other request (the bot's webhook) pass on untouched.
    pages.use((req, _res, next) => (LOOPBACK.has(req.socket.remoteAddress ?? '') ? next() : next('router')));
  }
  addPageRoutes(pages);
  router.use(pages);

  return {
    router,
    close() {
      unsubscribe();
      hub.close();
    },
  };
}
