import { randomUUID } from 'node:crypto';
import { spaceIsPrivateEnough, type AccessPolicy } from '../access/index.js';
import { renderMovedToDirect } from '../cards/render-plain.js';
import { renderWatchEvent } from '../cards/render-watch.js';
import type { Logger } from '../log.js';
import type { Store } from '../store/types.js';
import type { WatchEvent } from '../watch/types.js';
import type { Messenger, ReplyTarget } from './context.js';

export interface WatchNotifyDeps {
  store: Store;
  messenger: Messenger;
  policy: AccessPolicy;
  bot: { personId: string; orgId: string };
  trustedOrigins: string[];
  logger: Logger;
  now(): Date;
}

/**
 * Posts a watch alert, recovery or "fix landed" card, and remembers it so its Re-verify works like any other.
 * The space's members are checked at the moment of posting (a guest may have joined since `watch` was said):
 * if someone there may not see the tenant, the space gets a short note and the card goes to the watcher's 1:1.
 */
export function createWatchNotifier(deps: WatchNotifyDeps): (event: WatchEvent) => Promise<void> {
  return async (event) => {
    const watch = (await deps.store.listWatches()).find((w) => w.roomId === event.roomId && w.tenantId === event.tenantId);
    const latest = await deps.store.latestDiagnosisForTenant(event.tenantId);
    const personId = watch?.createdBy ?? latest?.askedBy;
    const preferred = personId === undefined ? undefined : await deps.store.getLanguage(personId);
    const language = preferred ?? latest?.language ?? 'en';

    let target: ReplyTarget = event.parentId ? { roomId: event.roomId, parentId: event.parentId } : { roomId: event.roomId };
    const members = await deps.messenger.members(event.roomId);
    if (!spaceIsPrivateEnough(members, deps.policy, event.tenantId, { botPersonId: deps.bot.personId })) {
      if (personId === undefined) {
        deps.logger.warn({ tenantId: event.tenantId, kind: event.kind }, 'watch event not posted: the space has people who may not see this tenant, and no watcher to tell privately');
        return;
      }
      await deps.messenger.post(target, renderMovedToDirect(language));
      target = { toPersonId: personId };
    }

    const diagnosisId = randomUUID();
    const rendered = renderWatchEvent(event, { language, diagnosisId, trustedOrigins: deps.trustedOrigins });
    const posted = await deps.messenger.post(target, rendered);
    await deps.store.saveDiagnosis({
      id: diagnosisId,
      messageId: posted.messageId,
      roomId: posted.roomId,
      parentId: 'parentId' in target ? target.parentId : undefined,
      orgId: watch?.orgId ?? latest?.orgId ?? deps.bot.orgId,
      tenantId: event.tenantId,
      askedBy: personId ?? deps.bot.personId,
      language,
      createdAt: deps.now().toISOString(),
      diagnosis: event.diagnosis,
    });
  };
}
