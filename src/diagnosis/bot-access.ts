import { CORE_CHECK_IDS } from '../checks/index.js';
import type { FetchProblem, TenantSnapshot } from '../checks/snapshot.js';
import { msg } from '../i18n/message.js';
import type { MessageRef } from '../i18n/message.js';
import type { FindingIndex } from './finding-access.js';
import { RANK } from './ranked-cause.js';
import type { RankedCause } from './ranked-cause.js';

/** What stopped the bot from reading the tenant, gathered from every snapshot piece and finding. */
export interface BotAccess {
  /** AADSTS codes of the bot's own failed token requests. */
  authCodes: string[];
  /** A token failure without a code. */
  authWithoutCode: boolean;
  /** Graph permissions the bot's app registration lacks. */
  missingPermissions: string[];
  /** True when a core check could not run because of the bot's access (not a passing hiccup). */
  blocksCoreChecks: boolean;
}

const PIECES = [
  'integrationApp',
  'graphResource',
  'delegatedGrants',
  'appRoleAssignments',
  'provisioningApps',
  'synchronizationJobs',
  'audits',
  'deletedIntegrationApps',
] as const satisfies readonly (keyof TenantSnapshot)[];

function problemsOf(snapshot: TenantSnapshot | undefined, findings: FindingIndex | undefined): FetchProblem[] {
  const problems: FetchProblem[] = [];
  if (snapshot !== undefined) {
    for (const piece of PIECES) {
      const fetched = snapshot[piece];
      if (fetched.status === 'unavailable') problems.push(fetched.problem);
    }
  }
  for (const f of findings?.all ?? []) if (f.unknown?.problem !== undefined) problems.push(f.unknown.problem);
  return problems;
}

export function botAccessOf(snapshot: TenantSnapshot | undefined, findings: FindingIndex | undefined): BotAccess {
  const problems = problemsOf(snapshot, findings);
  const auth = problems.filter((p) => p.kind === 'auth');
  const authCodes = [...new Set(auth.flatMap((p) => (p.aadstsCode === undefined ? [] : [p.aadstsCode])))];
  const missingPermissions = [
    ...new Set(problems.flatMap((p) => (p.kind === 'permission' && p.missingPermission !== undefined ? [p.missingPermission] : []))),
  ].sort();
  const blocksCoreChecks = CORE_CHECK_IDS.some((id) => {
    const kind = findings?.get(id)?.unknown?.kind;
    return kind === 'auth' || kind === 'permission';
  });
  return { authCodes, authWithoutCode: auth.some((p) => p.aadstsCode === undefined), missingPermissions, blocksCoreChecks };
}

/**
 * The bot cannot sign in, or lacks a permission the core checks need: a confirmed fact, but one that explains
 * the bot's blindness, not the admin's error.
 */
export function botAccessCause(access: BotAccess): RankedCause | undefined {
  const signInFailed = access.authCodes.length > 0 || access.authWithoutCode;
  if (!signInFailed && !access.blocksCoreChecks) return undefined;
  const evidence: MessageRef[] = access.authCodes.map((code) => msg('diagnosis.evidence.bot-token-failed', { code }));
  if (access.authWithoutCode && access.authCodes.length === 0) evidence.push(msg('diagnosis.evidence.bot-token-failed-no-code'));
  for (const permission of access.missingPermissions) {
    evidence.push(msg('diagnosis.evidence.bot-permission-missing', { permission }));
  }
  return {
    id: 'bot-access-broken',
    confidence: 'confirmed',
    title: msg(signInFailed ? 'diagnosis.cause.bot-access-broken' : 'diagnosis.cause.bot-access-limited'),
    evidence,
    rank: RANK.botAccess,
  };
}
