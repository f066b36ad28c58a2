import { findAadsts } from './aadsts.js';
import { parseUtcClock } from './clock.js';
import { findDebugFields, type DebugField, type DebugLabel } from './debug-block.js';
import type { Evidence, EvidenceField } from './evidence.js';
import { decodeHydraId, findHydraIds } from './hydra.js';
import { findClientRequestIds, findEntraTenantId, trackingIdAround, type TrackingIdHit } from './ids.js';
import { readErrorBody } from './json-body.js';
import { detectLanguage, withoutRanges } from './language.js';
import { findIntegrationUrl, firstUrlIn, parseRequestUrl } from './request-url.js';
import {
  findHttpStatusInText,
  findWebexCodesInText,
  httpStatusFromBody,
  parseHttpStatus,
  webexCodesFromBody,
} from './status-and-codes.js';
import { compact, findToast } from './toast.js';
import { findUuids, firstUuid } from './uuids.js';

/** Builds Evidence from normalised text (see normalize.ts). Pure and linear in the text. */

/** Free-text values (build, customer type, status text) are short; a longer one ran into other text. */
const MAX_VALUE_LENGTH = 128;
/** The English toast, removed before guessing the language of the admin's own words. */
const ENGLISH_TOAST = /azure ad integration error/gi;
const ENGLISH_TOAST_SPAN = 200;
/** `"trackingId": "` right before a tracking id marks it as the error body's own. */
const TRACKING_ID_KEY = /"trackingid" ?: ?"$/i;

function shortValue(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  return value.length > MAX_VALUE_LENGTH ? value.slice(0, MAX_VALUE_LENGTH) : value;
}

/** A UUID, or a Webex base64 id of the expected type, in a label's value. */
function idIn(value: string, hydraType: string): string | undefined {
  const plain = firstUuid(value);
  if (plain !== undefined) return plain;
  const token = value.split(' ')[0] ?? '';
  const hydra = decodeHydraId(token.replace(/^["']|["',;.]+$/g, ''));
  return hydra?.type === hydraType ? hydra.uuid : undefined;
}

function unique<T>(values: Iterable<T>): T[] {
  return [...new Set(values)];
}

/**
 * Tracking ids, de-duplicated: first those the debug block or the error body name ("Tracking ID:",
 * `"trackingId"`), then any others in order of appearance. A document may also mention a mistyped copy
 * (the French seed's screenshot caption does), which must not come first.
 */
function findTrackingIds(text: string, fields: readonly DebugField[], body: unknown): string[] {
  const labelled: string[] = [];
  const others: string[] = [];
  const trackingFields = fields.filter((field) => field.label === 'trackingId');
  let next = 0; // fields and hits are both in text order: walk them together
  for (const uuid of findUuids(text)) {
    const hit: TrackingIdHit | undefined = trackingIdAround(text, uuid);
    if (hit === undefined) continue;
    while ((trackingFields[next]?.valueEnd ?? Infinity) <= hit.index) next++;
    const field = trackingFields[next];
    const inField = field !== undefined && hit.index >= field.valueStart;
    const afterKey = TRACKING_ID_KEY.test(text.slice(Math.max(0, hit.index - 20), hit.index));
    (inField || afterKey ? labelled : others).push(hit.value);
  }
  const bodyTrackingId = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)['trackingId'] : undefined;
  if (typeof bodyTrackingId === 'string') {
    for (const uuid of findUuids(bodyTrackingId)) {
      const hit = trackingIdAround(bodyTrackingId, uuid);
      if (hit !== undefined) labelled.push(hit.value);
    }
  }
  return unique([...labelled, ...others]);
}

function englishToastRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const m of text.matchAll(ENGLISH_TOAST)) {
    const lineEnd = text.slice(m.index, m.index + ENGLISH_TOAST_SPAN).indexOf('\n');
    ranges.push([m.index, m.index + (lineEnd === -1 ? ENGLISH_TOAST_SPAN : lineEnd)]);
  }
  return ranges;
}

