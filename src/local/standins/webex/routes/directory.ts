import type { Express, RequestHandler } from 'express';
import type { WebexPerson } from '../../../../webex/types.js';
import { badRequest, notFound } from '../http-errors.js';
import { sendPage } from '../paging.js';
import type { WebexWorld } from '../world.js';
import { callerOf, param, queryString } from './auth.js';

/** People, rooms and memberships: what the SDK reads at start-up and when it spawns a bot in a space. */
export function directoryRoutes(app: Express, world: WebexWorld, prefix: string): void {
  app.get(`${prefix}/people/me`, (_req, res) => {
    res.json(callerOf(res));
  });

  // The SDK's people batcher calls GET /people/?id=a,b&showAllTypes=…; unknown ids come back in notFoundIds.
  const listPeople: RequestHandler = (req, res) => {
    const ids = queryString(req, 'id');
    const email = queryString(req, 'email');
    if (ids) {
      const wanted = ids.split(',').map((id) => id.trim()).filter(Boolean);
      const found = wanted.map((id) => world.findPerson({ id })).filter((p): p is WebexPerson => p !== undefined);
      const notFoundIds = wanted.filter((id) => !found.some((p) => p.id === id));
      res.json({ items: found, ...(notFoundIds.length > 0 ? { notFoundIds } : {}) });
      return;
    }
    if (email) {
      const person = world.findPerson({ email });
      sendPage(req, res, person ? [person] : []);
      return;
    }
    throw badRequest('Email, displayName, or id list should be specified.');
  };
  app.get(`${prefix}/people`, listPeople);
  app.get(`${prefix}/people/`, listPeople);

  app.get(`${prefix}/people/:personId`, (req, res) => {
    const person = world.findPerson({ id: param(req, 'personId') });
    if (!person) throw notFound('Person not found.');
    res.json(person);
  });

  app.get(`${prefix}/rooms`, (req, res) => {
    const type = queryString(req, 'type');
    const rooms = world.roomsOf(callerOf(res).id).filter((r) => type === undefined || r.type === type);
    sendPage(req, res, [...rooms].sort((a, b) => b.lastActivity.localeCompare(a.lastActivity)));
  });

  app.get(`${prefix}/rooms/:roomId`, (req, res) => {
    res.json(world.roomFor(callerOf(res), param(req, 'roomId')));
  });

  // Without roomId Webex lists the caller's own memberships (one per space): that is the framework's start-up call.
  app.get(`${prefix}/memberships`, (req, res) => {
    const caller = callerOf(res);
    const roomId = queryString(req, 'roomId');
    const personId = queryString(req, 'personId');
    const personEmail = queryString(req, 'personEmail');
    if (roomId !== undefined) {
      world.roomFor(caller, roomId);
      sendPage(req, res, world.membershipsWhere({ roomId, personId, personEmail }));
      return;
    }
    if (personId !== undefined || personEmail !== undefined) throw badRequest('roomId is required when filtering by person.');
    sendPage(req, res, world.membershipsWhere({ personId: caller.id }));
  });
}
