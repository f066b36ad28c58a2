import { spaceIsPrivateEnough, type Asker } from '../access/index.js';
import { renderMovedToDirect } from '../cards/render-plain.js';
import type { Language } from '../i18n/message.js';
import type { RoomType } from '../webex/types.js';
import type { ConversationDeps, ReplyTarget } from './context.js';

export interface PrivacyRequest {
  asker: Asker;
  roomId: string;
  /** Unknown for card presses (Webex does not say): the members are then checked whatever the space is. */
  roomType?: RoomType;
  /** Where the answer would go: the asker's thread in that space. */
  thread: ReplyTarget;
  tenantId: string;
  language: Language;
}

/**
 * Where an answer that shows a tenant's details may go. Members come and go (a guest joins a space after a card
 * was posted), so this is asked for every such answer, not once per space: when someone in the space may not
 * see this tenant, the space gets a short note and the answer goes to the asker's 1:1 space instead.
 */
export async function privateTarget(deps: ConversationDeps, request: PrivacyRequest): Promise<ReplyTarget> {
  if (request.roomType === 'direct') return request.thread;
  const members = await deps.messenger.members(request.roomId);
  if (spaceIsPrivateEnough(members, deps.policy, request.tenantId, { botPersonId: deps.botPersonId })) return request.thread;
  await deps.messenger.post(request.thread, renderMovedToDirect(request.language));
  return { toPersonId: request.asker.personId };
}

/**
 * Where the rest of an exchange goes once its first message was posted at `target`: a 1:1 answer moved out of
 * a group space threads under that first message, so it reads as one exchange.
 */
export function continuing(target: ReplyTarget, first: { messageId: string; roomId: string }): ReplyTarget {
  return 'toPersonId' in target ? { roomId: first.roomId, parentId: first.messageId } : target;
}
