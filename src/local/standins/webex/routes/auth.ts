import type { NextFunction, Request, Response } from 'express';
import type { WebexPerson } from '../../../../webex/types.js';
import { errorBody, WEBEX_WORDING } from '../http-errors.js';
import type { WebexWorld } from '../world.js';

/** Bearer-token authentication: the token names the caller; anything else gets Webex's 401 body. */
export function authenticate(world: WebexWorld) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const match = /^Bearer\s+(\S+)$/i.exec(req.get('authorization') ?? '');
    const caller = match?.[1] ? world.personByToken(match[1]) : undefined;
    if (!caller) {
      res.status(401).json(errorBody(WEBEX_WORDING.unauthorized, String(res.getHeader('trackingid'))));
      return;
    }
    res.locals.caller = caller;
    next();
  };
}

export function callerOf(res: Response): WebexPerson {
  return res.locals.caller as WebexPerson;
}

/** A route parameter as a string (Express 5 types params loosely). */
export function param(req: Request, name: string): string {
  const value = (req.params as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : '';
}

export function queryString(req: Request, name: string): string | undefined {
  const value = req.query[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}
