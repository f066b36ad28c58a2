import { canonicalWebexId } from './webex-id.js';
import { decide } from './policy.js';
import type { AccessPolicy, Asker } from './policy.js';

export interface PrivacyOptions {
  /** The bot's own personId: it is a member of every space it posts in, and is not an audience. */
  botPersonId?: string;
}

/**
 * True when everyone in the space may see this tenant, so tenant details can be posted there.
 * In a group space with anyone else (a guest, a colleague not on the allow-list), the bot should
 * offer to continue in a 1:1 space instead. Members are as the memberships API reports them.
 */
export function spaceIsPrivateEnough(
  members: Asker[],
  policy: AccessPolicy,
  tenantId: string,
  options: PrivacyOptions = {},
): boolean {
  const bot = options.botPersonId === undefined ? undefined : canonicalWebexId(options.botPersonId);
  return members
    .filter((m) => canonicalWebexId(m.personId) !== bot)
    .every((m) => decide(policy, m, { kind: 'diagnose', tenantId }).allowed);
}
