import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebexStandin, type WebexStandin } from '../../src/local/standins/webex/index.js';
import { WebexApi } from '../../src/webex/api.js';
import { ensureBotWebhooks, frameworkWebhookName } from '../../src/webex/framework-webhooks.js';
import { captureLogger } from '../fakes/webex/capture-logger.js';

/**
 * Found by replicas.test.ts (about one start in six): two replicas starting together both see the same duplicate
 * webhook, both delete it, and the one that comes second gets Webex's 404 and stops with
 * "Could not make sure the bot's Webex webhooks exist". Reproduced here without bot processes, every time.
 *
 * A 404 on deleting a duplicate means another replica already removed it: src/webex/framework-webhooks.ts counts
 * that as done.
 */
describe('two replicas making sure of the bot webhooks at the same moment', () => {
  let webex: WebexStandin;
  let token: string;
  const { logger } = captureLogger();
  const targetUrl = 'https://doctor.example.com/webex/webhook';
  const wanted = { name: frameworkWebhookName(targetUrl, 'doctor@webex.bot'), targetUrl, secret: 'the-right-secret-1234' };

  beforeAll(async () => {
    webex = await startWebexStandin();
    token = webex.addPerson({ email: 'doctor@webex.bot', displayName: 'Doctor', type: 'bot' }).token;
  });
  afterAll(() => webex.stop());

  it('both succeed when both remove the same duplicate', async () => {
    const api = new WebexApi({ token, apiUrl: webex.url });
    for (let i = 0; i < 2; i++) {
      await api.createWebhook({ ...wanted, resource: 'all', event: 'all' });
      await api.createWebhook({ ...wanted, resource: 'attachmentActions', event: 'created' });
    }
    // Both replicas list the webhooks before either deletes anything, as they do when started together.
    webex.setFaults({ latencyMs: 150, path: /^\/webhooks/, method: 'GET' });
    try {
      const replicas = [new WebexApi({ token, apiUrl: webex.url }), new WebexApi({ token, apiUrl: webex.url })];
      const results = await Promise.allSettled(replicas.map((replica) => ensureBotWebhooks(replica, wanted, logger)));
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
    } finally {
      webex.setFaults({});
    }
    const left = await api.listWebhooks();
    expect(left.map((h) => h.resource).sort()).toEqual(['all', 'attachmentActions']);
  });
});
