import { msg } from '../i18n/message.js';
import { DOCS, INTEGRATION_APP_ID, RESTORE_WINDOW_DAYS } from './constants.js';
import { couldNotCheck, date, fact, see, text } from './finding.js';
import { addDays, isBefore, validIso } from './time.js';
import type { Check, CheckMeta } from './types.js';

export type IntegrationAppRestorableDetails = {
  /** False when the Integration app is present: nothing to restore. */
  needed: boolean;
  restorable?: boolean;
  deletedObjectId?: string;
  deletedDateTime?: string;
  /** deletedDateTime + 30 days: after this Entra deletes it for good. */
  restorableUntil?: string;
};

const meta: CheckMeta = {
  id: 'integration-app-restorable',
  title: msg('check.integration-app-restorable.title'),
  graphPermissions: ['Application.Read.All'],
  docsUrl: DOCS.restoreApp,
};

/**
 * Semantics chosen to never mislead: pass = nothing is lost (the app is present, or its deleted copy can still be
 * restored); fail = the app is gone and cannot be restored (only a new admin consent recreates it).
 */
export const integrationAppRestorable: Check = {
  meta,
  evaluate(snapshot, earlier) {
    const present = earlier.get('integration-app-present');
    if (present === undefined) {
      return couldNotCheck(meta, { kind: 'error', problem: { kind: 'error', detail: 'integration-app-present was not run first' } });
    }
    if (present.outcome === 'unknown') {
      // Whether a restore is needed depends on what could not be seen.
      return couldNotCheck(meta, { ...(present.unknown ?? { kind: 'error' }), dependsOn: 'integration-app-present' });
    }
    if (present.outcome === 'pass') {
      const details: IntegrationAppRestorableDetails = { needed: false };
      return { checkId: meta.id, outcome: 'pass', summary: msg('check.integration-app-restorable.not-needed'), facts: [], details };
    }

    const deleted = see(snapshot.deletedIntegrationApps);
    if (!deleted.seen) return couldNotCheck(meta, deleted.reason);
    const newest = deleted.value
      .filter((d) => d.appId.toLowerCase() === INTEGRATION_APP_ID && validIso(d.deletedDateTime) !== undefined)
      .sort((a, b) => Date.parse(b.deletedDateTime) - Date.parse(a.deletedDateTime))[0];
    if (newest === undefined) {
      const details: IntegrationAppRestorableDetails = { needed: true, restorable: false };
      return {
        checkId: meta.id,
        outcome: 'fail',
        summary: msg('check.integration-app-restorable.not-in-deleted-items', { days: RESTORE_WINDOW_DAYS }),
        facts: [],
        details,
      };
    }
    const restorableUntil = addDays(newest.deletedDateTime, RESTORE_WINDOW_DAYS);
    const restorable = isBefore(snapshot.collectedAt, restorableUntil);
    const details: IntegrationAppRestorableDetails = {
      needed: true,
      restorable,
      deletedObjectId: newest.id,
      deletedDateTime: newest.deletedDateTime,
      restorableUntil,
    };
    const facts = [
      fact('check.fact.deleted-on', date(newest.deletedDateTime)),
      fact('check.fact.restorable-until', date(restorableUntil)),
      fact('check.fact.object-id', text(newest.id)),
    ];
    const when = { deletedAt: { date: newest.deletedDateTime }, until: { date: restorableUntil } };
    return restorable
      ? { checkId: meta.id, outcome: 'pass', summary: msg('check.integration-app-restorable.restorable', when), facts, details }
      : { checkId: meta.id, outcome: 'fail', summary: msg('check.integration-app-restorable.expired', when), facts, details };
  },
};
