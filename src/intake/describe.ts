import type { Language } from '../i18n/message.js';
import type { Evidence, EvidenceField } from './evidence.js';
import { isDiagnosable } from './evidence.js';

/**
 * A plain-text English summary of Evidence for the CLI and logs: what was read, then what was not.
 * Values come from untrusted pastes, so control characters are replaced before they reach a terminal.
 */

const FIELD_NAMES: Record<EvidenceField, string> = {
  trackingId: 'tracking ID',
  orgId: 'Webex org ID',
  userId: 'user ID',
  httpStatus: 'HTTP status',
  webexErrorCode: 'Webex error code',
  requestUrl: 'request URL',
  clientRequestId: 'client-request-id',
  userClockUtc: 'user clock (UTC)',
  controlHubBuild: 'Control Hub build',
  customerType: 'customer type',
  aadsts: 'AADSTS error',
  entraTenantId: 'Entra tenant ID',
  toast: 'Control Hub toast',
};

const LANGUAGE_NAMES: Record<Language, string> = {
  en: 'English', ja: 'Japanese', fr: 'French', de: 'German', es: 'Spanish',
  pt: 'Portuguese', it: 'Italian', zh: 'Chinese', ko: 'Korean',
};

const LABEL_WIDTH = 20;

function safe(value: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this removes
  return value.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '?');
}

function line(label: string, value: string): string {
  return `  ${label.padEnd(LABEL_WIDTH)}${safe(value)}`;
}

function urlDetails(evidence: Evidence): string[] {
  const url = evidence.requestUrl;
  if (url === undefined) return [];
  const parts = [
    url.identityCluster === undefined ? undefined : `cluster ${url.identityCluster}`,
    url.integration === undefined ? undefined : `integration ${url.integration}`,
    url.resource === undefined ? undefined : `resource ${url.resource}`,
    url.orgId === undefined ? undefined : `org ${url.orgId}`,
  ].filter((part): part is string => part !== undefined);
  return [line('Request URL', url.url), ...(parts.length > 0 ? [line('', parts.join(', '))] : [])];
}

export function describeEvidence(e: Evidence): string {
  const [firstTrackingId, ...otherTrackingIds] = e.trackingIds;
  const read: string[] = [
    ...(firstTrackingId === undefined ? [] : [line('Tracking ID', firstTrackingId)]),
    ...(otherTrackingIds.length === 0 ? [] : [line('Other tracking IDs', otherTrackingIds.join(', '))]),
    ...(e.toast === undefined
      ? []
      : [line('Toast', `${e.toast.kind === 'azure-ad-unauthorized' ? 'Azure AD integration error: request unauthorized' : 'Azure AD error'} (in ${LANGUAGE_NAMES[e.toast.language]})`)]),
    ...(e.httpStatus === undefined ? [] : [line('HTTP status', [String(e.httpStatus), e.statusText].filter(Boolean).join(' '))]),
    ...(e.webexErrorCodes.length === 0 ? [] : [line('Webex error code', e.webexErrorCodes.join(', '))]),
    ...urlDetails(e),
    ...(e.orgId === undefined ? [] : [line('Webex org ID', e.orgId)]),
    ...(e.userOrgId === undefined || e.userOrgId === e.orgId ? [] : [line("User's org ID", e.userOrgId)]),
    ...(e.userId === undefined ? [] : [line('User ID', e.userId)]),
    ...(e.clientRequestIds.length === 0 ? [] : [line('client-request-id', e.clientRequestIds.join(', '))]),
    ...(e.userClockUtc === undefined ? [] : [line('User clock (UTC)', e.userClockUtc)]),
    ...(e.controlHubBuild === undefined ? [] : [line('Control Hub build', e.controlHubBuild)]),
    ...(e.customerType === undefined ? [] : [line('Customer type', e.customerType)]),
    ...(e.browserUrl === undefined ? [] : [line('Browser URL', e.browserUrl)]),
    ...e.aadsts.map((a) => line('Microsoft error', `AADSTS${a.code}${a.text === undefined ? '' : `: ${a.text}`}`)),
    ...(e.entraTenantId === undefined ? [] : [line('Entra tenant ID', e.entraTenantId)]),
    ...(e.errorBody === undefined ? [] : [line('Error body', 'JSON, read')]),
  ];
  const out: string[] = [];
  out.push(read.length > 0 ? 'Read from the paste:' : 'Nothing recognisable was found in the paste.');
  out.push(...read);
  out.push(`Language of the message: ${LANGUAGE_NAMES[e.language]} (${e.language})`);
  if (e.missing.length > 0) out.push(`Not found: ${e.missing.map((field) => FIELD_NAMES[field]).join(', ')}`);
  if (e.truncated) out.push('The paste was longer than the size limit: only its beginning was read.');
  out.push(
    isDiagnosable(e)
      ? 'Diagnosable: yes.'
      : 'Diagnosable: no. Paste the Control Hub error message with its TrackingID, or its "Copy Debug Info" block.',
  );
  return out.join('\n');
}