function missingFields(evidence: Omit<Evidence, 'missing'>): EvidenceField[] {
  const found: Record<EvidenceField, boolean> = {
    trackingId: evidence.trackingIds.length > 0,
    orgId: evidence.orgId !== undefined,
    userId: evidence.userId !== undefined,
    httpStatus: evidence.httpStatus !== undefined,
    webexErrorCode: evidence.webexErrorCodes.length > 0,
    requestUrl: evidence.requestUrl !== undefined,
    clientRequestId: evidence.clientRequestIds.length > 0,
    userClockUtc: evidence.userClockUtc !== undefined,
    controlHubBuild: evidence.controlHubBuild !== undefined,
    customerType: evidence.customerType !== undefined,
    aadsts: evidence.aadsts.length > 0,
    entraTenantId: evidence.entraTenantId !== undefined,
    toast: evidence.toast !== undefined,
  };
  return (Object.keys(found) as EvidenceField[]).filter((field) => !found[field]);
}

export function extractEvidence(text: string, truncated: boolean): Evidence {
  const fields = findDebugFields(text);
  /**
   * The first value of this label that parses: admins' own words may use a label too ("Status: disabled",
   * "URL: see below") before the debug block's line.
   */
  const parsed = <T>(label: DebugLabel, parse: (value: string) => T | undefined): T | undefined => {
    for (const field of fields) {
      const result = field.label === label ? parse(field.value) : undefined;
      if (result !== undefined) return result;
    }
    return undefined;
  };
  const valueOf = (label: DebugLabel): string | undefined => parsed(label, (value) => (value === '' ? undefined : value));
  const errorField = fields.find((field) => field.label === 'error' && /^[ \n]{0,64}\{/.test(text.slice(field.valueStart, field.valueStart + 65)));
  const body = readErrorBody(text, errorField?.valueStart);
  const bodyText = body?.value === undefined ? '' : JSON.stringify(body.value);

  const url = parsed('url', firstUrlIn) ?? findIntegrationUrl(text);
  const requestUrl = url === undefined ? undefined : parseRequestUrl(url);
  const userOrgId = parsed('userOrgId', (value) => idIn(value, 'ORGANIZATION'));
  const anyHydraOrg = findHydraIds(text).find((id) => id.type === 'ORGANIZATION')?.uuid;

  const labelledStatus = parsed('status', parseHttpStatus);
  const textStatus = findHttpStatusInText(text);
  const httpStatus = labelledStatus ?? httpStatusFromBody(body?.value) ?? textStatus?.status;
  const statusText =
    shortValue(valueOf('statusText')) ?? (textStatus !== undefined && textStatus.status === httpStatus ? textStatus.statusText : undefined);

  const toast = findToast(compact(text));
  const proseRanges: Array<readonly [number, number]> = [
    ...fields.map((field) => [field.labelIndex, field.valueEnd] as const),
    ...englishToastRanges(text),
  ];
  if (body !== undefined) proseRanges.push([body.start, body.end]);

  const evidence: Omit<Evidence, 'missing'> = {
    trackingIds: findTrackingIds(text, fields, body?.value),
    orgId: parsed('viewOrgId', (value) => idIn(value, 'ORGANIZATION')) ?? requestUrl?.orgId ?? userOrgId ?? anyHydraOrg,
    userOrgId,
    userId: parsed('userId', (value) => idIn(value, 'PEOPLE')),
    httpStatus,
    statusText,
    webexErrorCodes: unique([...webexCodesFromBody(body?.value), ...findWebexCodesInText(text)]),
    errorBody: body?.value,
    requestUrl,
    clientRequestIds: unique([...findClientRequestIds(text), ...findClientRequestIds(bodyText)]),
    userClockUtc: parsed('userClockUtc', parseUtcClock),
    controlHubBuild: shortValue(valueOf('controlHubBuild')),
    customerType: shortValue(valueOf('customerType')),
    browserUrl: parsed('browserUrl', firstUrlIn),
    aadsts: findAadsts(text),
    entraTenantId: findEntraTenantId(text),
    toast,
    language: detectLanguage(withoutRanges(text, proseRanges), toast?.language),
    truncated,
  };
  return { ...dropUndefined(evidence), missing: missingFields(evidence) };
}

/** Optional fields that were not found are left out rather than present as `undefined` (clean JSON, toEqual). */
function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
