import type { RemovalEvent, RemovalKind, WatchedApp } from '../checks/audit-events.js';
import { INTEGRATION_APP_NAMES, PROVISIONING_APP_NAME } from '../checks/constants.js';
import type { NoRecentRemovalsDetails } from '../checks/no-recent-removals.js';
import { msg } from '../i18n/message.js';
import type { MessageRef } from '../i18n/message.js';
import type { FindingIndex } from './finding-access.js';

const APP_NAME: Record<WatchedApp, string> = {
  integration: INTEGRATION_APP_NAMES[0] ?? 'Cisco Webex Identity Integration',
  provisioning: PROVISIONING_APP_NAME,
};

/** One audit record as a sentence: who did what to which app, and when. */
export function removalSentence(event: RemovalEvent): MessageRef {
  const app = APP_NAME[event.app];
  const at = { date: event.at };
  if (event.by === undefined) return msg('diagnosis.evidence.change-at', { activity: event.activity, app, at });
  const by = event.by;
  switch (event.kind) {
    case 'sp-removed':
    case 'sp-hard-deleted':
    case 'disabled':
      return msg(`diagnosis.evidence.${event.kind}`, { app, by, at });
    case 'grant-removed':
    case 'role-removed':
      if (event.permission !== undefined) {
        return msg('diagnosis.evidence.permission-removed', { permission: event.permission, app, by, at });
      }
      return msg('diagnosis.evidence.consent-changed', { activity: event.activity, app, by, at });
    case 'consent-revoked':
      return msg('diagnosis.evidence.consent-changed', { activity: event.activity, app, by, at });
  }
}

/**
 * Evidence sentences from the audit check for the given app and kinds of change, newest first; a note when
 * any was matched by display name only (a weaker match).
 */
export function removalEvidence(findings: FindingIndex, app: WatchedApp, kinds: readonly RemovalKind[]): MessageRef[] {
  const audit = findings.details<NoRecentRemovalsDetails>('no-recent-removals');
  if (audit === undefined) return [];
  const events = audit.open.filter((e) => e.app === app && kinds.includes(e.kind));
  const sentences = events.map(removalSentence);
  if (events.some((e) => e.matchedBy === 'name')) sentences.push(msg('diagnosis.evidence.matched-by-name'));
  return sentences;
}

/** "Nothing in the N days searched": the change is older than the audit log keeps, or was never made. */
export function nothingInWindow(findings: FindingIndex, app: WatchedApp, kinds: readonly RemovalKind[]): MessageRef[] {
  const audit = findings.details<NoRecentRemovalsDetails>('no-recent-removals');
  if (audit === undefined || findings.outcome('no-recent-removals') === 'unknown') return [];
  const any = audit.events.some((e) => e.app === app && kinds.includes(e.kind));
  return any ? [] : [msg('diagnosis.evidence.no-removal-in-window', { days: audit.days, from: { date: audit.from } })];
}
