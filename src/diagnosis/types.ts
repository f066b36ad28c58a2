import type { Finding } from '../checks/types.js';
import type { Evidence } from '../intake/evidence.js';
import type { MessageRef } from '../i18n/message.js';

export type CauseId =
  | 'integration-app-deleted' // soft-deleted, still restorable
  | 'integration-app-missing' // gone (hard-deleted, past 30 days, or never consented)
  | 'integration-app-disabled'
  | 'consent-incomplete'
  | 'provisioning-app-missing'
  | 'provisioning-quarantined'
  | 'provisioning-paused'
  | 'wizard-not-set-up' // 400 / 100013 tenantId is required
  | 'aadsts' // a Microsoft sign-in error pasted by the admin
  | 'bot-access-broken' // the bot's own token or permissions fail: cannot see the tenant
  | 'none-found'; // every check passed

export type Verdict = 'broken' | 'healthy' | 'inconclusive';

export interface Cause {
  id: CauseId;
  confidence: 'confirmed' | 'likely' | 'possible';
  title: MessageRef;
  /** Sentences of evidence, strongest first: "removed by admin@contoso.com on 21 May 2023 22:31 UTC". */
  evidence: MessageRef[];
}

export type FixAction =
  | { kind: 'admin-consent'; url: string }
  | { kind: 'restore-deleted'; deletedObjectId: string; restorableUntil: string; portalUrl: string }
  | { kind: 'enable-app'; servicePrincipalId: string; portalUrl: string }
  | { kind: 'restart-provisioning'; servicePrincipalId: string; jobId: string; portalUrl: string }
  | { kind: 'rerun-wizard'; url: string }
  | { kind: 'grant-bot-permission'; permission: string }
  | { kind: 'docs'; url: string };

export interface Fix {
  /** Ordered steps, each a sentence. */
  steps: MessageRef[];
  /** The primary button of the card, and further ones. */
  actions: FixAction[];
}

export interface AadstsExplanation {
  code: string;
  meaning: MessageRef;
  fix: MessageRef;
  /** Where it came from: the admin's paste, or the bot's own token request. */
  source: 'paste' | 'bot-token';
}

export interface Diagnosis {
  verdict: Verdict;
  /** Most likely first; empty when healthy. */
  causes: Cause[];
  fix: Fix;
  /** How to confirm the fix worked (Azure portal, Control Hub). */
  confirm: MessageRef[];
  /** What the bot could not see, e.g. "AuditLog.Read.All missing: removal history unknown". */
  blindSpots: MessageRef[];
  aadsts: AadstsExplanation[];
  findings: Finding[];
  evidence: Evidence;
  /** Entra tenant checked, if any. */
  tenantId?: string;
  /** Graph cloud used, e.g. "global", "usgov", "china". */
  cloud?: string;
  checkedAt?: string;
  /** Plain English text an admin pastes into a Cisco TAC case. Always English: TAC works in English. */
  tacSummary: string;
}
