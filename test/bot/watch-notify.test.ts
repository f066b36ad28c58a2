import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AccessPolicy, Asker } from '../../src/access/index.js';
import { createWatchNotifier } from '../../src/bot/watch-notify.js';
import { renderMovedToDirect } from '../../src/cards/render-plain.js';
import { openSqliteStore } from '../../src/store/index.js';
import type { Store } from '../../src/store/types.js';
import type { WatchEvent } from '../../src/watch/types.js';
import { diagnoseTenant } from '../diagnosis/support.js';
import { scenarios } from '../fixtures/tenant/scenarios.js';
import { logSink, RecordingMessenger, type Post } from './support.js';

/**
 * Posting a watch event: where it goes (the watching space, the thread of a consent link, or the watcher's 1:1
 * when someone in the space may not see the tenant), in whose language, and remembered so its Re-verify works.
 */

const ORG = 'org-contoso';
const BOT = { personId: 'bot-1', orgId: ORG };
const ADMIN: Asker = { personId: 'ann', orgId: ORG, emails: ['ann@contoso.example'] };
const GUEST: Asker = { personId: 'oscar', orgId: 'org-fabrikam', emails: ['oscar@fabrikam.example'] };
const removed = diagnoseTenant(scenarios.removedRestorable());
const TENANT = removed.tenantId ?? '';
const POLICY: AccessPolicy = { botOrgId: ORG, tenants: [{ webexOrgId: ORG, entraTenantId: TENANT }] };

function alert(roomId: string, extra: Partial<WatchEvent> = {}): WatchEvent {
  return {
    kind: 'alert',
    roomId,
    tenantId: TENANT,
    diagnosis: removed,
    previous: { at: '2023-05-22T08:00:00.000Z', checks: {} },
    changes: [{ checkId: 'integration-app-present', from: 'pass', to: 'fail', seenAt: '2023-05-22T09:00:00.000Z' }],
    ...extra,
  };
}

const headline = (post: Post | undefined): string => post?.message.markdown.split('\n')[0] ?? '';

describe('createWatchNotifier', () => {
  let store: Store;
  let messenger: RecordingMessenger;
  let log: ReturnType<typeof logSink>;
  let notify: (event: WatchEvent) => Promise<void>;

  beforeEach(async () => {
    store = await openSqliteStore({ path: ':memory:' });
    messenger = new RecordingMessenger(BOT, { 'direct-ann': [ADMIN], team: [ADMIN], 'team-with-guest': [ADMIN, GUEST] });
    log = logSink();
    notify = createWatchNotifier({ store, messenger, policy: POLICY, bot: BOT, trustedOrigins: [], logger: log.logger, now: () => new Date('2023-05-22T09:00:05.000Z') });
  });

  afterEach(async () => {
    await store.close();
  });

  it('posts the alert card in the watching space, in the watcher\'s language, and remembers it for Re-verify', async () => {
    await store.upsertWatch({ roomId: 'team', tenantId: TENANT, orgId: ORG, createdBy: ADMIN.personId });
    await store.setLanguage(ADMIN.personId, 'fr');
    await notify(alert('team'));

    expect(messenger.posts).toHaveLength(1);
    const [post] = messenger.posts;
    expect(post?.target).toEqual({ roomId: 'team' });
    expect(headline(post)).toContain('Alerte de surveillance');
    expect(post?.message.card).toBeDefined();

    const saved = await store.getDiagnosisByMessage(post?.messageId ?? '');
    expect(saved).toMatchObject({ roomId: 'team', tenantId: TENANT, orgId: ORG, askedBy: ADMIN.personId, language: 'fr' });
    expect(saved?.parentId).toBeUndefined();
    // The card's Re-verify button names the record that was saved.
    expect(JSON.stringify(post?.message.card)).toContain(`"diagnosisId":"${saved?.id ?? 'none'}"`);
  });

  it('when a guest joined the space since `watch`: a short note there, the card in the watcher\'s 1:1', async () => {
    await store.upsertWatch({ roomId: 'team-with-guest', tenantId: TENANT, orgId: ORG, createdBy: ADMIN.personId });
    await notify(alert('team-with-guest'));

    expect(messenger.posts.map((p) => p.target)).toEqual([{ roomId: 'team-with-guest' }, { toPersonId: ADMIN.personId }]);
    expect(messenger.posts[0]?.message).toEqual(renderMovedToDirect('en'));
    expect(JSON.stringify(messenger.posts[0]?.message)).not.toContain(TENANT);
    const saved = await store.getDiagnosisByMessage(messenger.posts[1]?.messageId ?? '');
    expect(saved?.roomId).toBe('direct-ann');
  });

  it('"fix landed" goes to the consent link\'s thread, in the language of the diagnosis that handed it out', async () => {
    await store.saveDiagnosis({ id: 'd-1', messageId: 'm-1', roomId: 'direct-ann', parentId: 'paste-1', orgId: ORG, tenantId: TENANT, askedBy: ADMIN.personId, language: 'ja', createdAt: '2023-05-22T08:59:00.000Z', diagnosis: removed });
    const healthy = diagnoseTenant(scenarios.healthy());
    await notify({ kind: 'fix-seen', roomId: 'direct-ann', parentId: 'paste-1', tenantId: TENANT, diagnosis: healthy, changes: [{ checkId: 'integration-app-present', from: 'fail', to: 'pass', seenAt: '2023-05-22T09:00:00.000Z' }] });

    expect(messenger.posts).toHaveLength(1);
    expect(messenger.posts[0]?.target).toEqual({ roomId: 'direct-ann', parentId: 'paste-1' });
    expect(headline(messenger.posts[0])).toContain('修正を確認しました');
    const saved = await store.getDiagnosisByMessage(messenger.posts[0]?.messageId ?? '');
    expect(saved).toMatchObject({ parentId: 'paste-1', askedBy: ADMIN.personId, language: 'ja' });
  });

  it('says nothing, and logs why, when the space is not private enough and there is nobody to tell privately', async () => {
    await notify(alert('team-with-guest'));
    expect(messenger.posts).toEqual([]);
    expect(log.lines.join('')).toContain('no watcher to tell privately');
  });

  it('a post that fails throws (the watcher offers the change again) and leaves no record behind', async () => {
    await store.upsertWatch({ roomId: 'team', tenantId: TENANT, orgId: ORG, createdBy: ADMIN.personId });
    messenger.failNextPost = true;
    await expect(notify(alert('team'))).rejects.toThrow('503');
    expect(await store.latestDiagnosisForTenant(TENANT)).toBeUndefined();
  });
});
