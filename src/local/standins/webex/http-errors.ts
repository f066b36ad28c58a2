import type { WebexErrorBody } from '../../../webex/types.js';

/** A refusal the stand-in answers the way Webex does: a status and Webex's wording. */
export class WebexRefusal extends Error {
  readonly status: number;

  constructor(status: number, message: string) {
    super(message);
    this.name = 'WebexRefusal';
    this.status = status;
  }
}

/** Webex's own wordings, so clients that match on them (or humans reading logs) see the real thing. */
export const WEBEX_WORDING = {
  unauthorized: 'The request requires a valid access token set in the Authorization request header.',
  notFound: 'The requested resource could not be found.',
  roomNotFound: 'Could not find a room with provided ID.',
  tooManyRequests: 'Too Many Requests. Retry after the number of seconds given in the Retry-After header.',
  unavailable: 'The server is currently unable to handle the request due to a temporary overload or scheduled maintenance.',
  forbidden: 'The server understood the request, but refused to fulfill it because the access token is missing required scopes or because of some other restriction.',
} as const;

export function errorBody(message: string, trackingId: string): WebexErrorBody {
  return { message, errors: [{ description: message }], trackingId };
}

export const notFound = (message: string = WEBEX_WORDING.notFound): WebexRefusal => new WebexRefusal(404, message);
export const badRequest = (message: string): WebexRefusal => new WebexRefusal(400, message);
export const forbidden = (message: string = WEBEX_WORDING.forbidden): WebexRefusal => new WebexRefusal(403, message);
