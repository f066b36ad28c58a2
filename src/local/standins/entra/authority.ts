/**
 * The Entra authority (login) side: OpenID metadata for MSAL, the client-credentials token endpoint with
 * Entra's error shape (AADSTS codes), and the admin-consent URL the bot hands admins, which here consents for
 * real in the fake tenant so the local demo's "fix, then Re-verify" works.
 */
import { randomUUID } from 'node:crypto';
import type { AccessTokenMint } from './access-token.js';
import { checkClientAssertion } from './client-assertion.js';
import type { FakeTenant } from './model.js';
import { INTEGRATION_APP_ID, MICROSOFT_GRAPH_APP_ID } from './well-known.js';

export interface AuthorityContext {
  url: string;
  graphBaseUrl: string;
  now(): Date;
  findTenant(idOrDomain: string): FakeTenant | undefined;
  mint: AccessTokenMint;
  tokenLifetimeSeconds: number;
  applyAdminConsent(tenantId: string): void;
}

export interface AuthorityAnswer {
  status: number;
  headers?: Record<string, string>;
  /** JSON body, or a string for HTML. */
  body: unknown;
}

const ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

function entraError(ctx: AuthorityContext, status: number, error: string, code: number, text: string): AuthorityAnswer {
  const traceId = randomUUID();
  const correlationId = randomUUID();
  const timestamp = ctx.now().toISOString().replace('T', ' ').replace(/\.\d{3}Z$/, 'Z');
  return {
    status,
    body: {
      error,
      error_description: `AADSTS${code}: ${text}\r\nTrace ID: ${traceId}\r\nCorrelation ID: ${correlationId}\r\nTimestamp: ${timestamp}`,
      error_codes: [code],
      timestamp,
      trace_id: traceId,
      correlation_id: correlationId,
      error_uri: `${ctx.url}/error?code=${code}`,
    },
  };
}

function tenantNotFound(ctx: AuthorityContext, tenant: string): AuthorityAnswer {
  return entraError(ctx, 400, 'invalid_tenant', 90002, `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.`);
}

export function openIdConfiguration(ctx: AuthorityContext, tenantSegment: string): AuthorityAnswer {
  const tenant = ctx.findTenant(tenantSegment);
  if (tenant === undefined) return tenantNotFound(ctx, tenantSegment);
  const base = `${ctx.url}/${tenant.tenantId}`;
  return {
    status: 200,
    body: {
      token_endpoint: `${base}/oauth2/v2.0/token`,
      token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
      jwks_uri: `${ctx.url}/${tenant.tenantId}/discovery/v2.0/keys`,
      response_modes_supported: ['query', 'fragment', 'form_post'],
      subject_types_supported: ['pairwise'],
      id_token_signing_alg_values_supported: ['RS256'],
      response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
      scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
      issuer: `${base}/v2.0`,
      request_uri_parameter_supported: false,
      authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
      device_authorization_endpoint: `${base}/oauth2/v2.0/devicecode`,
      end_session_endpoint: `${base}/oauth2/v2.0/logout`,
      tenant_region_scope: 'EU',
      cloud_instance_name: new URL(ctx.url).host,
    },
  };
}

/** Scope of a client-credentials request for Graph: "<graph base>/.default" or "<Graph appId>/.default". */
function scopeProblem(ctx: AuthorityContext, tenant: FakeTenant, scope: string): AuthorityAnswer | undefined {
  const scopes = scope.split(' ').filter(Boolean);
  const single = scopes[0];
  if (scopes.length !== 1 || single === undefined || !single.endsWith('/.default')) {
    return entraError(ctx, 400, 'invalid_scope', 1002012, `The provided value for scope ${scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`);
  }
  const resource = single.slice(0, -'/.default'.length).replace(/\/+$/, '');
  if (resource !== ctx.graphBaseUrl && resource !== MICROSOFT_GRAPH_APP_ID) {
    return entraError(ctx, 400, 'invalid_resource', 500011, `The resource principal named ${resource} was not found in the tenant named ${tenant.displayName}. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You might have sent your authentication request to the wrong tenant.`);
  }
  return undefined;
}

