import type { RequestUrlFacts } from './evidence.js';
import { isUuid } from './uuids.js';

/**
 * The failing Control Hub request, e.g.
 *   https://identity-b-us.webex.com/extIntegration/azureAD/{orgId}/v1/WebexApplications/status
 * says which identity cluster served it, which integration failed, for which org, on which resource.
 * Pasted URLs are often cut ("…/v1/Web"): whatever is there is kept.
 */

const MAX_URL_LENGTH = 2048;
const URL_START = /https?:\/\//i;
/** Characters that end a URL in running text. */
const URL_STOP = new Set([' ', '\n', '"', "'", '<', '>', '(', ')', '[', ']', '{', '}', '|', '\\']);
const TRAILING_PUNCTUATION = /[.,;:!?]+$/;
/** A request to an external integration, anywhere in the text (bounded look between scheme and path). */
const INTEGRATION_URL = /https?:\/\/[^\s"'<>]{1,200}?\/extIntegration\//i;
const IDENTITY_HOST = /^(identity[a-z0-9-]{0,40})\.(?:webex\.com|ciscospark\.com|wbx2\.com|webexgov\.us)$/;
const API_VERSION = /^v\d{1,3}$/i;

/** The URL starting at `index`, up to the first character that cannot be part of it. */
export function urlTokenAt(text: string, index: number): string {
  let end = index;
  while (end < text.length && end - index < MAX_URL_LENGTH && !URL_STOP.has(text.charAt(end))) end++;
  return text.slice(index, end).replace(TRAILING_PUNCTUATION, '');
}

/** The first http(s) URL in a short value (a debug label's value). */
export function firstUrlIn(value: string): string | undefined {
  const m = URL_START.exec(value);
  return m === null ? undefined : urlTokenAt(value, m.index);
}

/** The first URL that calls an external integration (/extIntegration/), for pastes without a "URL:" label. */
export function findIntegrationUrl(text: string): string | undefined {
  const m = INTEGRATION_URL.exec(text);
  return m === null ? undefined : urlTokenAt(text, m.index);
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment; // a cut %-escape: keep it as pasted
  }
}

export function parseRequestUrl(url: string): RequestUrlFacts | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  const host = parsed.hostname.toLowerCase();
  const facts: RequestUrlFacts = { url, host };
  const cluster = IDENTITY_HOST.exec(host)?.[1];
  if (cluster !== undefined) facts.identityCluster = cluster;

  const segments = parsed.pathname.split('/').filter((s) => s !== '').map(decodeSegment);
  const integrationAt = segments.findIndex((s) => s.toLowerCase() === 'extintegration');
  const integration = integrationAt === -1 ? undefined : segments[integrationAt + 1];
  if (integration !== undefined) facts.integration = integration;

  const searchFrom = integrationAt === -1 ? 0 : integrationAt + 2;
  const orgAt = segments.findIndex((s, k) => k >= searchFrom && isUuid(s));
  if (orgAt === -1) return facts;
  facts.orgId = (segments[orgAt] ?? '').toLowerCase();
  let rest = segments.slice(orgAt + 1);
  if (rest[0] !== undefined && API_VERSION.test(rest[0])) rest = rest.slice(1);
  if (rest.length > 0) facts.resource = rest.join('/');
  return facts;
}
