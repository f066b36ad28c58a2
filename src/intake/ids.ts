import { UUID_SOURCE, isAsciiAlnum, type UuidHit } from './uuids.js';

/**
 * Ids recognised by what surrounds a UUID: Webex tracking ids (`ATLAS_<uuid>_<n>`), Microsoft
 * client request ids, Entra tenant ids. All patterns are fixed-width or bounded.
 */

/** Tracking id prefixes are short service names: ATLAS, WEBEX, ONBOARD, webex-web-client… */
const MAX_PREFIX = 32;
const MAX_SEQUENCE_DIGITS = 10;

export interface TrackingIdHit {
  /** PREFIX_<uuid lower-cased>_<n> */
  value: string;
  /** Where the prefix starts. */
  index: number;
}

function isPrefixChar(c: number): boolean {
  return isAsciiAlnum(c) || c === 0x2d;
}

function isLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/** The tracking id this UUID is the middle of, if it is one: `PREFIX_<uuid>_<digits>`. */
export function trackingIdAround(text: string, uuid: UuidHit): TrackingIdHit | undefined {
  if (text.charCodeAt(uuid.index - 1) !== 0x5f) return undefined;
  let prefixStart = uuid.index - 1;
  while (prefixStart > 0 && uuid.index - 1 - prefixStart <= MAX_PREFIX && isPrefixChar(text.charCodeAt(prefixStart - 1))) {
    prefixStart--;
  }
  if (uuid.index - 1 - prefixStart > MAX_PREFIX) return undefined;
  // A prefix starts with a letter: skip digits or hyphens glued in front of it.
  while (prefixStart < uuid.index - 1 && !isLetter(text.charCodeAt(prefixStart))) prefixStart++;
  if (prefixStart === uuid.index - 1) return undefined;

  const afterUuid = uuid.index + 36;
  if (text.charCodeAt(afterUuid) !== 0x5f) return undefined;
  let end = afterUuid + 1;
  while (end < text.length && end - afterUuid <= MAX_SEQUENCE_DIGITS && text.charCodeAt(end) >= 0x30 && text.charCodeAt(end) <= 0x39) {
    end++;
  }
  if (end === afterUuid + 1 || end - afterUuid > MAX_SEQUENCE_DIGITS || isAsciiAlnum(text.charCodeAt(end))) return undefined;
  const prefix = text.slice(prefixStart, uuid.index - 1);
  return { value: `${prefix}_${uuid.value}_${text.slice(afterUuid + 1, end)}`, index: prefixStart };
}

const CLIENT_REQUEST_ID = new RegExp(`client[- ]request[- ]id"? ?[:=] ?"?(${UUID_SOURCE})`, 'gi');

/** `client-request-id: <uuid>` as Webex and Microsoft Graph print it, lower-cased, de-duplicated. */
export function findClientRequestIds(text: string): string[] {
  const ids = new Set<string>();
  for (const m of text.matchAll(CLIENT_REQUEST_ID)) if (m[1] !== undefined) ids.add(m[1].toLowerCase());
  return [...ids];
}

/** A tenant id as the path's first segment of a Microsoft sign-in URL. */
const SIGN_IN_URL_TENANT = new RegExp(
  '\\b(?:login\\.microsoftonline\\.(?:com|us|de)|login\\.microsoft\\.com|login\\.windows\\.net|sts\\.windows\\.net|' +
    `login\\.chinacloudapi\\.cn|login\\.partner\\.microsoftonline\\.cn)/(${UUID_SOURCE})`,
  'gi',
);
/** "Tenant ID: <uuid>", "tenant '<uuid>'", "Directory (tenant) ID: <uuid>", "directory '<uuid>'", "tenantId=<uuid>". */
const LABELLED_TENANT = new RegExp(`\\b(?:tenant|directory)(?:\\)? ?[_-]?id)?"? ?[:=]? ?["'(]?(${UUID_SOURCE})`, 'gi');

/** The Entra tenant id the paste mentions first, lower-cased. */
export function findEntraTenantId(text: string): string | undefined {
  let best: { index: number; value: string } | undefined;
  for (const pattern of [SIGN_IN_URL_TENANT, LABELLED_TENANT]) {
    pattern.lastIndex = 0;
    const m = pattern.exec(text);
    if (m?.[1] !== undefined && (best === undefined || m.index < best.index)) best = { index: m.index, value: m[1].toLowerCase() };
  }
  return best?.value;
}
