import { msg } from '../i18n/message.js';
import type { MessageRef } from '../i18n/message.js';
import { findRemovals } from './audit-events.js';
import type { AppIdentity, RemovalEvent } from './audit-events.js';
import { DOCS, INTEGRATION_APP_ID, INTEGRATION_APP_NAMES, PROVISIONING_APP_NAME } from './constants.js';
import { couldNotCheck, fact, see, text } from './finding.js';
import type { TenantSnapshot } from './snapshot.js';
import { roundDaysBetween } from './time.js';
import type { Check, CheckMeta, EvidenceFact } from './types.js';

export type NoRecentRemovalsDetails = {
  /** The window actually searched (7 days on Entra Free, 30 on P1/P2). */
  from: string;
  to: string;
  days: number;
  /** Every matching change, newest first, undone ones included. */
  events: RemovalEvent[];
  /** Changes not undone since. */
  open: RemovalEvent[];
};

const meta: CheckMeta = {
  id: 'no-recent-removals',
  title: msg('check.no-recent-removals.title'),
  graphPermissions: ['AuditLog.Read.All', 'Directory.Read.All'],
  docsUrl: DOCS.auditLogs,
};

/** Shown facts are capped so the card stays readable; details keep them all. */
const MAX_EVENT_FACTS = 5;

/** Everything the snapshot knows about the two apps' identities; the more ids, the fewer name-only matches. */
function identities(snapshot: TenantSnapshot): AppIdentity[] {
  const integrationIds = new Set<string>();
  const app = see(snapshot.integrationApp);
  if (app.seen && app.value !== null) integrationIds.add(app.value.id);
  const deleted = see(snapshot.deletedIntegrationApps);
  if (deleted.seen) for (const d of deleted.value) integrationIds.add(d.id);
  const provisioning = see(snapshot.provisioningApps);
  const candidates = provisioning.seen ? provisioning.value : [];
  return [
    { app: 'integration', objectIds: integrationIds, appIds: new Set([INTEGRATION_APP_ID]), names: new Set(INTEGRATION_APP_NAMES) },
    {
      app: 'provisioning',
      objectIds: new Set(candidates.map((c) => c.id)),
      appIds: new Set(candidates.map((c) => c.appId)),
      names: new Set([PROVISIONING_APP_NAME]),
    },
  ];
}

function byAt(event: RemovalEvent): MessageRef {
  return event.by === undefined
    ? msg('check.value.at', { at: { date: event.at } })
    : msg('check.value.by-at', { by: event.by, at: { date: event.at } });
}

function eventFact(event: RemovalEvent): EvidenceFact {
  const label = event.permission === undefined ? text(event.activity) : msg('check.value.activity-permission', { activity: event.activity, permission: event.permission });
  const value = event.undoneAt === undefined ? byAt(event) : msg('check.value.undone', { at: { date: event.at }, undoneAt: { date: event.undoneAt } });
  return { label, value };
}

/** Who removed the Cisco apps, a consent, a grant or an app role, and when — within the audit window searched. */
export const noRecentRemovals: Check = {
  meta,
  evaluate(snapshot) {
    const audits = see(snapshot.audits);
    if (!audits.seen) return couldNotCheck(meta, audits.reason);
    const { from, to, records } = audits.value;
    const events = findRemovals(records, identities(snapshot));
    const open = events.filter((e) => e.undoneAt === undefined);
    const details: NoRecentRemovalsDetails = { from, to, days: roundDaysBetween(from, to), events, open };
    const facts: EvidenceFact[] = [
      fact('check.fact.audit-window', msg('check.value.window', { from: { date: from }, to: { date: to }, days: details.days })),
      ...events.slice(0, MAX_EVENT_FACTS).map(eventFact),
    ];
    const newest = open[0];
    if (newest !== undefined) {
      return {
        checkId: meta.id,
        outcome: 'fail',
        summary: msg('check.no-recent-removals.fail', { count: open.length, activity: newest.activity, days: details.days }),
        facts,
        details,
      };
    }
    return {
      checkId: meta.id,
      outcome: 'pass',
      summary: events.length === 0
        ? msg('check.no-recent-removals.pass', { days: details.days })
        : msg('check.no-recent-removals.pass-undone', { days: details.days, count: events.length }),
      facts,
      details,
    };
  },
};
