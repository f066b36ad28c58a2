import { msg } from '../i18n/message.js';
import type { MessageRef } from '../i18n/message.js';
import { DOCS, PROVISIONING_APP_NAME } from './constants.js';
import { couldNotCheck, fact, see, text } from './finding.js';
import { chooseProvisioningApp } from './provisioning-selection.js';
import type { Check, CheckMeta } from './types.js';

export type ProvisioningAppPresentDetails = {
  candidates: number;
  servicePrincipalId?: string;
  appId?: string;
  ownedByIntegrationApp?: boolean | 'unknown';
};

const meta: CheckMeta = {
  id: 'provisioning-app-present',
  title: msg('check.provisioning-app-present.title'),
  graphPermissions: ['Application.Read.All'],
  docsUrl: DOCS.ciscoWizard,
};

const OWNERSHIP_VALUE: Record<string, string> = { true: 'check.value.yes', false: 'check.value.no', unknown: 'check.value.unverified' };

/**
 * "Cisco Webex Identity", the SCIM app the Integration app creates and manages (Application.ReadWrite.OwnedBy):
 * one it does not own is one Control Hub cannot manage.
 */
export const provisioningAppPresent: Check = {
  meta,
  evaluate(snapshot) {
    const apps = see(snapshot.provisioningApps);
    if (!apps.seen) return couldNotCheck(meta, apps.reason);
    const chosen = chooseProvisioningApp(apps.value);
    if (chosen === undefined) {
      const details: ProvisioningAppPresentDetails = { candidates: 0 };
      return {
        checkId: meta.id,
        outcome: 'fail',
        summary: msg('check.provisioning-app-present.fail-missing', { name: PROVISIONING_APP_NAME }),
        facts: [],
        details,
      };
    }
    const details: ProvisioningAppPresentDetails = {
      candidates: apps.value.length,
      servicePrincipalId: chosen.id,
      appId: chosen.appId,
      ownedByIntegrationApp: chosen.ownedByIntegrationApp,
    };
    const facts = [
      fact('check.fact.object-id', text(chosen.id)),
      fact('check.fact.owned-by-integration', msg(OWNERSHIP_VALUE[String(chosen.ownedByIntegrationApp)] ?? 'check.value.unverified')),
    ];
    if (apps.value.length > 1) facts.push(fact('check.fact.candidates', text(String(apps.value.length))));
    const notOwned = chosen.ownedByIntegrationApp === false;
    return {
      checkId: meta.id,
      outcome: notOwned ? 'fail' : 'pass',
      summary: summarize(chosen.ownedByIntegrationApp),
      facts,
      details,
    };
  },
};

function summarize(owned: boolean | 'unknown'): MessageRef {
  if (owned === false) return msg('check.provisioning-app-present.fail-not-owned', { name: PROVISIONING_APP_NAME });
  if (owned === 'unknown') return msg('check.provisioning-app-present.pass-unconfirmed', { name: PROVISIONING_APP_NAME });
  return msg('check.provisioning-app-present.pass', { name: PROVISIONING_APP_NAME });
}
