/**
 * One HTTPS server on 127.0.0.1 playing both the Entra authority and Microsoft Graph v1.0, so the production
 * client runs unchanged against it (only the URLs differ). Local mode runs it as the demo tenant; tests use it
 * to exercise every scenario and fault over real sockets.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { projectPath } from '../../../paths.js';
import { AccessTokenMint } from './access-token.js';
import { type AuthorityAnswer, type AuthorityContext, adminConsent, openIdConfiguration, tokenEndpoint } from './authority.js';
import { FaultPlan, type FaultRule, describeTarget } from './faults.js';
import { type GraphAnswer, type GraphCall, graphError } from './graph/answers.js';
import { answerBatch } from './graph/batch.js';
import { visibleDeletedItems } from './graph/directory.js';
import { routeGraphCall } from './graph/router.js';
import type { FakeServicePrincipal, FakeTenant } from './model.js';
import { applyAdminConsent, restoreDeletedServicePrincipal } from './mutations.js';

export type Faults = readonly FaultRule[];

export interface EntraStandinOptions {
  tenants: FakeTenant[];
  /** 0 or absent: any free port. */
  port?: number;
  faults?: Faults;
  /** The stand-in's clock (retention, token expiry, new audit records). */
  now?: () => Date;
  /** Caps Graph's page size so tests can force @odata.nextLink paging. */
  maxPageSize?: number;
  tokenLifetimeSeconds?: number;
  /** Shuffle $batch answers as Graph may (default true). */
  shuffleBatchResponses?: boolean;
}

export interface StandinCounters {
  tokenRequests: number;
  /** HTTP requests to /v1.0 (a $batch counts once). */
  graphRequests: number;
  /** Requests inside $batch bodies. */
  innerRequests: number;
}

export interface EntraStandin {
  /** https://127.0.0.1:PORT */
  url: string;
  authorityHost: string;
  graphBaseUrl: string;
  readonly counters: Readonly<StandinCounters>;
  resetCounters(): void;
  setFaults(faults: Faults): void;
  /** The live tenant (mutate it to change what the stand-in answers). */
  tenant(tenantId: string): FakeTenant | undefined;
  addTenant(tenant: FakeTenant): void;
  applyAdminConsent(tenantId: string): FakeServicePrincipal;
  /** Restores a soft-deleted service principal by object id, in whichever tenant holds it. */
  restoreDeleted(id: string): FakeServicePrincipal | undefined;
  stop(): Promise<void>;
}

const JSON_TYPE = 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';
const MAX_BODY_BYTES = 1_000_000;

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error('request body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const isText = typeof body === 'string';
  const payload = isText ? body : JSON.stringify(body);
  res.writeHead(status, { 'content-type': isText ? 'text/html; charset=utf-8' : JSON_TYPE, ...headers });
  res.end(payload);
}

