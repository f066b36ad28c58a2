import express from 'express';
import type { Express, NextFunction, Request, Response } from 'express';
import type { FaultInjector } from './faults.js';
import { errorBody, WEBEX_WORDING, WebexRefusal } from './http-errors.js';
import { newTrackingId } from './ids.js';
import { authenticate } from './routes/auth.js';
import { directoryRoutes } from './routes/directory.js';
import { messageRoutes } from './routes/messages.js';
import { webhookRoutes } from './routes/webhooks.js';
import type { WebexWorld } from './world.js';

export const API_PREFIX = '/v1';
export const U2C_PREFIX = '/u2c/api/v1';

/** The stand-in's HTTP surface: Webex's REST API under /v1 and a U2C catalog that knows nothing (404, as the SDK tolerates). */
export function buildStandinApp(world: WebexWorld, faults: FaultInjector): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use((_req, res, next) => {
    res.set('trackingid', newTrackingId());
    next();
  });
  // The SDK asks the service catalog first when the token has three parts; Webex-shaped 404s make it fall back to HYDRA_SERVICE_URL.
  app.use(U2C_PREFIX, (_req, res) => {
    res.status(404).json(errorBody(WEBEX_WORDING.notFound, String(res.getHeader('trackingid'))));
  });
  app.use(API_PREFIX, faults.middleware);
  app.use(API_PREFIX, express.json({ limit: '1mb' }));
  app.use(API_PREFIX, faults.afterBody);
  app.use(API_PREFIX, authenticate(world));
  directoryRoutes(app, world, API_PREFIX);
  messageRoutes(app, world, API_PREFIX);
  webhookRoutes(app, world, API_PREFIX);
  app.use((_req, res) => {
    res.status(404).json(errorBody(WEBEX_WORDING.notFound, String(res.getHeader('trackingid'))));
  });
  app.use((err: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const trackingId = String(res.getHeader('trackingid'));
    if (err instanceof WebexRefusal) {
      res.status(err.status).json(errorBody(err.message, trackingId));
      return;
    }
    const status = typeof err === 'object' && err !== null && 'status' in err && typeof err.status === 'number' ? err.status : 500;
    const message = status === 400 ? 'The request could not be understood by the server due to malformed syntax.' : status === 413 ? 'Request entity too large.' : 'Internal server error.';
    res.status(status).json(errorBody(message, trackingId));
  });
  return app;
}
