import { msg } from '../i18n/message.js';
import { DOCS, INTEGRATION_APP_ID } from './constants.js';
import { couldNotCheck, fact, see, text } from './finding.js';
import type { Check, CheckMeta } from './types.js';

export type IntegrationAppPresentDetails = {
  appId: string;
  servicePrincipalId?: string;
  displayName?: string;
};

const meta: CheckMeta = {
  id: 'integration-app-present',
  title: msg('check.integration-app-present.title'),
  graphPermissions: ['Application.Read.All'],
  docsUrl: DOCS.ciscoWizard,
};

/** Cisco Webex Identity Integration must exist as a service principal in the tenant; matched on appId only. */
export const integrationAppPresent: Check = {
  meta,
  evaluate(snapshot) {
    const app = see(snapshot.integrationApp);
    if (!app.seen) return couldNotCheck(meta, app.reason);

    const appIdFact = fact('check.fact.app-id', text(INTEGRATION_APP_ID));
    // The collector filters on appId; a record with another appId is not Cisco's app, whatever its name.
    if (app.value === null || app.value.appId.toLowerCase() !== INTEGRATION_APP_ID) {
      const details: IntegrationAppPresentDetails = { appId: INTEGRATION_APP_ID };
      return {
        checkId: meta.id,
        outcome: 'fail',
        summary: msg('check.integration-app-present.fail'),
        facts: [appIdFact],
        details,
      };
    }
    const details: IntegrationAppPresentDetails = {
      appId: INTEGRATION_APP_ID,
      servicePrincipalId: app.value.id,
      displayName: app.value.displayName,
    };
    return {
      checkId: meta.id,
      outcome: 'pass',
      summary: msg('check.integration-app-present.pass', { name: app.value.displayName }),
      facts: [
        fact('check.fact.display-name', text(app.value.displayName)),
        appIdFact,
        fact('check.fact.object-id', text(app.value.id)),
      ],
      details,
    };
  },
};
