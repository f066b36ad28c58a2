import { msg } from '../i18n/message.js';
import type { MessageRef } from '../i18n/message.js';
import type { Evidence } from '../intake/evidence.js';
import { aadstsEntry } from './aadsts.js';
import type { CauseId } from './types.js';

/** A cause the paste may point to, and the check whose pass rules it out. */
export interface PasteCandidate {
  id: CauseId;
  /** Check ids that, all passing, show this cause does not hold now. Empty: no tenant check can rule it out. */
  resolvedBy: readonly string[];
}

/** One thing the paste says, with what it says it, and the causes it points to (most likely first). */
export interface PasteSignal {
  evidence: MessageRef[];
  candidates: PasteCandidate[];
  /** AADSTS code, when the signal is a pasted sign-in error. */
  aadstsCode?: string;
}

/** Webex's code for "the Integration app could not get a token in the customer's tenant". */
const UNAUTHORIZED_CODE = '701018';
/** Webex's code for "tenantId is required": the wizard never recorded a tenant. */
const NO_TENANT_CODE = '100013';

/** The Azure AD integration calls Control Hub makes that fail this way (Cisco docs 221178, 223574). */
const KNOWN_RESOURCES = ['WebexApplications/status', 'Domains'];

/**
 * The failing call as pasted. Copies of the debug block often cut the URL ("…/v1/Web"): a strict prefix of a known
 * call is shown with an ellipsis, so nobody reads "Web" as the name of the call.
 */
function resourceText(resource: string): string {
  const cut = KNOWN_RESOURCES.some((known) => known.length > resource.length && known.toLowerCase().startsWith(resource.toLowerCase()));
  return cut ? `${resource}…` : resource;
}

function codesText(evidence: Evidence): string {
  return evidence.webexErrorCodes.length > 0 ? evidence.webexErrorCodes.join(', ') : '—';
}

function unauthorized(evidence: Evidence): PasteSignal | undefined {
  const onAzureAdCall = evidence.requestUrl?.integration?.toLowerCase() === 'azuread';
  const strong =
    evidence.webexErrorCodes.includes(UNAUTHORIZED_CODE) ||
    (evidence.httpStatus === 401 && onAzureAdCall) ||
    evidence.toast?.kind === 'azure-ad-unauthorized';
  if (!strong) return undefined;
  const said: MessageRef[] = [];
  if (evidence.requestUrl?.resource !== undefined) {
    said.push(
      msg('diagnosis.evidence.paste-unauthorized-call', {
        status: evidence.httpStatus ?? 401,
        codes: codesText(evidence),
        resource: resourceText(evidence.requestUrl.resource),
      }),
    );
  } else if (evidence.webexErrorCodes.includes(UNAUTHORIZED_CODE) || evidence.httpStatus === 401) {
    said.push(msg('diagnosis.evidence.paste-unauthorized', { status: evidence.httpStatus ?? 401, codes: codesText(evidence) }));
  }
  if (evidence.toast?.kind === 'azure-ad-unauthorized') said.push(msg('diagnosis.evidence.paste-toast'));
  return {
    evidence: said,
    candidates: [
      { id: 'integration-app-missing', resolvedBy: ['integration-app-present'] },
      { id: 'consent-incomplete', resolvedBy: ['integration-consent-complete'] },
      { id: 'integration-app-disabled', resolvedBy: ['integration-app-enabled'] },
    ],
  };
}

function wizardNotSetUp(evidence: Evidence): PasteSignal | undefined {
  if (!evidence.webexErrorCodes.includes(NO_TENANT_CODE)) return undefined;
  return {
    evidence: [msg('diagnosis.evidence.paste-100013', { status: evidence.httpStatus ?? 400 })],
    candidates: [{ id: 'wizard-not-set-up', resolvedBy: [] }],
  };
}

function signInErrors(evidence: Evidence): PasteSignal[] {
  const seen = new Set<string>();
  const signals: PasteSignal[] = [];
  for (const mention of evidence.aadsts) {
    if (seen.has(mention.code)) continue;
    seen.add(mention.code);
    const entry = aadstsEntry(mention.code);
    signals.push({
      evidence: [msg('diagnosis.evidence.paste-aadsts', { code: mention.code })],
      candidates: [{ id: entry?.cause ?? 'aadsts', resolvedBy: entry?.resolvedBy ?? [] }],
      aadstsCode: mention.code,
    });
  }
  return signals;
}

/** Everything the paste alone says about the cause, strongest first. */
export function pasteSignals(evidence: Evidence): PasteSignal[] {
  const signals: PasteSignal[] = [];
  const wizard = wizardNotSetUp(evidence);
  if (wizard !== undefined) signals.push(wizard);
  const refused = unauthorized(evidence);
  if (refused !== undefined) signals.push(refused);
  return [...signals, ...signInErrors(evidence)];
}
