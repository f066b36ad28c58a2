import { msg } from '../i18n/message.js';
import type { MessageRef } from '../i18n/message.js';
import { DOCS } from './constants.js';
import { evaluateConsent, unverifiedReason } from './consent-evaluation.js';
import type { ConsentInputs, PermissionStatus } from './consent-evaluation.js';
import { couldNotCheck, presentIntegrationApp, see, text } from './finding.js';
import type { Check, CheckMeta, EvidenceFact } from './types.js';

export type IntegrationConsentDetails = {
  servicePrincipalId: string;
  missing: string[];
  unverified: string[];
  granted: { name: string; via: 'delegated' | 'application' }[];
};

const meta: CheckMeta = {
  id: 'integration-consent-complete',
  title: msg('check.integration-consent-complete.title'),
  // Application.Read.All reads Graph's SP and the app role assignments; listing delegated grants needs Directory.Read.All.
  graphPermissions: ['Application.Read.All', 'Directory.Read.All'],
  docsUrl: DOCS.adminConsent,
};

function stateValue(status: PermissionStatus): MessageRef {
  if (status.state === 'granted') return msg(`check.value.granted-${status.via ?? 'application'}`);
  return msg(`check.value.${status.state}`);
}

/** Every permission on Cisco's consent screen must be granted tenant-wide, as a delegated grant or an app role. */
export const integrationConsentComplete: Check = {
  meta,
  evaluate(snapshot, earlier) {
    const judged = presentIntegrationApp(meta, snapshot, earlier);
    if ('finding' in judged) return judged.finding;

    const inputs: ConsentInputs = {
      servicePrincipalId: judged.app.id,
      graphResource: see(snapshot.graphResource),
      delegatedGrants: see(snapshot.delegatedGrants),
      appRoleAssignments: see(snapshot.appRoleAssignments),
    };
    const statuses = evaluateConsent(inputs);
    const names = (state: PermissionStatus['state']): string[] =>
      statuses.filter((s) => s.state === state).map((s) => s.name);
    const details: IntegrationConsentDetails = {
      servicePrincipalId: judged.app.id,
      missing: names('missing'),
      unverified: names('unverified'),
      granted: statuses.flatMap((s) => (s.state === 'granted' && s.via !== undefined ? [{ name: s.name, via: s.via }] : [])),
    };
    const facts: EvidenceFact[] = statuses.map((s) => ({ label: text(s.name), value: stateValue(s) }));

    if (details.missing.length > 0) {
      return {
        checkId: meta.id,
        outcome: 'fail',
        summary: msg('check.integration-consent-complete.fail', {
          count: details.missing.length,
          permissions: details.missing.join(', '),
        }),
        facts,
        details,
      };
    }
    if (details.unverified.length > 0) {
      return { ...couldNotCheck(meta, unverifiedReason(inputs), details), facts };
    }
    return {
      checkId: meta.id,
      outcome: 'pass',
      summary: msg('check.integration-consent-complete.pass', { count: statuses.length }),
      facts,
      details,
    };
  },
};
