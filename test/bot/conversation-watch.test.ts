import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RateLimiter, type AccessPolicy, type Asker } from '../../src/access/index.js';
import type { ConversationDeps } from '../../src/bot/context.js';
import { createConversation } from '../../src/bot/conversation.js';
import { renderMovedToDirect, renderWatchReply } from '../../src/cards/render-plain.js';
import { renderRefusal } from '../../src/cards/index.js';
import { openSqliteStore } from '../../src/store/index.js';
import type { Store } from '../../src/store/types.js';
import { createWatcher } from '../../src/watch/index.js';
import type { Watcher } from '../../src/watch/types.js';
import type { IncomingMessage, InboundHandlers } from '../../src/webex/inbound.js';
import { logSink, RecordingMessenger } from './support.js';

/**
 * `watch`, `unwatch` and `status` in the conversation, with the real watch engine (not started: these commands
 * only record and read) and a real store: who may, where the watch is kept, where the answers go.
 */

const ORG = 'org-contoso';
const TENANT = '7c1d3a52-94f1-4b6e-8e0d-2a5f6c9b1e37';
const BOT = { personId: 'bot-1', orgId: ORG };
const ADMIN: Asker = { personId: 'ann', orgId: ORG, emails: ['ann@contoso.example'] };
const GUEST: Asker = { personId: 'oscar', orgId: 'org-fabrikam', emails: ['oscar@fabrikam.example'] };
const POLICY: AccessPolicy = { botOrgId: ORG, tenants: [{ webexOrgId: ORG, entraTenantId: TENANT }] };

let counter = 0;
function message(from: Asker, text: string, roomId: string, roomType: 'direct' | 'group'): IncomingMessage {
  counter += 1;
  return { messageId: `in-${counter}`, roomId, roomType, personId: from.personId, personEmail: from.emails[0] ?? '', text, mentionedBot: roomType === 'group' };
}

describe('the watch commands', () => {
  let store: Store;
  let watcher: Watcher;
  let messenger: RecordingMessenger;
  let conversation: InboundHandlers;
  let log: ReturnType<typeof logSink>;

  function converse(overrides: Partial<ConversationDeps> = {}): InboundHandlers {
    return createConversation({
      messenger,
      doctor: { diagnose: () => Promise.reject(new Error('the watch commands run no checks')) },
      store,
      policy: POLICY,
      limiter: new RateLimiter({ perPersonPerMinute: 60, perTenantPerMinute: 60 }),
      botPersonId: BOT.personId,
      logger: log.logger,
      watch: watcher,
      watchIntervalMinutes: 15,
      trustedOrigins: [],
      now: () => new Date(),
      newId: () => `id-${(counter += 1)}`,
      ...overrides,
    });
  }

  beforeEach(async () => {
    store = await openSqliteStore({ path: ':memory:' });
    log = logSink();
    watcher = createWatcher({
      store,
      replicaId: 'test',
      intervalMs: 15 * 60_000,
      runChecks: () => Promise.reject(new Error('the watcher is not started in these tests')),
      notify: () => Promise.reject(new Error('the watcher is not started in these tests')),
      logger: log.logger,
    });
    messenger = new RecordingMessenger(BOT, { 'direct-ann': [ADMIN], team: [ADMIN], 'team-with-guest': [ADMIN, GUEST] }, [ADMIN, GUEST]);
    conversation = converse();
  });

  afterEach(async () => {
    await watcher.stop();
    await store.close();
  });

  const watchedRooms = async (): Promise<string[]> => (await store.listWatches()).map((w) => `${w.roomId}→${w.tenantId}`);

  it('`watch` in a 1:1 space: the space watches the asker\'s tenant, confirmed in the thread', async () => {
    const sent = message(ADMIN, 'watch', 'direct-ann', 'direct');
    await conversation.onMessage(sent);
    expect(await watchedRooms()).toEqual([`direct-ann→${TENANT}`]);
    expect(messenger.posts.map((p) => [p.target, p.message])).toEqual([[{ roomId: 'direct-ann', parentId: sent.messageId }, renderWatchReply({ kind: 'watching' }, 'en')]]);
  });

  it('`watch` in a space with a guest: a note there; the watch and its confirmation go to the asker\'s 1:1', async () => {
    const sent = message(ADMIN, 'watch', 'team-with-guest', 'group');
    await conversation.onMessage(sent);
    expect(messenger.posts.map((p) => [p.target, p.message])).toEqual([
      [{ roomId: 'team-with-guest', parentId: sent.messageId }, renderMovedToDirect('en')],
      [{ toPersonId: ADMIN.personId }, renderWatchReply({ kind: 'watching' }, 'en')],
    ]);
    // The alerts will go where the confirmation went, never to the space the guest is in.
    expect(await watchedRooms()).toEqual([`direct-ann→${TENANT}`]);
  });

  it('`watch` from someone the policy does not allow: refused, nothing watched', async () => {
    await conversation.onMessage(message(GUEST, 'watch', 'direct-oscar', 'direct'));
    expect(messenger.posts.map((p) => p.message)).toEqual([renderRefusal({ kind: 'not-allowed' }, 'en')]);
    expect(await watchedRooms()).toEqual([]);
  });

  it('`watch` when the bot has no watch engine (no tenant to watch): says so', async () => {
    await converse({ watch: undefined }).onMessage(message(ADMIN, 'surveiller', 'direct-ann', 'direct'));
    expect(messenger.posts.map((p) => p.message)).toEqual([renderRefusal({ kind: 'no-tenant' }, 'en')]);
  });

  it('`status` before and after `watch`; `unwatch` twice', async () => {
    await conversation.onMessage(message(ADMIN, 'status', 'direct-ann', 'direct'));
    await conversation.onMessage(message(ADMIN, 'watch', 'direct-ann', 'direct'));
    await conversation.onMessage(message(ADMIN, 'status', 'direct-ann', 'direct'));
    await conversation.onMessage(message(ADMIN, 'unwatch', 'direct-ann', 'direct'));
    await conversation.onMessage(message(ADMIN, 'unwatch', 'direct-ann', 'direct'));

    const said = messenger.posts.map((p) => p.message.markdown);
    expect(said[0]).toBe(renderWatchReply({ kind: 'not-watching' }, 'en').markdown);
    expect(said[1]).toBe(renderWatchReply({ kind: 'watching' }, 'en').markdown);
    expect(said[2]).toContain('checks every 15 minutes'); // the configured interval, not a default
    expect(said[2]).toContain(TENANT);
    expect(said[2]).toContain('Last run: not yet.');
    expect(said[3]).toBe(renderWatchReply({ kind: 'unwatched' }, 'en').markdown);
    expect(said[4]).toBe(renderWatchReply({ kind: 'not-watching' }, 'en').markdown);
    expect(await watchedRooms()).toEqual([]);
  });

  it('answers in the asker\'s saved language', async () => {
    await conversation.onMessage(message(ADMIN, 'language ja', 'direct-ann', 'direct'));
    await conversation.onMessage(message(ADMIN, '監視', 'direct-ann', 'direct'));
    expect(messenger.posts[1]?.message).toEqual(renderWatchReply({ kind: 'watching' }, 'ja'));
  });
});