export async function startEntraStandin(options: EntraStandinOptions): Promise<EntraStandin> {
  const tenants = new Map(options.tenants.map((t) => [t.tenantId.toLowerCase(), t]));
  const now = options.now ?? ((): Date => new Date());
  const faults = new FaultPlan(options.faults ?? []);
  const counters: StandinCounters = { tokenRequests: 0, graphRequests: 0, innerRequests: 0 };
  const mint = new AccessTokenMint();
  const maxPageSize = options.maxPageSize ?? 999;
  const shuffle = options.shuffleBatchResponses ?? true;
  let url = '';

  const findTenant = (idOrDomain: string): FakeTenant | undefined =>
    tenants.get(idOrDomain.toLowerCase()) ?? [...tenants.values()].find((t) => t.defaultDomain.toLowerCase() === idOrDomain.toLowerCase());
  const consent = (tenantId: string): FakeServicePrincipal => {
    const tenant = findTenant(tenantId);
    if (tenant === undefined) throw new Error(`no tenant ${tenantId} in the stand-in`);
    return applyAdminConsent(tenant, now());
  };
  const authority = (): AuthorityContext => ({
    url,
    graphBaseUrl: url,
    now,
    findTenant,
    mint,
    tokenLifetimeSeconds: options.tokenLifetimeSeconds ?? 3599,
    applyAdminConsent: consent,
  });

  async function handleGraph(req: IncomingMessage, target: URL, rawBody: string): Promise<GraphAnswer> {
    const requestId = randomUUID();
    const clientRequestId = String(req.headers['client-request-id'] ?? randomUUID());
    const meta = { requestId, clientRequestId, now: now() };
    const bearer = /^Bearer (.+)$/i.exec(req.headers.authorization ?? '')?.[1];
    if (bearer === undefined) return graphError(meta, 401, 'InvalidAuthenticationToken', 'Access token is empty.');
    const check = mint.verify(bearer, url, Math.floor(meta.now.getTime() / 1000));
    if (!check.ok) return graphError(meta, 401, 'InvalidAuthenticationToken', check.message);
    const tenant = tenants.get(check.claims.tid.toLowerCase());
    if (tenant === undefined) return graphError(meta, 401, 'InvalidAuthenticationToken', 'Access token validation failure. Invalid tenant.');
    let body: unknown = undefined;
    if (rawBody !== '') {
      try {
        body = JSON.parse(rawBody);
      } catch {
        return graphError(meta, 400, 'BadRequest', 'Unable to read JSON request payload.');
      }
    }
    const call: GraphCall = {
      ...meta,
      method: (req.method ?? 'GET').toUpperCase(),
      path: decodeURIComponent(target.pathname.slice('/v1.0'.length)),
      query: target.searchParams,
      body,
      tenant,
      roles: check.claims.roles,
      baseUrl: url,
      maxPageSize,
    };
    if (call.path === '/$batch' && call.method === 'POST') {
      return answerBatch(call, {
        faults,
        shuffle,
        onInner: () => (counters.innerRequests += 1),
        run: (inner) => routeGraphCall({ ...call, ...inner, requestId: randomUUID() }),
      });
    }
    return routeGraphCall(call);
  }

  function handleAuthority(req: IncomingMessage, target: URL, rawBody: string): AuthorityAnswer | undefined {
    const [tenantSegment, ...rest] = target.pathname.split('/').filter(Boolean);
    if (tenantSegment === undefined) return undefined;
    const route = `${req.method ?? 'GET'} /${rest.join('/')}`;
    if (route === 'GET /v2.0/.well-known/openid-configuration') return openIdConfiguration(authority(), tenantSegment);
    if (route === 'POST /oauth2/v2.0/token') {
      counters.tokenRequests += 1;
      return tokenEndpoint(authority(), tenantSegment, new URLSearchParams(rawBody));
    }
    if (route === 'GET /adminconsent') return adminConsent(authority(), tenantSegment, target.searchParams);
    return undefined;
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const target = new URL(req.url ?? '/', url);
    const isGraph = target.pathname.startsWith('/v1.0/');
    if (isGraph) counters.graphRequests += 1;
    const fault = faults.decide('http', describeTarget(decodeURIComponent(target.pathname), target.searchParams));
    if (fault.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, fault.latencyMs));
    const action = fault.action;
    if (action?.kind === 'hang') return;
    if (action?.kind === 'reset') {
      req.socket.destroy();
      return;
    }
    const rawBody = await readBody(req);
    const meta = { requestId: randomUUID(), clientRequestId: String(req.headers['client-request-id'] ?? ''), now: now() };
    if (action?.kind === 'throttle') {
      const answer = graphError(meta, 429, 'TooManyRequests', 'Too many requests.');
      send(res, 429, answer.body, { 'retry-after': String(action.retryAfterSeconds) });
      return;
    }
    if (action?.kind === 'serverError') {
      send(res, action.status, graphError(meta, action.status, 'UnknownError', 'The service is temporarily unavailable.').body);
      return;
    }
    const answer = isGraph ? await handleGraph(req, target, rawBody) : handleAuthority(req, target, rawBody);
    if (answer === undefined) {
      send(res, 404, { error: 'not_found', error_description: `The stand-in does not serve ${req.method ?? 'GET'} ${target.pathname}.` });
      return;
    }
    const requestId = ((answer.body as { error?: { innerError?: { 'request-id'?: string } } } | undefined)?.error?.innerError?.['request-id']) ?? meta.requestId;
    const headers = isGraph ? { 'request-id': requestId, 'client-request-id': meta.clientRequestId, ...answer.headers } : { ...answer.headers };
    send(res, answer.status, answer.body ?? '', headers);
  }

  const server = createServer(
    { cert: readFileSync(projectPath('src/local/standins/tls/server.pem')), key: readFileSync(projectPath('src/local/standins/tls/server-key.pem')) },
    (req, res) => {
      handle(req, res).catch((error: unknown) => {
        if (!res.headersSent) send(res, 500, { error: { code: 'InternalServerError', message: error instanceof Error ? error.message : 'stand-in failure' } });
        else res.destroy();
      });
    },
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    authorityHost: url,
    graphBaseUrl: url,
    counters,
    resetCounters: () => Object.assign(counters, { tokenRequests: 0, graphRequests: 0, innerRequests: 0 }),
    setFaults: (rules) => faults.set(rules),
    tenant: (tenantId) => tenants.get(tenantId.toLowerCase()),
    addTenant: (tenant) => void tenants.set(tenant.tenantId.toLowerCase(), tenant),
    applyAdminConsent: consent,
    restoreDeleted: (id) => {
      // Only what Graph would still list: past 30 days a deleted item is gone for good.
      const tenant = [...tenants.values()].find((t) => visibleDeletedItems(t, now()).some((d) => d.servicePrincipal.id === id));
      return tenant === undefined ? undefined : restoreDeletedServicePrincipal(tenant, id, now());
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Hung and keep-alive connections would hold close() open for ever.
        server.closeAllConnections();
      }),
  };
}
