import { canonicalWebexId } from './webex-id.js';

/**
 * Who may ask the bot about which Entra tenant. Anyone in Webex can message a bot, and a diagnosis
 * carries a customer's directory facts (audit entries naming admins), so every request is authorised
 * here, on the immutable ids Webex reports for the asker, before any tenant data is read or shown.
 */
export interface TenantMapping {
  webexOrgId: string;
  entraTenantId: string;
  /** Which credentials the Graph client should use for this tenant (a name, never the secret itself). */
  credentialsRef?: string;
}

export interface AccessPolicy {
  /** The Webex org the bot itself belongs to. */
  botOrgId: string;
  /** Orgs whose people may use the bot. Default: only `botOrgId`. */
  allowedOrgIds?: string[];
  /** Which Entra tenant each org maps to. A partner's bot maps many orgs; each sees only its own tenant. */
  tenants: TenantMapping[];
  /** When this or `allowedEmails` is set, only the listed people (within allowed orgs) may use the bot. */
  allowedPersonIds?: string[];
  /** Matched only against the emails Webex reports for the asker's personId, never against typed text. */
  allowedEmails?: string[];
  /** People who may see audit-log details (who removed the app, when). Default: everyone allowed. */
  auditViewers?: string[];
}

/** The asker as Webex reported them after a people lookup by personId. */
export interface Asker {
  personId: string;
  orgId: string;
  emails: string[];
}

export type RequestKind = 'diagnose' | 'reverify' | 'history' | 'export' | 'watch';

export interface AccessRequest {
  kind: RequestKind;
  /** The tenant the request names (a Re-verify button, a stored diagnosis); absent = the asker's own. */
  tenantId?: string;
}

export type DenialReason = 'org-not-allowed' | 'person-not-allowed' | 'no-tenant-for-org' | 'tenant-mismatch';

export type AccessDecision =
  | { allowed: true; tenantId: string; canSeeAudit: boolean }
  | { allowed: false; reason: DenialReason };

/**
 * Decides one request. The same rule applies to every request kind today: each kind is authorised
 * for the asker's own tenant only; `kind` travels with the request so callers can log what was refused.
 */
export function decide(policy: AccessPolicy, asker: Asker, request: AccessRequest): AccessDecision {
  const orgId = canonicalWebexId(asker.orgId);
  const allowedOrgs = (policy.allowedOrgIds ?? [policy.botOrgId]).map(canonicalWebexId);
  if (!allowedOrgs.includes(orgId)) return { allowed: false, reason: 'org-not-allowed' };

  if (!personIsListed(policy, asker)) return { allowed: false, reason: 'person-not-allowed' };

  const mapping = policy.tenants.find((t) => canonicalWebexId(t.webexOrgId) === orgId);
  if (mapping === undefined) return { allowed: false, reason: 'no-tenant-for-org' };

  if (request.tenantId !== undefined && !sameTenant(request.tenantId, mapping.entraTenantId)) {
    return { allowed: false, reason: 'tenant-mismatch' };
  }
  return { allowed: true, tenantId: mapping.entraTenantId, canSeeAudit: canSeeAudit(policy, asker) };
}

/** The mapping an allowed decision's tenant came from, for the Graph client's credentials. */
export function tenantMapping(policy: AccessPolicy, tenantId: string): TenantMapping | undefined {
  return policy.tenants.find((t) => sameTenant(t.entraTenantId, tenantId));
}

/**
 * Problems that would make `decide` ambiguous or useless, for config validation at start-up.
 * Empty when the policy is sound.
 */
export function policyProblems(policy: AccessPolicy): string[] {
  const problems: string[] = [];
  if (policy.botOrgId.trim() === '') problems.push('botOrgId is empty');
  const seen = new Map<string, string>();
  for (const t of policy.tenants) {
    const org = canonicalWebexId(t.webexOrgId);
    const earlier = seen.get(org);
    if (earlier !== undefined && !sameTenant(earlier, t.entraTenantId)) {
      problems.push(`Webex org ${t.webexOrgId} is mapped to two Entra tenants; an org maps to exactly one`);
    }
    seen.set(org, t.entraTenantId);
  }
  if (policy.allowedOrgIds?.length === 0) problems.push('allowedOrgIds is an empty list: nobody could use the bot');
  return problems;
}

function personIsListed(policy: AccessPolicy, asker: Asker): boolean {
  const ids = policy.allowedPersonIds ?? [];
  const emails = policy.allowedEmails ?? [];
  if (ids.length === 0 && emails.length === 0) return true;
  const personId = canonicalWebexId(asker.personId);
  if (ids.some((id) => canonicalWebexId(id) === personId)) return true;
  const allowedEmails = new Set(emails.map((e) => e.trim().toLowerCase()));
  return asker.emails.some((e) => allowedEmails.has(e.trim().toLowerCase()));
}

function canSeeAudit(policy: AccessPolicy, asker: Asker): boolean {
  if (policy.auditViewers === undefined) return true;
  const personId = canonicalWebexId(asker.personId);
  return policy.auditViewers.some((id) => canonicalWebexId(id) === personId);
}

/** Entra tenant ids are GUIDs (or a verified domain); both compare case-insensitively. */
function sameTenant(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}
