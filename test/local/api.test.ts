import { networkInterfaces } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MessageView, SpaceView } from '../../src/local/space-session.js';
import { INTEGRATION_APP_ID } from '../../src/local/standins/entra/index.js';
import type { WebexAttachmentAction } from '../../src/webex/types.js';
import { waitFor } from '../fakes/webex/wait-for.js';
import { call, startLocalApi } from './local-api-harness.js';
import type { LocalApiHarness } from './local-api-harness.js';
import { openEventStream } from './sse-reader.js';
import type { SseReader } from './sse-reader.js';

const CARD = {
  type: 'AdaptiveCard',
  version: '1.3',
  body: [{ type: 'TextBlock', text: 'Verdict' }],
  actions: [{ type: 'Action.Submit', title: 'Re-verify', data: { action: 'reverify', diagnosisId: 'd1' } }],
};

describe('local mode API with the demo tenant (real Webex and Entra stand-ins)', () => {
  let h: LocalApiHarness;
  let stream: SseReader;
  let direct: SpaceView, group: SpaceView;

  beforeAll(async () => {
    h = await startLocalApi();
    stream = await openEventStream(`${h.base}/local/api/stream`);
    const spaces = (await call(h.base, 'GET', '/local/api/spaces')).json.items as SpaceView[];
    [direct, group] = spaces as [SpaceView, SpaceView];
  });
  afterAll(async () => {
    stream.close();
    await h.stop();
  });

  it('lists Ann\'s two spaces, the people and the demo tenant (no secret in the info)', async () => {
    expect(direct).toMatchObject({ title: 'Azure AD Doctor', type: 'direct' });
    expect(group).toMatchObject({ title: 'IT Ops', type: 'group' });
    const { json } = await call(h.base, 'GET', '/local/api/info');
    expect(json.me).toEqual({ id: h.people.me.id, displayName: 'Ann Admin' });
    expect(json.tenant).toMatchObject({ kind: 'demo', fixed: false, tenantId: h.demo?.tenantId });
    expect(JSON.stringify(json)).not.toContain(h.demo?.azure.clientSecret);
    expect(JSON.stringify(json)).not.toContain(h.people.botToken);
  });

  it('posts as Ann through the stand-in and streams the new message', async () => {
    const posted = await call(h.base, 'POST', '/local/api/messages', { roomId: direct.id, text: 'hello **doctor**' });
    expect(posted.status).toBe(201);
    const message = posted.json as unknown as MessageView;
    expect(message).toMatchObject({ roomId: direct.id, personName: 'Ann Admin', mine: true, fromBot: false, text: 'hello **doctor**' });
    expect(h.webex.messages(direct.id).map((m) => m.id)).toContain(message.id);
    await waitFor('the streamed message', () => stream.events.find((e) => e.event === 'message' && (e.data as MessageView).id === message.id));
    const listed = (await call(h.base, 'GET', `/local/api/messages?roomId=${encodeURIComponent(direct.id)}`)).json.items as MessageView[];
    expect(listed.at(-1)?.id).toBe(message.id);
  });

  it('turns "@Azure AD Doctor" into a real mention in a group space, and threads a reply', async () => {
    const root = (await call(h.base, 'POST', '/local/api/messages', { roomId: group.id, text: '@Azure AD Doctor please check' })).json as unknown as MessageView;
    const stored = h.webex.messages(group.id).find((m) => m.id === root.id);
    expect(stored?.mentionedPeople).toEqual([h.people.bot.id]);
    expect(stored?.text).toBe('Azure AD Doctor please check');
    const reply = await call(h.base, 'POST', '/local/api/messages', { roomId: group.id, text: 'more detail', parentId: root.id });
    expect(reply.status).toBe(201);
    expect(reply.json.parentId).toBe(root.id);
    // In a 1:1 space the text is sent as it is.
    const plain = (await call(h.base, 'POST', '/local/api/messages', { roomId: direct.id, text: '@Azure AD Doctor hi' })).json;
    expect(plain.markdown).toBeUndefined();
  });

  it('presses a card button as Ann: an attachment action with the inputs, on the bot\'s card', async () => {
    const card = h.webex.postAs(h.people.botToken, { roomId: direct.id, markdown: 'fallback', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: CARD }] });
    const views = (await call(h.base, 'GET', `/local/api/messages?roomId=${encodeURIComponent(direct.id)}`)).json.items as MessageView[];
    expect(views.find((m) => m.id === card.id)).toMatchObject({ fromBot: true, card: CARD });
    const actions: WebexAttachmentAction[] = [];
    const listener = (a: WebexAttachmentAction): void => void actions.push(a);
    h.webex.events.on('attachmentAction', listener);
    const pressed = await call(h.base, 'POST', '/local/api/actions', { messageId: card.id, inputs: { action: 'reverify', diagnosisId: 'd1' } });
    h.webex.events.off('attachmentAction', listener);
    expect(pressed.status).toBe(201);
    expect(actions).toEqual([expect.objectContaining({ id: pressed.json.id, messageId: card.id, personId: h.people.me.id, inputs: { action: 'reverify', diagnosisId: 'd1' } })]);
    // Webex refuses a press on a message without a card; the page gets Webex's status and wording.
    const plain = h.webex.postAs(h.people.botToken, { roomId: direct.id, text: 'no card' });
    const refused = await call(h.base, 'POST', '/local/api/actions', { messageId: plain.id, inputs: {} });
    expect(refused).toEqual({ status: 400, json: { message: 'The message has no card to submit.' } });
  });

  it('refuses bad input with a status and a message', async () => {
    const cases: [string, Promise<{ status: number; json: Record<string, unknown> }>, number, RegExp][] = [
      ['no roomId', call(h.base, 'POST', '/local/api/messages', { text: 'x' }), 400, /roomId: Required/],
      ['blank text', call(h.base, 'POST', '/local/api/messages', { roomId: direct.id, text: '   ' }), 400, /text: write something/],
      ['text as a number', call(h.base, 'POST', '/local/api/messages', { roomId: direct.id, text: 5 }), 400, /text: Expected string/],
      ['unknown field', call(h.base, 'POST', '/local/api/messages', { roomId: direct.id, text: 'x', html: '<b>' }), 400, /Unrecognized key/],
      ['a space Ann is not in', call(h.base, 'POST', '/local/api/messages', { roomId: 'nope', text: 'x' }), 404, /Could not find a room/],
      ['over Webex\'s byte limit', call(h.base, 'POST', '/local/api/messages', { roomId: direct.id, text: 'é'.repeat(4000) }), 400, /cannot be longer than 7439 bytes/],
      ['over the character limit', call(h.base, 'POST', '/local/api/messages', { roomId: direct.id, text: 'a'.repeat(16_001) }), 400, /at most 16000 characters/],
      ['broken JSON', call(h.base, 'POST', '/local/api/messages', undefined, { raw: '{"roomId":' }), 400, /not valid JSON/],
      ['a form post', call(h.base, 'POST', '/local/api/messages', undefined, { raw: 'roomId=x', contentType: 'application/x-www-form-urlencoded' }), 415, /Send JSON/],
      ['another site', call(h.base, 'POST', '/local/api/messages', { roomId: direct.id, text: 'x' }, { origin: 'https://evil.example' }), 403, /other sites/],
      ['a huge body', call(h.base, 'POST', '/local/api/messages', { roomId: direct.id, text: 'x'.repeat(70_000) }), 413, /too large/],
      ['inputs not an object', call(h.base, 'POST', '/local/api/actions', { messageId: 'm', inputs: ['a'] }), 400, /inputs: Expected object/],
      ['too many inputs', call(h.base, 'POST', '/local/api/actions', { messageId: 'm', inputs: Object.fromEntries(Array.from({ length: 65 }, (_, i) => [`k${i}`, 1])) }), 400, /at most 64 inputs/],
      ['inputs too large', call(h.base, 'POST', '/local/api/actions', { messageId: 'm', inputs: { a: 'x'.repeat(17_000) } }), 400, /bytes of inputs/],
      ['messages without roomId', call(h.base, 'GET', '/local/api/messages'), 400, /roomId: Required/],
      ['an unknown API route', call(h.base, 'GET', '/local/api/nothing'), 404, /No such local API route/],
    ];
    for (const [name, pending, status, message] of cases) {
      const { status: got, json } = await pending;
      expect({ name, status: got }).toEqual({ name, status });
      expect(String(json.message), name).toMatch(message);
    }
  });

  it('applies the admin consent in the demo tenant, announces it, and resets to "deleted yesterday"', async () => {
    const integration = (): boolean => h.demo?.isFixed() ?? false;
    expect(integration()).toBe(false);
    const fixed = await call(h.base, 'POST', '/local/api/demo/fix', {});
    expect(fixed.status).toBe(200);
    expect(fixed.json.tenant).toMatchObject({ kind: 'demo', fixed: true });
    expect(String(fixed.json.message)).toMatch(/^Restored Cisco Webex Identity Integration from deleted items and applied the admin consent/);
    expect(integration()).toBe(true);
    // Restored, not recreated: the same object, out of deleted items (so it owns the provisioning app again).
    const tenant = h.demo?.tenant();
    expect(tenant?.deletedServicePrincipals).toEqual([]);
    expect(tenant?.ownerships.some((o) => tenant.servicePrincipals.some((sp) => sp.appId === INTEGRATION_APP_ID && sp.id === o.ownerId))).toBe(true);
    // Once present, the fix is the consent alone.
    expect(String((await call(h.base, 'POST', '/local/api/demo/fix', {})).json.message)).toMatch(/^Applied the admin consent/);
    await waitFor('the tenant event', () => stream.events.find((e) => e.event === 'tenant' && (e.data as { fixed: boolean }).fixed));
    const reset = await call(h.base, 'POST', '/local/api/demo/reset', {});
    expect(reset.json.tenant).toMatchObject({ fixed: false });
    expect(integration()).toBe(false);
  });

  it('follows only the demo tenant\'s own consent link, through the stand-in\'s /adminconsent', async () => {
    const demo = h.demo as NonNullable<typeof h.demo>;
    const foreign = [
      `https://login.microsoftonline.com/${demo.tenantId}/adminconsent?client_id=${INTEGRATION_APP_ID}`,
      `${demo.authorityOrigin}/common/adminconsent?client_id=${INTEGRATION_APP_ID}`,
      `${demo.authorityOrigin}/${demo.tenantId}/oauth2/v2.0/token?client_id=x`,
      'javascript:alert(1)',
    ];
    for (const url of foreign) {
      const refused = await call(h.base, 'POST', '/local/api/demo/consent', { url });
      expect({ url, status: refused.status }).toEqual({ url, status: 400 });
    }
    expect(demo.isFixed()).toBe(false);
    const ok = await call(h.base, 'POST', '/local/api/demo/consent', { url: `${demo.authorityOrigin}/${demo.tenantId}/adminconsent?client_id=${INTEGRATION_APP_ID}` });
    expect(ok.status).toBe(200);
    expect(demo.isFixed()).toBe(true);
    await call(h.base, 'POST', '/local/api/demo/reset', {});
  });

  it('serves the pages with a strict policy, and passes every other request on untouched (raw body)', async () => {
    const page = await fetch(`${h.base}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('id="message-list"');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    for (const path of ['/cards', '/local/demo/consent', '/app.js', '/markdown.js', '/style.css']) {
      expect((await fetch(`${h.base}${path}`)).status, path).toBe(200);
    }
    const vendor = await fetch(`${h.base}/vendor/adaptivecards.js`);
    expect(vendor.headers.get('content-type')).toMatch(/javascript/);
    expect((await vendor.text()).length).toBeGreaterThan(100_000);

    const webhookBody = '{"id":"wh","data":{"id":"m"}, "spacing": "kept as sent"}';
    const passed = await fetch(`${h.base}/webex/webhook`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: webhookBody });
    expect(passed.status).toBe(299);
    expect(h.passedThrough.at(-1)).toEqual({ method: 'POST', path: '/webex/webhook', rawBody: webhookBody });
  });
});

describe('local mode API with a real tenant connected', () => {
  let h: LocalApiHarness;
  beforeAll(async () => {
    h = await startLocalApi({ realTenant: true });
  });
  afterAll(() => h.stop());

  it('shows the real tenant and refuses every demo action with 409', async () => {
    expect((await call(h.base, 'GET', '/local/api/info')).json.tenant).toEqual({ kind: 'real', tenantId: '11111111-2222-4333-8444-555555555555', cloud: 'worldwide' });
    for (const path of ['/local/api/demo/fix', '/local/api/demo/reset']) {
      const refused = await call(h.base, 'POST', path, {});
      expect(refused.status).toBe(409);
      expect(String(refused.json.message)).toMatch(/real Microsoft Entra tenant is connected/);
    }
    expect((await call(h.base, 'POST', '/local/api/demo/consent', { url: 'https://127.0.0.1:1/x/adminconsent?client_id=y' })).status).toBe(409);
  });
});

/** An address of this machine that is not loopback, to reach the server as another machine would. */
const lanAddress = Object.values(networkInterfaces())
  .flat()
  .find((a) => a !== undefined && a.family === 'IPv4' && !a.internal)?.address;

describe.skipIf(lanAddress === undefined)('local mode with a real tenant, reached from another machine', () => {
  let h: LocalApiHarness;
  beforeAll(async () => {
    h = await startLocalApi({ realTenant: true, host: '0.0.0.0' });
  });
  afterAll(() => h.stop());

  it('answers the page and its API only on this machine, and still passes the bot\'s webhook on', async () => {
    const port = new URL(h.base).port;
    const remote = `http://${lanAddress}:${port}`;
    const api = await call(remote, 'GET', '/local/api/info');
    expect(api.status).toBe(403);
    expect(String(api.json.message)).toMatch(/only on this machine/);
    expect((await fetch(`${remote}/`)).status).not.toBe(200);
    expect((await fetch(`${remote}/webex/webhook`, { method: 'POST', body: '{}' })).status).toBe(299);
    // The same server, from this machine.
    expect((await call(h.base, 'GET', '/local/api/info')).status).toBe(200);
    expect((await fetch(`${h.base}/`)).status).toBe(200);
  });
});
