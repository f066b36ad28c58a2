import { Writable } from 'node:stream';
import type { Asker } from '../../src/access/index.js';
import type { Messenger, ReplyTarget } from '../../src/bot/context.js';
import type { RenderedMessage } from '../../src/cards/types.js';
import { createLogger, type Logger } from '../../src/log.js';

/** Fakes of the bot's outside world for its unit tests: what Webex is told, and what gets logged. */

export interface Post {
  target: ReplyTarget;
  message: RenderedMessage;
  messageId: string;
  roomId: string;
}

/**
 * A Webex that records what is posted. A space's members are the bot plus the given people; a 1:1 post lands in
 * the person's direct space `direct-<personId>`; everyone is looked up in the bot's org unless listed in `people`.
 */
export class RecordingMessenger implements Messenger {
  readonly posts: Post[] = [];
  failNextPost = false;

  constructor(
    private readonly bot: { personId: string; orgId: string },
    private readonly rooms: Record<string, Asker[]>,
    private readonly people: Asker[] = [],
  ) {}

  async post(target: ReplyTarget, message: RenderedMessage): Promise<{ messageId: string; roomId: string }> {
    if (this.failNextPost) {
      this.failNextPost = false;
      throw new Error('Webex answered 503');
    }
    const roomId = 'toPersonId' in target ? `direct-${target.toPersonId}` : target.roomId;
    const posted = { messageId: `message-${this.posts.length + 1}`, roomId };
    this.posts.push({ target, message, ...posted });
    return posted;
  }

  async lookupPerson(personId: string): Promise<Asker> {
    return this.people.find((p) => p.personId === personId) ?? { personId, orgId: this.bot.orgId, emails: [] };
  }

  async members(roomId: string): Promise<Asker[]> {
    return [{ personId: this.bot.personId, orgId: this.bot.orgId, emails: [] }, ...(this.rooms[roomId] ?? [])];
  }
}

/** A real logger writing into memory, so a test can read what was logged. */
export function logSink(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  return { logger: createLogger({ level: 'info', destination }), lines };
}
