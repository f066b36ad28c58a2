import type { AccessPolicy, Asker, RateLimiter } from '../access/index.js';
import type { RenderedMessage } from '../cards/index.js';
import type { Diagnosis } from '../diagnosis/types.js';
import type { Language } from '../i18n/message.js';
import type { Evidence } from '../intake/evidence.js';
import type { Logger } from '../log.js';
import type { Store } from '../store/types.js';
import type { Watcher } from '../watch/types.js';

/** Where a reply goes: a space (optionally a thread in it), or a person's 1:1 space. */
export type ReplyTarget = { roomId: string; parentId?: string } | { toPersonId: string };

/** The few Webex calls the conversation makes; src/webex/api.ts provides them. */
export interface Messenger {
  post(target: ReplyTarget, message: RenderedMessage): Promise<{ messageId: string; roomId: string }>;
  /** The asker as Webex reports them: the only source of identity the bot trusts. */
  lookupPerson(personId: string): Promise<Asker>;
  /** Members of a space, with their org and emails as Webex reports them. */
  members(roomId: string): Promise<Asker[]>;
}

/** Runs the checks for one tenant (or reads the paste alone when there is no tenant). */
export interface TenantDoctor {
  diagnose(tenantId: string | undefined, evidence: Evidence): Promise<Diagnosis>;
}

/** What the watch engine offers the conversation. */
export type WatchControl = Pick<Watcher, 'watch' | 'unwatch' | 'status' | 'watchClosely'>;

export interface ConversationDeps {
  messenger: Messenger;
  doctor: TenantDoctor;
  store: Store;
  policy: AccessPolicy;
  limiter: RateLimiter;
  botPersonId: string;
  logger: Logger;
  watch?: WatchControl;
  /** WATCH_INTERVAL_MINUTES, so `status` says how often the watch really looks. */
  watchIntervalMinutes?: number;
  /** Origins the cards may link to besides Microsoft's and Cisco's own (a configured sign-in authority). */
  trustedOrigins: string[];
  now(): Date;
  newId(): string;
}

/** Replies go in the thread of the message; a message already in a thread is answered in that thread. */
export function threadOf(message: { roomId: string; messageId: string; parentId?: string }): ReplyTarget {
  return { roomId: message.roomId, parentId: message.parentId ?? message.messageId };
}

export async function languageFor(deps: ConversationDeps, personId: string, fallback: Language): Promise<Language> {
  return (await deps.store.getLanguage(personId)) ?? fallback;
}
