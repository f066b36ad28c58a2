import { canonicalWebexId } from '../access/index.js';
import { createTenantDoctor } from '../bot/doctor.js';
import type { TenantDoctor } from '../bot/context.js';
import type { AzureSettings, Config } from '../config.js';
import { CodedError } from '../errors.js';
import { GraphConnectionPool, resolveCloud, type CloudEndpoints, type GraphConnectionOptions } from '../graph/index.js';
import type { Evidence } from '../intake/evidence.js';

/**
 * The bot's own pipeline (createTenantDoctor: collect → checks → diagnosis) wired from the same settings the bot
 * reads, for one command-line run. Settings loadConfig accepts but that cannot sign in anywhere (a tenant id
 * without credentials, an authority URL with a path) are refused here, naming the variable, before any request.
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

const SETTINGS_HINT = 'Fix these environment variables (see .env.example) and run again.';

function invalidSetting(variable: string, expected: string): CodedError {
  return new CodedError('config_invalid', `Invalid settings:\n  ${variable}: expected ${expected}`, SETTINGS_HINT);
}

/** loadConfig lets each variable through on its own; signing in needs them together. */
function assertCanSignIn(azure: AzureSettings): void {
  if (azure.useDefaultCredential) return;
  if (azure.clientId === undefined) {
    throw invalidSetting(
      'AZURE_CLIENT_ID',
      "the app registration (client) id to sign in to AZURE_TENANT_ID with, plus AZURE_CLIENT_SECRET or AZURE_CLIENT_CERTIFICATE_PATH (or AZURE_USE_DEFAULT_CREDENTIAL=true for a managed identity)",
    );
  }
  if (azure.clientSecret === undefined && azure.certificatePath === undefined) {
    throw invalidSetting(
      'AZURE_CLIENT_SECRET',
      "the client secret of AZURE_CLIENT_ID's app registration, or AZURE_CLIENT_CERTIFICATE_PATH instead (or AZURE_USE_DEFAULT_CREDENTIAL=true)",
    );
  }
}

function endpointsOf(azure: AzureSettings | undefined): CloudEndpoints {
  // Checked one at a time so the message names the variable that is wrong (resolveCloud names its option).
  const checks: [string, Parameters<typeof resolveCloud>[0]][] = [
    ['AZURE_AUTHORITY_HOST', { cloud: azure?.cloud, authorityHost: azure?.authorityHost }],
    ['GRAPH_BASE_URL', { cloud: azure?.cloud, graphBaseUrl: azure?.graphBaseUrl }],
  ];
  for (const [variable, options] of checks) {
    try {
      resolveCloud(options);
    } catch {
      throw invalidSetting(variable, 'an https:// origin without a path, such as https://login.microsoftonline.com');
    }
  }
  return resolveCloud({ cloud: azure?.cloud, authorityHost: azure?.authorityHost, graphBaseUrl: azure?.graphBaseUrl });
}

/** Every tenant signs in with the same app registration: a partner's multi-tenant app, consented in each. */
function connectionOptions(azure: AzureSettings, tenantId: string): GraphConnectionOptions {
  return {
    tenantId,
    // '' is a system-assigned managed identity, which has no client id.
    clientId: azure.clientId ?? '',
    clientSecret: azure.clientSecret,
    certificatePath: azure.certificatePath,
    useDefaultCredential: azure.useDefaultCredential,
    cloud: azure.cloud,
    authorityHost: azure.authorityHost,
    graphBaseUrl: azure.graphBaseUrl,
  };
}

export function cliDoctor(config: Config, now: () => Date = () => new Date()): CliDoctor {
  const azure = config.azure;
  if (azure !== undefined) assertCanSignIn(azure);
  const endpoints = endpointsOf(azure);
  const pool = new GraphConnectionPool((tenantId) => (azure === undefined ? undefined : connectionOptions(azure, tenantId)));
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
