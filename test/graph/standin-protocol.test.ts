/**
 * The stand-in speaks Entra's and Graph's wire formats: these tests talk raw HTTPS to it, without the
 * production client, so a shape the client relies on cannot silently drift.
 */
import { generateKeyPairSync, sign } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_BOT_CLIENT_ID, DEMO_BOT_SECRET, INTEGRATION_APP_ID, integrationSpId } from '../../src/local/standins/entra/index.js';
import { type ScenarioStandin, botCertificatePem, startScenarioStandin } from '../fakes/entra/harness.js';

let env: ScenarioStandin;
let token: string;
let tenantId: string;

// Graph bodies are JSON of many shapes; each assertion states what it must hold, so a loose type keeps them readable.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

async function requestToken(form: Record<string, string>, tenant = tenantId): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${env.standin.url}/${tenant}/oauth2/v2.0/token`, { method: 'POST', body: new URLSearchParams(form) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function graph(path: string, init: RequestInit = {}, bearer: string | null = token): Promise<{ status: number; body: Json }> {
  const headers = { 'content-type': 'application/json', ...(bearer === null ? {} : { authorization: `Bearer ${bearer}` }) };
  const response = await fetch(`${env.standin.url}/v1.0${path}`, { ...init, headers });
  return { status: response.status, body: (await response.json()) as Json };
}

const secretForm = (): Record<string, string> => ({
  grant_type: 'client_credentials',
  client_id: DEMO_BOT_CLIENT_ID,
  client_secret: DEMO_BOT_SECRET,
  scope: `${env.standin.url}/.default`,
});

beforeAll(async () => {
  env = await startScenarioStandin(['healthy', 'integrationAppRemoved'], { maxPageSize: 2 });
  tenantId = env.tenants.healthy.tenantId;
  const answer = await requestToken(secretForm());
  token = String(answer.body['access_token']);
});

afterAll(async () => {
  await env.standin.stop();
});

describe('authority', () => {
  it('publishes OpenID metadata pointing back at itself', async () => {
    const response = await fetch(`${env.standin.url}/${tenantId}/v2.0/.well-known/openid-configuration`);
    expect(await response.json()).toMatchObject({
      token_endpoint: `${env.standin.url}/${tenantId}/oauth2/v2.0/token`,
      issuer: `${env.standin.url}/${tenantId}/v2.0`,
    });
  });

  it('answers like Entra: bearer tokens, and AADSTS errors with codes, trace and correlation ids', async () => {
    expect((await requestToken(secretForm())).body).toMatchObject({ token_type: 'Bearer', expires_in: 3599 });
    const wrong = await requestToken({ ...secretForm(), client_secret: 'nope' });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toMatchObject({ error: 'invalid_client', error_codes: [7000215], trace_id: expect.stringMatching(GUID) });
    expect(String(wrong.body['error_description'])).toMatch(/^AADSTS7000215: Invalid client secret provided\./);
    expect((await requestToken(secretForm(), '11111111-1111-4111-8111-111111111111')).body).toMatchObject({ error_codes: [90002] });
    expect((await requestToken({ ...secretForm(), scope: 'User.Read' })).body).toMatchObject({ error: 'invalid_scope', error_codes: [1002012] });
    expect((await requestToken({ ...secretForm(), scope: 'https://other.example/.default' })).body).toMatchObject({ error_codes: [500011] });
  });

  it('rejects a client assertion whose signature is not the registered certificate key', async () => {
    const certificatePem = botCertificatePem();
    env.tenants.healthy.bot.certificates.push({ certificatePem, endDateTime: new Date(Date.now() + 86_400_000).toISOString() });
    const { X509Certificate } = await import('node:crypto');
    const x5t = Buffer.from(new X509Certificate(certificatePem).fingerprint.replace(/:/g, ''), 'hex').toString('base64url');
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
    const part = (o: object): string => Buffer.from(JSON.stringify(o)).toString('base64url');
    const now = Math.floor(Date.now() / 1000);
    const unsigned = `${part({ alg: 'RS256', typ: 'JWT', x5t })}.${part({ aud: `${env.standin.url}/${tenantId}/oauth2/v2.0/token`, iss: DEMO_BOT_CLIENT_ID, sub: DEMO_BOT_CLIENT_ID, exp: now + 600, nbf: now })}`;
    const forged = `${unsigned}.${sign('sha256', Buffer.from(unsigned), privateKey).toString('base64url')}`;
    const { client_secret: _unused, ...form } = secretForm();
    const answer = await requestToken({ ...form, client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer', client_assertion: forged });
    expect(answer.body).toMatchObject({ error: 'invalid_client', error_codes: [700027] });
    env.tenants.healthy.bot.certificates.pop();
  });
});

describe('Graph v1.0', () => {
  it('requires a valid bearer token (401 InvalidAuthenticationToken in Graph error shape)', async () => {
    const missing = await graph('/servicePrincipals', {}, null);
    expect(missing.status).toBe(401);
    expect(missing.body.error).toMatchObject({ code: 'InvalidAuthenticationToken', innerError: { 'request-id': expect.stringMatching(GUID), date: expect.stringMatching(/Z$/) } });
    expect((await graph('/servicePrincipals', {}, `${token}x`)).body.error.code).toBe('InvalidAuthenticationToken');
  });

  it('filters, selects and pages service principals with @odata.context and @odata.nextLink', async () => {
    const byAppId = await graph(`/servicePrincipals?$filter=appId eq '${INTEGRATION_APP_ID}'&$select=id,displayName`);
    expect(byAppId.body).toEqual({
      '@odata.context': `${env.standin.url}/v1.0/$metadata#servicePrincipals(id,displayName)`,
      value: [{ id: integrationSpId(tenantId), displayName: 'Cisco Webex Identity Integration' }],
    });
    const first = await graph('/servicePrincipals?$select=id');
    expect(first.body.value).toHaveLength(2);
    const next = String(first.body['@odata.nextLink']);
    expect(next).toContain('$skiptoken=');
    const second = await graph(next.slice(`${env.standin.url}/v1.0`.length));
    expect(second.body.value).toHaveLength(2);
    expect(second.body.value[0].id).not.toBe(first.body.value[0].id);
  });

  it('answers unknown objects, paths and filters as Graph does', async () => {
    expect((await graph("/servicePrincipals(appId='00000000-0000-0000-0000-000000000009')")).body.error.code).toBe('Request_ResourceNotFound');
    expect((await graph("/servicePrincipals(appId='" + INTEGRATION_APP_ID + "')")).body.appId).toBe(INTEGRATION_APP_ID);
    const nosuch = await graph('/servicePrincipals/00000000-0000-0000-0000-000000000009/appRoleAssignments');
    expect([nosuch.status, nosuch.body.error.code]).toEqual([404, 'Request_ResourceNotFound']);
    const noCast = await graph('/directory/deletedItems');
    expect([noCast.status, noCast.body.error.code]).toEqual([400, 'Request_UnsupportedQuery']);
    const unknownPath = await graph('/notAThing');
    expect([unknownPath.status, unknownPath.body.error.message]).toEqual([400, "Resource not found for the segment 'notAThing'."]);
    const badProperty = await graph("/servicePrincipals?$filter=colour eq 'blue'");
    expect(badProperty.body.error.message).toContain("Could not find a property named 'colour'");
    const badSyntax = await graph("/servicePrincipals?$filter=appId eq");
    expect(badSyntax.status).toBe(400);
  });

  it('filters audits by date, activity and target, newest first, within retention', async () => {
    const removed = env.tenants.integrationAppRemoved;
    const answer = await requestToken(secretForm(), removed.tenantId);
    const bearer = String(answer.body['access_token']);
    const spId = integrationSpId(removed.tenantId);
    const since = new Date(env.now.getTime() - 7 * 86_400_000).toISOString();
    const filter = `activityDateTime ge ${since} and activityDisplayName eq 'Remove service principal' and targetResources/any(t: t/id eq '${spId}')`;
    const audits = await graph(`/auditLogs/directoryAudits?$filter=${encodeURIComponent(filter)}`, {}, bearer);
    expect(audits.body.value).toHaveLength(1);
    expect(audits.body.value[0]).toMatchObject({ activityDisplayName: 'Remove service principal', initiatedBy: { user: { userPrincipalName: 'admin@contoso.com' } } });
    // The healthy tenant's "Consent to application" record is 400 days old: past retention, Graph no longer has it.
    const all = await graph('/auditLogs/directoryAudits?$top=999');
    const dates = (all.body.value as { activityDateTime: string }[]).map((a) => a.activityDateTime);
    expect(dates.length).toBeGreaterThan(0);
    expect([...dates].sort().reverse()).toEqual(dates);
    expect(dates.every((d) => Date.parse(d) > env.now.getTime() - 31 * 86_400_000)).toBe(true);
  });

  it('batches: at most 20, dependsOn honoured (424 after a failure), restore needs write permission', async () => {
    const tooMany = Array.from({ length: 21 }, (_, i) => ({ id: String(i), method: 'GET', url: '/subscribedSkus' }));
    expect((await graph('/$batch', { method: 'POST', body: JSON.stringify({ requests: tooMany }) })).status).toBe(400);
    const requests = [
      { id: 'a', method: 'GET', url: '/servicePrincipals/00000000-0000-0000-0000-000000000009' },
      { id: 'b', method: 'GET', url: '/subscribedSkus', dependsOn: ['a'] },
      { id: 'c', method: 'GET', url: '/subscribedSkus' },
    ];
    const batch = await graph('/$batch', { method: 'POST', body: JSON.stringify({ requests }) });
    const status = Object.fromEntries((batch.body.responses as { id: string; status: number }[]).map((r) => [r.id, r.status]));
    expect(status).toEqual({ a: 404, b: 424, c: 200 });
    const restore = await graph('/directory/deletedItems/00000000-0000-0000-0000-000000000009/restore', { method: 'POST' });
    expect([restore.status, restore.body.error.code]).toEqual([403, 'Authorization_RequestDenied']);
  });
});