function credentialProblem(ctx: AuthorityContext, tenant: FakeTenant, form: URLSearchParams, tokenEndpoint: string): AuthorityAnswer | undefined {
  const bot = tenant.bot;
  const secret = form.get('client_secret');
  const assertion = form.get('client_assertion');
  if (secret !== null) {
    const match = bot.secrets.find((s) => s.value === secret);
    if (match === undefined) {
      return entraError(ctx, 401, 'invalid_client', 7000215, `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${bot.clientId}'.`);
    }
    if (Date.parse(match.endDateTime) <= ctx.now().getTime()) {
      return entraError(ctx, 401, 'invalid_client', 7000222, `The provided client secret keys for app '${bot.clientId}' are expired. Visit the Azure portal to create new keys for your app: https://aka.ms/NewClientSecret, or consider using certificate credentials for added security: https://aka.ms/certCreds.`);
    }
    return undefined;
  }
  if (assertion !== null && form.get('client_assertion_type') === ASSERTION_TYPE) {
    const nowSeconds = Math.floor(ctx.now().getTime() / 1000);
    const valid = bot.certificates.filter((c) => Date.parse(c.endDateTime) > ctx.now().getTime());
    const check = checkClientAssertion(assertion, { clientId: bot.clientId, tokenEndpoint, nowSeconds }, valid);
    return check.ok ? undefined : entraError(ctx, 401, 'invalid_client', check.aadsts, check.description);
  }
  return entraError(ctx, 401, 'invalid_client', 7000218, "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.");
}

export function tokenEndpoint(ctx: AuthorityContext, tenantSegment: string, form: URLSearchParams): AuthorityAnswer {
  const tenant = ctx.findTenant(tenantSegment);
  if (tenant === undefined) return tenantNotFound(ctx, tenantSegment);
  if (form.get('grant_type') !== 'client_credentials') {
    return entraError(ctx, 400, 'unsupported_grant_type', 70003, `The app requested an unsupported grant type '${form.get('grant_type') ?? ''}'.`);
  }
  const clientId = form.get('client_id') ?? '';
  if (clientId.toLowerCase() !== tenant.bot.clientId.toLowerCase()) {
    return entraError(ctx, 400, 'unauthorized_client', 700016, `Application with identifier '${clientId}' was not found in the directory '${tenant.displayName}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`);
  }
  const problem =
    credentialProblem(ctx, tenant, form, `${ctx.url}/${tenant.tenantId}/oauth2/v2.0/token`) ?? scopeProblem(ctx, tenant, form.get('scope') ?? '');
  if (problem !== undefined) return problem;
  const nowSeconds = Math.floor(ctx.now().getTime() / 1000);
  const accessToken = ctx.mint.issue(
    {
      aud: ctx.graphBaseUrl,
      iss: `${ctx.url}/${tenant.tenantId}/`,
      tid: tenant.tenantId,
      appid: tenant.bot.clientId,
      roles: [...tenant.bot.grantedPermissions],
      exp: nowSeconds + ctx.tokenLifetimeSeconds,
    },
    nowSeconds,
  );
  return {
    status: 200,
    body: { token_type: 'Bearer', expires_in: ctx.tokenLifetimeSeconds, ext_expires_in: ctx.tokenLifetimeSeconds, access_token: accessToken },
  };
}

/** GET /{tenant}/adminconsent?client_id=…&redirect_uri=…&state=… as the Integration app's admin would use it. */
export function adminConsent(ctx: AuthorityContext, tenantSegment: string, query: URLSearchParams): AuthorityAnswer {
  const tenant = ctx.findTenant(tenantSegment);
  if (tenant === undefined) return { status: 400, headers: { 'content-type': 'text/html' }, body: page(`Tenant '${tenantSegment}' not found (AADSTS90002).`) };
  if (query.get('client_id')?.toLowerCase() !== INTEGRATION_APP_ID) {
    return { status: 400, headers: { 'content-type': 'text/html' }, body: page('This stand-in only knows how to consent to Cisco Webex Identity Integration (AADSTS700016 for any other app).') };
  }
  ctx.applyAdminConsent(tenant.tenantId);
  const redirect = query.get('redirect_uri');
  if (redirect !== null && /^https?:\/\//.test(redirect)) {
    const target = new URL(redirect);
    target.searchParams.set('admin_consent', 'True');
    target.searchParams.set('tenant', tenant.tenantId);
    const state = query.get('state');
    if (state !== null) target.searchParams.set('state', state);
    return { status: 302, headers: { location: target.toString() }, body: '' };
  }
  return { status: 200, headers: { 'content-type': 'text/html' }, body: page(`Admin consent granted to Cisco Webex Identity Integration in ${tenant.displayName}. You can close this page.`) };
}

function page(text: string): string {
  const escaped = text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Entra stand-in</title></head><body><p>${escaped}</p></body></html>`;
}
