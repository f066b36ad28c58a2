import type { WebexMessage } from '../../src/webex/types.js';
import type { Admin, BenchWorld } from './world.js';

/**
 * Times pastes end to end on the Webex stand-in's own clock: from its `message` event for the paste (the
 * moment Webex has it) to its `message` event for the bot's answer in that paste's thread (the moment Webex
 * has the reply). Everything in between — webhook delivery, signature check, framework, lookups, Graph,
 * rendering, posting — is the bot's time.
 */

/** What counts as the answer: the doctor's diagnosis card (not its "checking…" note), or the echo's reply. */
export type AnswerTest = (message: WebexMessage, botId: string) => boolean;

export const isDiagnosisCard: AnswerTest = (message, botId) =>
  message.personId === botId && (message.attachments?.length ?? 0) > 0 && JSON.stringify(message.attachments).includes('"reverify"');

export const isAnyReply: AnswerTest = (message, botId) => message.personId === botId;

interface Pending {
  createdAt: number;
  resolve?: (ms: number) => void;
  /** The answer came before anyone asked for it (postAs returns after the event). */
  answeredMs?: number;
}

export class PasteTimer {
  private readonly pending = new Map<string, Pending>();
  private readonly botId: string;
  private readonly onMessage = (message: WebexMessage): void => {
    const now = performance.now();
    if (message.personId !== this.botId) {
      this.pending.set(message.id, { createdAt: now });
      return;
    }
    const waiting = message.parentId === undefined ? undefined : this.pending.get(message.parentId);
    if (waiting === undefined || !this.isAnswer(message, this.botId)) return;
    const ms = now - waiting.createdAt;
    if (waiting.resolve) {
      waiting.resolve(ms);
      this.pending.delete(message.parentId as string);
    } else {
      waiting.answeredMs = ms;
    }
  };

  constructor(
    private readonly world: BenchWorld,
    private readonly isAnswer: AnswerTest,
    private readonly timeoutMs = 30_000,
  ) {
    this.botId = world.bot.person.id;
    world.webex.events.on('message', this.onMessage);
  }

  /** Posts `text` as `admin` in their space; resolves with the milliseconds until the answer. */
  paste(admin: Admin, text: string): Promise<number> {
    const paste = this.world.webex.postAs(admin.token, { roomId: admin.room.id, text });
    const entry = this.pending.get(paste.id);
    if (entry === undefined) throw new Error('the stand-in did not announce the paste');
    if (entry.answeredMs !== undefined) {
      this.pending.delete(paste.id);
      return Promise.resolve(entry.answeredMs);
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(paste.id);
        reject(new Error(`no answer within ${this.timeoutMs} ms`));
      }, this.timeoutMs);
      entry.resolve = (ms) => {
        clearTimeout(timer);
        resolve(ms);
      };
    });
  }

  close(): void {
    this.world.webex.events.off('message', this.onMessage);
  }
}
