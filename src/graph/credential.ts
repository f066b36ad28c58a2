/**
 * How the bot signs in to a tenant: a certificate (preferred), a client secret, or, when explicitly asked,
 * DefaultAzureCredential (managed identity / workload identity). The result is wrapped so that a token is
 * requested once and reused until shortly before it expires, a token request cannot hang, and a failure
 * becomes an `auth` FetchProblem carrying its AADSTS code and never the secret.
 */
import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/identity';
import { ClientCertificateCredential, ClientSecretCredential, DefaultAzureCredential } from '@azure/identity';
import { isKnownMicrosoftAuthority } from './clouds.js';
import type { FetchProblem } from '../checks/snapshot.js';
import { GraphProblemError, problemFromTokenError } from './errors.js';

export interface CredentialOptions {
  tenantId: string;
  /** The bot's app registration (or user-assigned managed identity); '' for a system-assigned identity. */
  clientId: string;
  clientSecret?: string;
  /** PEM file holding the certificate and its private key. */
  certificatePath?: string;
  /** Use managed identity / workload identity when neither a certificate nor a secret is given. */
  useDefaultCredential?: boolean;
  authorityHost: string;
  /** Upper bound for one token request (default 15 s). */
  tokenTimeoutMs?: number;
}

export type CredentialKind = 'certificate' | 'secret' | 'default';

/** Renew this long before expiry, so a token never dies in the middle of a diagnosis. */
const RENEW_BEFORE_MS = 5 * 60_000;

export function chooseCredentialKind(options: CredentialOptions): CredentialKind {
  if (options.certificatePath !== undefined && options.certificatePath !== '') return 'certificate';
  if (options.clientSecret !== undefined && options.clientSecret !== '') return 'secret';
  if (options.useDefaultCredential === true) return 'default';
  throw new Error(
    `No credential for tenant ${options.tenantId}: give a certificate path or a client secret, or enable the default credential (managed identity).`,
  );
}

function createSdkCredential(options: CredentialOptions, kind: CredentialKind): TokenCredential {
  const common = {
    authorityHost: options.authorityHost,
    // Instance discovery asks Microsoft which authorities exist; a stand-in or proxy is not on that list.
    disableInstanceDiscovery: !isKnownMicrosoftAuthority(options.authorityHost),
  };
  switch (kind) {
    case 'certificate':
      return new ClientCertificateCredential(options.tenantId, options.clientId, options.certificatePath as string, common);
    case 'secret':
      return new ClientSecretCredential(options.tenantId, options.clientId, options.clientSecret as string, common);
    case 'default':
      // An empty clientId means a system-assigned managed identity, which has no client id to name.
      return new DefaultAzureCredential({
        ...common,
        tenantId: options.tenantId,
        ...(options.clientId === '' ? {} : { managedIdentityClientId: options.clientId, workloadIdentityClientId: options.clientId }),
      });
  }
}

/**
 * Caches the token itself (one token for many diagnoses whatever the SDK's cache does), shares one in-flight
 * request between concurrent callers, and bounds each request in time.
 */
export class GuardedCredential implements TokenCredential {
  private cached: { token: AccessToken; renewAt: number } | undefined;
  private inFlight: Promise<AccessToken> | undefined;

  constructor(
    private readonly inner: TokenCredential,
    private readonly secrets: readonly string[],
    private readonly timeoutMs: number,
    /** The tenant's OpenID metadata URL, to explain a failed endpoint discovery. */
    private readonly metadataUrl?: string,
  ) {}

  async getToken(scopes: string | string[], options?: GetTokenOptions): Promise<AccessToken> {
    const cached = this.cached;
    if (cached !== undefined && cached.renewAt > Date.now()) return cached.token;
    this.inFlight ??= this.request(scopes, options).finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  private async request(scopes: string | string[], options?: GetTokenOptions): Promise<AccessToken> {
    const signal = AbortSignal.timeout(this.timeoutMs);
    // MSAL does not abort its HTTP call on the signal, so the race is what actually bounds the wait.
    const deadline = new Promise<never>((_, reject) => {
      signal.addEventListener('abort', () => reject(signal.reason), { once: true });
    });
    try {
      const token = await Promise.race([this.inner.getToken(scopes, { ...options, abortSignal: signal }), deadline]);
      if (token === null) throw new Error('The credential returned no token.');
      // Short-lived tokens (minutes) are renewed halfway, others five minutes before they expire.
      const lifetime = token.expiresOnTimestamp - Date.now();
      this.cached = { token, renewAt: token.expiresOnTimestamp - Math.min(RENEW_BEFORE_MS, lifetime / 2) };
      return token;
    } catch (error) {
      if (signal.aborted) {
        throw new GraphProblemError({ kind: 'timeout', detail: `The token request to Entra did not finish within ${this.timeoutMs} ms.` });
      }
      const problem = problemFromTokenError(error, this.secrets);
      throw new GraphProblemError(problem.aadstsCode === undefined && isDiscoveryFailure(error) ? await this.explainDiscoveryFailure(problem) : problem);
    }
  }

  /**
   * MSAL reports an unknown tenant only as "endpoints cannot be resolved". Entra's metadata endpoint says why
   * (AADSTS90002 tenant not found, or no answer at all), so ask it once.
   */
  private async explainDiscoveryFailure(fallback: FetchProblem): Promise<FetchProblem> {
    if (this.metadataUrl === undefined) return fallback;
    try {
      const response = await fetch(this.metadataUrl, { signal: AbortSignal.timeout(this.timeoutMs) });
      if (response.ok) return fallback;
      const body = (await response.json()) as { error_description?: unknown };
      return problemFromTokenError(new Error(String(body.error_description ?? `HTTP ${response.status}`)), this.secrets);
    } catch (error) {
      return problemFromTokenError(error, this.secrets);
    }
  }
}

function isDiscoveryFailure(error: unknown): boolean {
  return error instanceof Error && /endpoints_resolution_error|openid_config_error/.test(error.message);
}

export function createCredential(options: CredentialOptions): { credential: GuardedCredential; kind: CredentialKind } {
  const kind = chooseCredentialKind(options);
  const secrets = options.clientSecret === undefined ? [] : [options.clientSecret];
  const metadataUrl = `${options.authorityHost}/${encodeURIComponent(options.tenantId)}/v2.0/.well-known/openid-configuration`;
  const credential = new GuardedCredential(createSdkCredential(options, kind), secrets, options.tokenTimeoutMs ?? 15_000, metadataUrl);
  return { credential, kind };
}
