import { msg } from '../i18n/message.js';
import type { MessageRef } from '../i18n/message.js';
import type { Fetched, ServicePrincipalRecord, TenantSnapshot } from './snapshot.js';
import type { CheckMeta, EvidenceFact, Finding, UnknownReason } from './types.js';

/** A snapshot piece as a check sees it: the value, or why it cannot be seen. */
export type Seen<T> = { seen: true; value: T } | { seen: false; reason: UnknownReason };

export function see<T>(piece: Fetched<T>): Seen<T> {
  switch (piece.status) {
    case 'ok':
      return { seen: true, value: piece.value };
    case 'unavailable':
      return { seen: false, reason: { kind: piece.problem.kind, problem: piece.problem } };
    case 'skipped':
      // The collector skips a piece only when what it depends on is missing; checks look at that first,
      // so reaching here means the collector and the checks disagree. Say so rather than guess.
      return {
        seen: false,
        reason: { kind: 'error', problem: { kind: 'error', detail: `not collected: ${piece.because}` } },
      };
  }
}

/** A plain value shown as is in every language (ids, names, permission names). */
export function text(value: string): MessageRef {
  return msg('check.value.text', { text: value });
}

/** A timestamp, formatted per language by the renderer. */
export function date(iso: string): MessageRef {
  return msg('check.value.date', { date: { date: iso } });
}

export function fact(labelKey: string, value: MessageRef): EvidenceFact {
  return { label: msg(labelKey), value };
}

const DETAIL_LIMIT = 200;

/** One line saying why a check could not give a verdict; names the exact Graph permission when that is the cause. */
export function unknownSummary(reason: UnknownReason, meta: CheckMeta): MessageRef {
  const problem = reason.problem;
  switch (reason.kind) {
    case 'permission':
      return msg('check.unknown.permission', {
        permission: problem?.missingPermission ?? meta.graphPermissions.join(', '),
      });
    case 'auth':
      return problem?.aadstsCode === undefined
        ? msg('check.unknown.auth-no-code')
        : msg('check.unknown.auth', { code: problem.aadstsCode });
    case 'throttled':
    case 'timeout':
    case 'unreachable':
      return msg(`check.unknown.${reason.kind}`);
    case 'prerequisite':
      if (reason.dependsOn !== undefined) return msg(`check.unknown.prerequisite.${reason.dependsOn}`);
      return msg('check.unknown.error', { detail: 'an earlier check failed' });
    case 'error':
      return msg('check.unknown.error', { detail: (problem?.detail ?? '').slice(0, DETAIL_LIMIT) });
  }
}

export function couldNotCheck(meta: CheckMeta, reason: UnknownReason, details?: Record<string, unknown>): Finding {
  const facts: EvidenceFact[] = [];
  if (reason.problem?.requestId !== undefined) {
    facts.push(fact('check.fact.graph-request-id', text(reason.problem.requestId)));
  }
  const finding: Finding = { checkId: meta.id, outcome: 'unknown', summary: unknownSummary(reason, meta), facts, unknown: reason };
  return details === undefined ? finding : { ...finding, details };
}

/**
 * When this check only makes sense after an earlier one passed: the finding to return instead, or undefined to go on.
 * An earlier failure makes this check moot (`prerequisite`); an earlier unknown passes its reason on, so the blind
 * spot names the real cause (a missing permission) rather than "an earlier check".
 */
export function unlessEarlierPassed(
  meta: CheckMeta,
  earlier: ReadonlyMap<string, Finding>,
  dependsOn: string,
): Finding | undefined {
  const previous = earlier.get(dependsOn);
  if (previous === undefined) {
    return couldNotCheck(meta, { kind: 'error', problem: { kind: 'error', detail: `${dependsOn} was not run first` } });
  }
  if (previous.outcome === 'pass') return undefined;
  if (previous.outcome === 'fail') return couldNotCheck(meta, { kind: 'prerequisite', dependsOn });
  const inherited = previous.unknown ?? { kind: 'error' as const };
  if (inherited.kind === 'prerequisite') return couldNotCheck(meta, inherited);
  return couldNotCheck(meta, { ...inherited, dependsOn });
}

/**
 * For the checks that judge the Integration app once it is known to be there: its record, or the finding that
 * says why there is nothing to judge (the presence check did not pass, or its record could not be read).
 */
export function presentIntegrationApp(
  meta: CheckMeta,
  snapshot: TenantSnapshot,
  earlier: ReadonlyMap<string, Finding>,
): { app: ServicePrincipalRecord } | { finding: Finding } {
  const blocked = unlessEarlierPassed(meta, earlier, 'integration-app-present');
  if (blocked !== undefined) return { finding: blocked };
  const app = see(snapshot.integrationApp);
  if (!app.seen) return { finding: couldNotCheck(meta, app.reason) };
  if (app.value === null) return { finding: couldNotCheck(meta, { kind: 'prerequisite', dependsOn: 'integration-app-present' }) };
  return { app: app.value };
}
