import type { Express } from 'express';
import { sendPage } from '../paging.js';
import type { WebexWorld } from '../world.js';
import { callerOf, param } from './auth.js';
import { bodyOf } from './messages.js';

/** Webhook CRUD, scoped to the token's owner. */
export function webhookRoutes(app: Express, world: WebexWorld, prefix: string): void {
  app.get(`${prefix}/webhooks`, (req, res) => {
    sendPage(req, res, world.webhooks.listFor(callerOf(res)));
  });
  app.post(`${prefix}/webhooks`, (req, res) => {
    res.json(world.webhooks.create(callerOf(res), bodyOf(req.body)));
  });
  app.get(`${prefix}/webhooks/:webhookId`, (req, res) => {
    res.json(world.webhooks.getFor(callerOf(res), param(req, 'webhookId')));
  });
  app.put(`${prefix}/webhooks/:webhookId`, (req, res) => {
    res.json(world.webhooks.update(callerOf(res), param(req, 'webhookId'), bodyOf(req.body)));
  });
  app.delete(`${prefix}/webhooks/:webhookId`, (req, res) => {
    world.webhooks.delete(callerOf(res), param(req, 'webhookId'));
    res.status(204).end();
  });
}
