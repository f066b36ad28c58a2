import type { Language } from '../i18n/message.js';

/** A Microsoft sign-in error code such as AADSTS700016, with the text that followed it, if any. */
export interface AadstsMention {
  code: string; // digits only, e.g. "700016"
  text?: string;
}

/** What the failing Control Hub request URL tells us. */
export interface RequestUrlFacts {
  url: string;
  host: string;
  /** e.g. "identity-b-us" for https://identity-b-us.webex.com/… */
  identityCluster?: string;
  /** e.g. "azureAD" for …/extIntegration/azureAD/… */
  integration?: string;
  /** The path after the org id and API version, e.g. "WebexApplications/status" or "Domains". */
  resource?: string;
  /** The Webex org id embedded in the path. */
  orgId?: string;
}

/** Every field the reader knows how to find; `missing` lists those it did not. */
export type EvidenceField =
  | 'trackingId'
  | 'orgId'
  | 'userId'
  | 'httpStatus'
  | 'webexErrorCode'
  | 'requestUrl'
  | 'clientRequestId'
  | 'userClockUtc'
  | 'controlHubBuild'
  | 'customerType'
  | 'aadsts'
  | 'entraTenantId'
  | 'toast';

/**
 * Everything the reader could recognise in a paste. Pure data: produced by `readPaste`, no I/O.
 * All ids are normalised: UUIDs lower-case, Webex base64 ids decoded to their UUID.
 */
export interface Evidence {
  /**
   * Tracking ids, de-duplicated (ATLAS_<uuid>_<n>, and other PREFIX_<uuid>_<n>): those the debug block or
   * error body name first ("Tracking ID:", "trackingId"), then others in order of appearance. [0] is the one to quote.
   */
  trackingIds: string[];
  /** The Webex org the error is about (View Org ID, else the URL's org, else Logged-in User Org ID). */
  orgId?: string;
  userOrgId?: string;
  userId?: string;
  httpStatus?: number;
  statusText?: string;
  /** Webex error codes from the JSON body or text, e.g. ["701018"]. */
  webexErrorCodes: string[];
  /** The error body as parsed JSON when it could be repaired, else undefined. */
  errorBody?: unknown;
  requestUrl?: RequestUrlFacts;
  clientRequestIds: string[];
  /** ISO-8601, from "Logged-in User Clock UTC". */
  userClockUtc?: string;
  controlHubBuild?: string;
  customerType?: string;
  browserUrl?: string;
  aadsts: AadstsMention[];
  /** Entra (Azure AD) tenant id, when the paste contains one (e.g. in an AADSTS message or a login URL). */
  entraTenantId?: string;
  /** The Control Hub toast ("Azure AD integration error. The request was unauthorized…") in any language. */
  toast?: { kind: 'azure-ad-unauthorized' | 'azure-ad-other'; language: Language };
  /** The language of the surrounding text (the Debug Info block itself is always English). */
  language: Language;
  /** Fields not found, so the conversation can ask for them. */
  missing: EvidenceField[];
  /** True when the paste was cut to the size limit before reading. */
  truncated: boolean;
}

/** True when the paste holds anything worth diagnosing. */
export function isDiagnosable(evidence: Evidence): boolean {
  return (
    evidence.trackingIds.length > 0 ||
    evidence.toast !== undefined ||
    evidence.webexErrorCodes.length > 0 ||
    evidence.aadsts.length > 0 ||
    evidence.requestUrl?.integration !== undefined
  );
}
