import { CodedError } from '../errors.js';

/** A Webex API call that failed: the coded error plus what identifies the call for Webex support. */
export class WebexApiError extends CodedError {
  readonly status: number | undefined;
  readonly trackingId: string | undefined;

  constructor(init: { code: string; message: string; hint: string; status?: number; trackingId?: string; cause?: unknown }) {
    super(init.code, init.message, init.hint);
    this.name = 'WebexApiError';
    if (init.cause !== undefined) this.cause = init.cause;
    this.status = init.status;
    this.trackingId = init.trackingId;
  }
}

/** Codes and operator hints per HTTP status. Never includes the token or request bodies. */
export function errorForStatus(status: number, what: string, webexMessage: string | undefined, trackingId: string | undefined): WebexApiError {
  const said = webexMessage ? `: ${webexMessage}` : '';
  const tracking = trackingId ? ` (trackingId ${trackingId})` : '';
  const message = `Webex answered ${status} to ${what}${said}${tracking}`;
  const base = { message, status, trackingId };
  if (status === 401) {
    return new WebexApiError({ ...base, code: 'webex_unauthorized', hint: "Check WEBEX_BOT_TOKEN: it must be the bot's current access token from developer.webex.com (regenerating it invalidates the old one)." });
  }
  if (status === 403) return new WebexApiError({ ...base, code: 'webex_forbidden', hint: 'The bot is not allowed to do this (not a member of the space, or a bot-restricted API).' });
  if (status === 404) return new WebexApiError({ ...base, code: 'webex_not_found', hint: 'The space, message or person does not exist or the bot cannot see it (bots only see spaces they are in).' });
  if (status === 429) return new WebexApiError({ ...base, code: 'webex_rate_limited', hint: 'Webex kept rate-limiting beyond the retry budget; try again in a minute.' });
  if (status >= 500) return new WebexApiError({ ...base, code: 'webex_unavailable', hint: 'Webex is having trouble; check https://status.webex.com and try again.' });
  return new WebexApiError({ ...base, code: 'webex_bad_request', hint: 'Webex refused the request as sent; the message above says why.' });
}
