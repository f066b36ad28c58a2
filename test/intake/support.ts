import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { LANGUAGES } from '../../src/i18n/message.js';
import { projectPath } from '../../src/paths.js';

/** A paste fixture from test/fixtures/pastes/, as UTF-8 text. */
export function pasteFixture(name: string): string {
  return readFileSync(projectPath('test', 'fixtures', 'pastes', name), 'utf8');
}

export const SEED_TRACKING_ID = 'ATLAS_497d70df-8811-4b6b-9b6a-ef4f438b57f6_136';
export const SEED_ORG_ID = '2fdb923e-1d23-4e1b-a30f-e9cd88845744';
export const SEED_USER_ID = '09e7e177-3b96-47a9-bf96-9f607451d8a9';
export const SEED_CLIENT_REQUEST_ID = '9afc732a-2dcf-44e0-8bd8-49db92e483b7';

const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
const FIELDS = [
  'trackingId', 'orgId', 'userId', 'httpStatus', 'webexErrorCode', 'requestUrl', 'clientRequestId',
  'userClockUtc', 'controlHubBuild', 'customerType', 'aadsts', 'entraTenantId', 'toast',
] as const;

/** The Evidence contract, strictly: no unknown keys, ids normalised, `missing` consistent with the fields. */
export const evidenceSchema = z
  .object({
    trackingIds: z.array(z.string().regex(/^[A-Za-z][A-Za-z0-9-]*_[0-9a-f-]{36}_\d+$/)),
    orgId: uuid.optional(),
    userOrgId: uuid.optional(),
    userId: uuid.optional(),
    httpStatus: z.number().int().min(100).max(599).optional(),
    statusText: z.string().min(1).max(128).optional(),
    webexErrorCodes: z.array(z.string().regex(/^\d{4,7}$/)),
    errorBody: z.unknown().optional(),
    requestUrl: z
      .object({
        url: z.string().min(1),
        host: z.string(),
        identityCluster: z.string().optional(),
        integration: z.string().optional(),
        resource: z.string().optional(),
        orgId: uuid.optional(),
      })
      .strict()
      .optional(),
    clientRequestIds: z.array(uuid),
    userClockUtc: z.string().datetime().optional(),
    controlHubBuild: z.string().min(1).max(128).optional(),
    customerType: z.string().min(1).max(128).optional(),
    browserUrl: z.string().min(1).optional(),
    aadsts: z.array(z.object({ code: z.string().regex(/^\d+$/), text: z.string().min(1).optional() }).strict()),
    entraTenantId: uuid.optional(),
    toast: z.object({ kind: z.enum(['azure-ad-unauthorized', 'azure-ad-other']), language: z.enum(LANGUAGES) }).strict().optional(),
    language: z.enum(LANGUAGES),
    missing: z.array(z.enum(FIELDS)),
    truncated: z.boolean(),
  })
  .strict()
  .superRefine((e, ctx) => {
    const found: Record<(typeof FIELDS)[number], boolean> = {
      trackingId: e.trackingIds.length > 0,
      orgId: e.orgId !== undefined,
      userId: e.userId !== undefined,
      httpStatus: e.httpStatus !== undefined,
      webexErrorCode: e.webexErrorCodes.length > 0,
      requestUrl: e.requestUrl !== undefined,
      clientRequestId: e.clientRequestIds.length > 0,
      userClockUtc: e.userClockUtc !== undefined,
      controlHubBuild: e.controlHubBuild !== undefined,
      customerType: e.customerType !== undefined,
      aadsts: e.aadsts.length > 0,
      entraTenantId: e.entraTenantId !== undefined,
      toast: e.toast !== undefined,
    };
    for (const field of FIELDS) {
      if (found[field] === e.missing.includes(field)) ctx.addIssue({ code: 'custom', message: `missing is wrong about ${field}` });
    }
    for (const list of [e.trackingIds, e.webexErrorCodes, e.clientRequestIds, e.aadsts.map((a) => a.code)]) {
      if (new Set(list).size !== list.length) ctx.addIssue({ code: 'custom', message: `duplicates in ${list.join(',')}` });
    }
  });
