import type { Express } from 'express';
import { badRequest } from '../http-errors.js';
import { sendPage } from '../paging.js';
import type { WebexWorld } from '../world.js';
import { callerOf, param, queryString } from './auth.js';

/** Messages (with threads and cards) and card presses. */
export function messageRoutes(app: Express, world: WebexWorld, prefix: string): void {
  app.post(`${prefix}/messages`, (req, res) => {
    res.json(world.createMessage(callerOf(res), bodyOf(req.body)));
  });

  // Newest first, like Webex; parentId lists a thread's replies; mentionedPeople=me narrows to mentions.
  app.get(`${prefix}/messages`, (req, res) => {
    const caller = callerOf(res);
    const roomId = queryString(req, 'roomId');
    if (!roomId) throw badRequest('roomId is required.');
    world.roomFor(caller, roomId);
    const mentioned = queryString(req, 'mentionedPeople');
    const wanted = mentioned === 'me' ? caller.id : mentioned;
    const messages = world
      .messagesIn(roomId, queryString(req, 'parentId'))
      .filter((m) => wanted === undefined || (m.mentionedPeople ?? []).includes(wanted))
      .reverse();
    sendPage(req, res, messages);
  });

  app.get(`${prefix}/messages/:messageId`, (req, res) => {
    res.json(world.messageFor(callerOf(res), param(req, 'messageId')));
  });

  app.delete(`${prefix}/messages/:messageId`, (req, res) => {
    world.deleteMessage(callerOf(res), param(req, 'messageId'));
    res.status(204).end();
  });

  app.post(`${prefix}/attachment/actions`, (req, res) => {
    res.json(world.createAttachmentAction(callerOf(res), bodyOf(req.body)));
  });

  app.get(`${prefix}/attachment/actions/:actionId`, (req, res) => {
    res.json(world.attachmentActionFor(callerOf(res), param(req, 'actionId')));
  });
}

export function bodyOf(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw badRequest('The request body must be a JSON object.');
  return body as Record<string, unknown>;
}
