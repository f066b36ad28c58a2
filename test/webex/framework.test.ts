import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { IncomingCardAction, IncomingMessage } from '../../src/webex/framework.js';
import { startFramework } from '../../src/webex/framework.js';
import type { WebexPerson, WebexRoom } from '../../src/webex/types.js';
import { WebexApi } from '../../src/webex/api.js';
import { startBotHarness, HARNESS_WEBHOOK_SECRET } from '../fakes/webex/bot-harness.js';
import type { BotHarness } from '../fakes/webex/bot-harness.js';
import { captureLogger } from '../fakes/webex/capture-logger.js';
import { waitFor } from '../fakes/webex/wait-for.js';

const CARD = { type: 'AdaptiveCard', version: '1.3', body: [{ type: 'Input.Text', id: 'note' }], actions: [{ type: 'Action.Submit', title: 'Re-verify', data: { action: 'reverify' } }] };

/** The framework started once for the file, in webhook mode, against the Webex stand-in. */
describe('startFramework (webhook mode, against the Webex stand-in)', () => {
  const { logger, lines, text } = captureLogger();
  const messages: IncomingMessage[] = [];
  const actions: IncomingCardAction[] = [];
  let harness: BotHarness;
  let ann: WebexPerson, annToken: string, bobId: string;
  let dm: WebexRoom, group: WebexRoom;
  let foreignWebhookId: string;

  const outcomeOf = (dataId: string) => waitFor(`the outcome of ${dataId}`, () => harness.outcomes.find((o) => o.event.data.id === dataId)?.outcome);

  beforeAll(async () => {
    harness = await startBotHarness({
      logger,
      handlers: { onMessage: (m) => void messages.push(m), onCardAction: (a) => void actions.push(a) },
      standin: { delivery: { retryDelayMs: 20 } },
      framework: { eventTimeoutMs: 1_500 },
      beforeStart: async (webex, botToken) => {
        const api = new WebexApi({ token: botToken, apiUrl: webex.url });
        foreignWebhookId = (await api.createWebhook({ name: 'another instance of something', targetUrl: 'https://elsewhere.example.com', resource: 'messages', event: 'created' })).id;
      },
    });
    const { webex, bot } = harness;
    ({ person: ann, token: annToken } = webex.addPerson({ email: 'ann@contoso.com', displayName: 'Ann Admin', type: 'person' }));
    bobId = webex.addPerson({ email: 'bob@contoso.com', displayName: 'Bob', type: 'person' }).person.id;
    dm = webex.addRoom({ title: 'Ann Admin', type: 'direct', members: [ann.id, bot.person.id] });
    group = webex.addRoom({ title: 'Identity team', type: 'group', members: [ann.id, bobId, bot.person.id] });
  });
  afterAll(() => harness?.stop());
  beforeEach(async () => {
    await harness.webex.idle();
    messages.length = 0;
    actions.length = 0;
    harness.webex.configureDelivery({ duplicate: false, botsHearAllGroupMessages: false });
    harness.webex.setFaults({});
  });

  it('leaves exactly its two webhooks, with our secret and the framework’s name, and keeps other webhooks', () => {
    const ours = harness.webex.webhooks().filter((h) => h.createdBy === harness.bot.person.id && h.id !== foreignWebhookId);
    expect(ours.map((h) => `${h.resource}/${h.event}`).sort()).toEqual(['all/all', 'attachmentActions/created']);
    for (const hook of ours) {
      expect(hook).toMatchObject({ secret: HARNESS_WEBHOOK_SECRET, status: 'active', targetUrl: expect.stringMatching(/\/webex\/events$/) });
      expect(Buffer.from(hook.name, 'base64').toString('utf8')).toMatch(/^127\.0\.0\.1:\d+ azure-ad-doctor@webex\.bot$/);
    }
    expect(harness.webex.webhooks().map((h) => h.id)).toContain(foreignWebhookId);
    expect(harness.running).toMatchObject({ mode: 'webhook', bot: { id: harness.bot.person.id, email: 'azure-ad-doctor@webex.bot' } });
  });

  it('hands a 1:1 message to onMessage with its text, line breaks kept', async () => {
    const sent = harness.webex.postAs(annToken, { roomId: dm.id, text: 'Azure AD integration error.\nTrackingID: ATLAS_123' });
    expect(await outcomeOf(sent.id)).toBe('handled');
    expect(messages).toEqual([
      { messageId: sent.id, roomId: dm.id, roomType: 'direct', personId: ann.id, personEmail: 'ann@contoso.com', text: 'Azure AD integration error.\nTrackingID: ATLAS_123', mentionedBot: false },
    ]);
  });

  it('ignores a group message that does not mention the bot, even when Webex delivers it', async () => {
    harness.webex.configureDelivery({ botsHearAllGroupMessages: true });
    const sent = harness.webex.postAs(annToken, { roomId: group.id, text: 'unrelated chatter' });
    expect(await outcomeOf(sent.id)).toBe('ignored');
    expect(messages).toHaveLength(0);
  });

  it('hands a group message that mentions the bot to onMessage, without the mention', async () => {
    const sent = harness.webex.postAs(annToken, { roomId: group.id, markdown: `<@personId:${harness.bot.person.id}|Azure AD Doctor> check contoso.onmicrosoft.com` });
    expect(await outcomeOf(sent.id)).toBe('handled');
    expect(messages[0]).toMatchObject({ roomType: 'group', mentionedBot: true, text: 'check contoso.onmicrosoft.com', personId: ann.id });
    expect(messages[0]?.html).toContain('spark-mention');
  });

  it('ignores the bot’s own messages', async () => {
    const { message } = await harness.running.api.postMessage({ roomId: dm.id, markdown: 'I am the bot' });
    expect(await outcomeOf(message.id)).toBe('ignored');
    expect(messages).toHaveLength(0);
  });

  it('hands a card press to onCardAction with the inputs and the presser read back from Webex', async () => {
    const { message } = await harness.running.api.postMessage({ roomId: group.id, markdown: 'Diagnosis', card: CARD });
    const readsBefore = harness.webex.counters.byRoute['GET /v1/attachment/actions/:actionId'] ?? 0;
    const press = harness.webex.pressCardButton(annToken, { messageId: message.id, inputs: { action: 'reverify', note: 'done' } });
    expect(await outcomeOf(press.id)).toBe('handled');
    expect(actions).toEqual([{ actionId: press.id, messageId: message.id, roomId: group.id, personId: ann.id, personEmail: 'ann@contoso.com', inputs: { action: 'reverify', note: 'done' } }]);
    expect(harness.webex.counters.byRoute['GET /v1/attachment/actions/:actionId']).toBe(readsBefore + 1);
  });

  it('handles a redelivered event once', async () => {
    harness.webex.configureDelivery({ duplicate: true });
    const sent = harness.webex.postAs(annToken, { roomId: dm.id, text: 'say it once' });
    await waitFor('both deliveries to be processed', () => harness.outcomes.filter((o) => o.event.data.id === sent.id).length === 2);
    expect(harness.outcomes.filter((o) => o.event.data.id === sent.id).map((o) => o.outcome).sort()).toEqual(['duplicate', 'handled']);
    expect(messages.map((m) => m.text)).toEqual(['say it once']);
  });

  it('survives a 404 inside the framework’s own people lookup, and still answers that person', async () => {
    harness.webex.setFaults({ status404: 1, path: /^\/people\/?\?id=/ });
    const sent = harness.webex.postAs(annToken, { roomId: dm.id, text: 'first after the 404' });
    expect(await outcomeOf(sent.id)).toBe('handled');
    expect(harness.webex.counters.injected.status404).toBe(1);
    expect(lines.some((l) => l.msg.startsWith('The Webex framework/SDK dropped an error of its own'))).toBe(true);
    const next = harness.webex.postAs(annToken, { roomId: dm.id, text: 'and the next one' });
    expect(await outcomeOf(next.id)).toBe('handled');
    expect(messages.map((m) => m.text)).toEqual(['first after the 404', 'and the next one']);
  });

  it('refuses to start in webhook mode without a secret, and to rebind the SDK to another API URL', async () => {
    const base = { token: harness.bot.token, logger, onMessage: () => undefined, onCardAction: () => undefined };
    await expect(startFramework({ ...base, apiUrl: harness.webex.url, webhookUrl: 'https://x.example.com/hook' })).rejects.toMatchObject({ code: 'webex_webhook_secret_missing' });
    await expect(startFramework({ ...base, apiUrl: 'https://webexapis.com/v1', webhookUrl: 'https://x.example.com/hook', webhookSecret: 's' })).rejects.toMatchObject({ code: 'webex_sdk_already_loaded' });
  });

  it('turns a token Webex refuses into webex_unauthorized, without echoing the token', async () => {
    const badToken = 'Zm9vYmFyYmF6cXV4_PF84_1eb65fdf-9643-417f-9974-ad72cae0e10f';
    const error = (await startFramework({ token: badToken, apiUrl: harness.webex.url, u2cUrl: harness.webex.u2cUrl, logger, onMessage: () => undefined, onCardAction: () => undefined, webhookUrl: 'https://x.example.com/hook', webhookSecret: 'abcdefghijklmnop' }).catch((e: unknown) => e)) as Error & { code: string; hint: string };
    expect(error.code).toBe('webex_unauthorized');
    expect(error.hint).toContain('WEBEX_BOT_TOKEN');
    expect(`${error.message} ${error.hint}`).not.toContain(badToken);
  });

  it('never logs the bot token', () => {
    expect(text()).not.toContain(harness.bot.token);
  });
});
