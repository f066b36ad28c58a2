import { Buffer } from 'node:buffer';
import { isUuid } from './uuids.js';

/**
 * Webex REST ("Hydra") ids are base64 of `ciscospark://<region>/<TYPE>/<uuid>`, e.g.
 * base64("ciscospark://us/ORGANIZATION/2fdb923e-…"). Every such id starts with the base64 of
 * "ciscospark://", which gives a fixed, cheap anchor to search for.
 */
const HYDRA_PREFIX = 'Y2lzY29zcGFyazovL';
/** Bounded: the longest real ids are well under 200 characters. */
const HYDRA_PATTERN = /Y2lzY29zcGFyazovL[A-Za-z0-9+/_-]{20,300}={0,2}/g;
const DECODED_PATTERN = /^ciscospark:\/\/[^/]{1,80}\/([A-Za-z_]{1,40})\/([0-9a-fA-F-]{36})/;

export interface HydraId {
  /** e.g. "ORGANIZATION", "PEOPLE" (upper-cased). */
  type: string;
  /** The UUID inside, lower-cased. */
  uuid: string;
  index: number;
}

export function decodeHydraId(token: string): { type: string; uuid: string } | undefined {
  if (!token.startsWith(HYDRA_PREFIX)) return undefined;
  const decoded = Buffer.from(token, 'base64').toString('latin1');
  const m = DECODED_PATTERN.exec(decoded);
  if (m === null || m[1] === undefined || m[2] === undefined || !isUuid(m[2])) return undefined;
  return { type: m[1].toUpperCase(), uuid: m[2].toLowerCase() };
}

/** Every decodable Hydra id in the text, in order of appearance. */
export function findHydraIds(text: string): HydraId[] {
  const found: HydraId[] = [];
  for (const m of text.matchAll(HYDRA_PATTERN)) {
    const id = decodeHydraId(m[0]);
    if (id !== undefined) found.push({ ...id, index: m.index });
  }
  return found;
}
