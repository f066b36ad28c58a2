import { msg } from '../i18n/message.js';
import type { MessageRef } from '../i18n/message.js';
import { DOCS } from './constants.js';
import { couldNotCheck, fact, presentIntegrationApp, text } from './finding.js';
import type { Check, CheckMeta, EvidenceFact } from './types.js';

export type IntegrationAppEnabledDetails = {
  servicePrincipalId: string;
  accountEnabled: boolean;
  /** Graph's value, null when Microsoft has not disabled the app. */
  disabledByMicrosoftStatus: string | null;
  disabledByAdmin: boolean;
  disabledByMicrosoft: boolean;
};

const meta: CheckMeta = {
  id: 'integration-app-enabled',
  title: msg('check.integration-app-enabled.title'),
  graphPermissions: ['Application.Read.All'],
  docsUrl: DOCS.servicePrincipal,
};

/** Graph: null (default) or NotDisabled mean Microsoft has not disabled the app. */
function isDisabledByMicrosoft(status: string | null): boolean {
  return status !== null && status !== 'NotDisabled';
}

/** The Integration app must be enabled for sign-in, and not disabled by Microsoft. */
export const integrationAppEnabled: Check = {
  meta,
  evaluate(snapshot, earlier) {
    const judged = presentIntegrationApp(meta, snapshot, earlier);
    if ('finding' in judged) return judged.finding;

    const sp = judged.app;
    // Graph always returns the property (null by default); when it is absent the collector did not ask for it,
    // and "enabled" would be a guess.
    if (sp.disabledByMicrosoftStatus === undefined) {
      return couldNotCheck(meta, {
        kind: 'error',
        problem: { kind: 'error', detail: 'Graph did not report disabledByMicrosoftStatus' },
      });
    }
    const details: IntegrationAppEnabledDetails = {
      servicePrincipalId: sp.id,
      accountEnabled: sp.accountEnabled,
      disabledByMicrosoftStatus: sp.disabledByMicrosoftStatus,
      disabledByAdmin: !sp.accountEnabled,
      disabledByMicrosoft: isDisabledByMicrosoft(sp.disabledByMicrosoftStatus),
    };
    const facts: EvidenceFact[] = [
      fact(
        'check.fact.enabled-for-sign-in',
        msg(sp.accountEnabled ? 'check.value.yes' : 'check.value.no'),
      ),
      fact(
        'check.fact.disabled-by-microsoft',
        details.disabledByMicrosoft ? text(sp.disabledByMicrosoftStatus ?? '') : msg('check.value.no'),
      ),
    ];
    const summary = summarize(details);
    return {
      checkId: meta.id,
      outcome: details.disabledByAdmin || details.disabledByMicrosoft ? 'fail' : 'pass',
      summary,
      facts,
      details,
    };
  },
};

function summarize(d: IntegrationAppEnabledDetails): MessageRef {
  if (d.disabledByMicrosoft) {
    return msg('check.integration-app-enabled.fail-microsoft', { status: d.disabledByMicrosoftStatus ?? '' });
  }
  if (d.disabledByAdmin) return msg('check.integration-app-enabled.fail-admin');
  return msg('check.integration-app-enabled.pass');
}
