import type { Router } from 'express';
import type { EventStreamHub } from './event-stream.js';
import { tenantView } from './demo-routes.js';
import type { LocalRouteDeps } from './types.js';
import { cardPress, newMessage, roomQuery } from './validation.js';

/**
 * The page's JSON API, declared relative to its mount point (/local/api). Everything acts as Ann through the Webex stand-in, so the bot sees exactly what a Webex
 * client would produce: a message (and its webhook), or an attachment action when a card button is pressed.
 */
export function addApiRoutes(router: Router, deps: LocalRouteDeps, hub: EventStreamHub): void {
  router.get('/info', (_req, res) => {
    res.json({ me: deps.me, bot: deps.bot, tenant: tenantView(deps), spaces: deps.session.spaces() });
  });

  router.get('/spaces', (_req, res) => {
    res.json({ items: deps.session.spaces() });
  });

  router.get('/examples', (_req, res) => {
    res.json({ items: deps.examples });
  });

  router.get('/messages', (req, res) => {
    const { roomId } = roomQuery.parse(req.query);
    res.json({ items: deps.session.messages(roomId) });
  });

  router.post('/messages', (req, res) => {
    const input = newMessage.parse(req.body);
    res.status(201).json(deps.session.post(input));
  });

  router.post('/actions', (req, res) => {
    const input = cardPress.parse(req.body);
    res.status(201).json(deps.session.press(input));
  });

  router.get('/stream', (req, res) => {
    hub.open(req, res);
  });

  router.get('/cards', async (_req, res) => {
    res.json(await deps.cardSamples());
  });
}
