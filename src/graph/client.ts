/**
 * The Microsoft Graph SDK client, built the documented way (initWithMiddleware + TokenCredentialAuthentication-
 * Provider) with one change to its default chain: the bounded retry handler replaces the SDK's RetryHandler.
 */
import type { TokenCredential } from '@azure/identity';
import {
  AuthenticationHandler,
  Client,
  HTTPMessageHandler,
  RedirectHandler,
  RedirectHandlerOptions,
  TelemetryHandler,
} from '@microsoft/microsoft-graph-client';
import { TokenCredentialAuthenticationProvider } from '@microsoft/microsoft-graph-client/authProviders/azureTokenCredentials/index.js';
import { BoundedRetryHandler, DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry.js';

export interface GraphClientOptions {
  credential: TokenCredential;
  /** https origin of Graph, e.g. https://graph.microsoft.com */
  graphBaseUrl: string;
  retry?: Partial<RetryPolicy>;
}

export function createGraphClient(options: GraphClientOptions): Client {
  const authProvider = new TokenCredentialAuthenticationProvider(options.credential, {
    scopes: [`${options.graphBaseUrl}/.default`],
  });
  return Client.initWithMiddleware({
    baseUrl: options.graphBaseUrl,
    defaultVersion: 'v1.0',
    // The SDK attaches the token only to Microsoft's Graph hosts or these; without it an overridden host
    // (stand-in, proxy) would silently get no Authorization header.
    customHosts: new Set([new URL(options.graphBaseUrl).hostname]),
    middleware: [
      new AuthenticationHandler(authProvider),
      new BoundedRetryHandler({ ...DEFAULT_RETRY_POLICY, ...options.retry }),
      new RedirectHandler(new RedirectHandlerOptions()),
      new TelemetryHandler(),
      new HTTPMessageHandler(),
    ],
  });
}
