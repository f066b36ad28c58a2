import { canonicalWebexId } from '../access/index.js';
import { createTenantDoctor } from '../bot/doctor.js';
import type { TenantDoctor } from '../bot/context.js';
import type { Config } from '../config.js';
import { GraphConnectionPool } from '../graph/index.js';
import { assertCanSignIn, endpointsOf, tenantConnectionOptions } from '../graph/settings.js';
import type { Evidence } from '../intake/evidence.js';

/**
 * The bot's own pipeline (createTenantDoctor: collect → checks → diagnosis) wired from the same settings the bot
 * reads (src/graph/settings.ts), for one command-line run.
 */

export interface TenantChoice {
  tenantId: string;
  /** Which setting chose it: the paste's Webex org in TENANT_MAP, else AZURE_TENANT_ID. */
  source: 'TENANT_MAP' | 'AZURE_TENANT_ID';
}

export interface CliDoctor {
  doctor: TenantDoctor;
  /** The tenant to check for this paste; undefined when no tenant is configured (paste-only diagnosis). */
  tenantFor(evidence: Evidence): TenantChoice | undefined;
  /** The configured sign-in origin, so its consent links pass the URL allow-list like Microsoft's own. */
  trustedOrigins: string[];
}

export function cliDoctor(config: Config, now: () => Date = () => new Date()): CliDoctor {
  const azure = config.azure;
  if (azure !== undefined) assertCanSignIn(azure);
  const endpoints = endpointsOf(azure);
  const pool = new GraphConnectionPool((tenantId) => tenantConnectionOptions(config, tenantId));
  return {
    doctor: createTenantDoctor({ pool, defaultLoginHost: endpoints.authorityHost, auditDays: config.auditLookbackDays, now }),
    tenantFor(evidence) {
      if (azure === undefined) return undefined;
      const org = evidence.orgId === undefined ? undefined : canonicalWebexId(evidence.orgId);
      const mapped = org === undefined ? undefined : config.tenantMap.find((entry) => canonicalWebexId(entry.webexOrgId) === org);
      return mapped === undefined ? { tenantId: azure.tenantId, source: 'AZURE_TENANT_ID' } : { tenantId: mapped.entraTenantId, source: 'TENANT_MAP' };
    },
    trustedOrigins: azure?.authorityHost === undefined ? [] : [endpoints.authorityHost],
  };
}
