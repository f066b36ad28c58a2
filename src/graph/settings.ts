import type { AzureSettings, Config } from '../config.js';
import { CodedError } from '../errors.js';
import { resolveCloud, type CloudEndpoints } from './clouds.js';
import type { GraphConnectionOptions } from './connection.js';

/**
 * From the bot's settings (AZURE_*) to Graph connection options, shared by the bot and the command line so the
 * two can never sign in differently. Settings loadConfig accepts one by one but that cannot sign in together (a
 * tenant id without credentials, an authority URL with a path) are refused here, naming the variable.
 */

const SETTINGS_HINT = 'Fix these environment variables (see .env.example) and run again.';

function invalidSetting(variable: string, expected: string): CodedError {
  return new CodedError('config_invalid', `Invalid settings:\n  ${variable}: expected ${expected}`, SETTINGS_HINT);
}

/** loadConfig lets each variable through on its own; signing in needs them together. */
export function assertCanSignIn(azure: AzureSettings): void {
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

export function endpointsOf(azure: AzureSettings | undefined): CloudEndpoints {
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
export function connectionOptions(azure: AzureSettings, tenantId: string): GraphConnectionOptions {
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

/**
 * The connection options for one tenant: its own app registration when TENANT_CREDENTIALS_FILE lists it, else the
 * bot's AZURE_* registration (a multi-tenant app consented in that tenant). Cloud and hosts come from AZURE_*.
 */
export function tenantConnectionOptions(config: Pick<Config, 'azure' | 'tenantCredentials'>, tenantId: string): GraphConnectionOptions | undefined {
  const own = config.tenantCredentials[tenantId.toLowerCase()];
  const azure = config.azure;
  if (own !== undefined) {
    return { tenantId, clientId: own.clientId, clientSecret: own.clientSecret, certificatePath: own.certificatePath, cloud: azure?.cloud, authorityHost: azure?.authorityHost, graphBaseUrl: azure?.graphBaseUrl };
  }
  return azure === undefined ? undefined : connectionOptions(azure, tenantId);
}
