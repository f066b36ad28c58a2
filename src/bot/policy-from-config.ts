import type { AccessPolicy, TenantMapping } from '../access/index.js';
import { canonicalWebexId } from '../access/index.js';
import type { Config } from '../config.js';

/**
 * The access policy from settings. The bot's own org maps to AZURE_TENANT_ID unless TENANT_MAP says otherwise;
 * TENANT_MAP adds partner customers (each org sees only its own tenant). Allowed orgs default to the bot's own org.
 */
export function policyFromConfig(config: Config, botOrgId: string): AccessPolicy {
  const tenants: TenantMapping[] = config.tenantMap.map((t) => ({ webexOrgId: t.webexOrgId, entraTenantId: t.entraTenantId }));
  const botOrg = canonicalWebexId(botOrgId);
  if (config.azure && !tenants.some((t) => canonicalWebexId(t.webexOrgId) === botOrg)) {
    tenants.push({ webexOrgId: botOrgId, entraTenantId: config.azure.tenantId });
  }
  return {
    botOrgId,
    allowedOrgIds: config.access.allowedOrgIds,
    tenants,
    allowedPersonIds: config.access.allowedPersonIds,
    allowedEmails: config.access.allowedEmails,
  };
}
