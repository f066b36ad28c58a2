import { setTimeout as delay } from 'node:timers/promises';
import type Framework from 'webex-node-bot-framework';
import type processEvent from 'webex-node-bot-framework/lib/process-event.js';
import type { EventDeduper } from './dedupe.js';
import type { WebexLogger } from './logger.js';
import { stripBotMention } from './mentions.js';
import { releaseStuckPersonLookup } from './sdk-workarounds.js';
import type { RoomType, WebhookEvent } from './types.js';

/** A message for the bot: from a human, in a 1:1 space or @mentioning the bot in a group space. */
export interface IncomingMessage {
  messageId: string;
  roomId: string;
  roomType: RoomType;
  personId: string;
  personEmail: string;
  /** As typed (line breaks kept, for pasted debug blocks), without the leading @mention of the bot. */
  text: string;
  html?: string;
  /** Set when the message is a reply in a thread. */
  parentId?: string;
  mentionedBot: boolean;
}

/** A press on one of the bot's cards, as read back from GET /attachment/actions/{id}. */
export interface IncomingCardAction {
  actionId: string;
  messageId: string;
  roomId: string;
  /** Who pressed, from Webex's record of the action (never from the webhook body). */
  personId: string;
  personEmail?: string;
  inputs: Record<string, unknown>;
}

export interface InboundHandlers {
  onMessage: (message: IncomingMessage) => Promise<void> | void;
  onCardAction: (action: IncomingCardAction) => Promise<void> | void;
}

/**
 * What became of a verified webhook event: `handled` (a handler ran), `ignored` (nothing for the bot: its own
 * message, a group message without a mention, a membership change), `duplicate`, `not-ours` (another
 * webhook's name), `dropped` (the framework swallowed it, e.g. it could not read the space), `timed-out`.
 */
export type InboundOutcome = 'handled' | 'ignored' | 'duplicate' | 'not-ours' | 'dropped' | 'timed-out' | 'stopped';

interface Deps {
  framework: Framework;
  processEvent: typeof processEvent;
  deduper: EventDeduper;
  logger: WebexLogger;
  handlers: InboundHandlers;
  bot: { id: string; displayName: string };
  eventTimeoutMs: number;
  /** First wait before processing an event the framework dropped once more; doubles per pass. */
  retryDelayMs: number;
  /** Webhook mode: only events passed to handleVerifiedEvent may reach a handler (the websocket feeds the framework directly). */
  webhookMode: boolean;
}

/** How many times an event the framework did not pass on is processed in all (first pass included). */
const PASSES_PER_EVENT = 3;

type Verdict = { outcome: 'handled'; work: Promise<void> } | { outcome: 'ignored' };

/**
 * Routes events through the framework (so its spaces, `hears` and card machinery keep working) and turns
 * its `message` / `attachmentAction` events into the two small callbacks the conversation code needs.
 */
export class InboundDispatcher {
  /** Events being processed from a webhook, and what the framework listeners decided for each (null: nothing yet). */
  private readonly verdicts = new Map<string, Verdict | null>();
  private readonly inFlight = new Set<Promise<void>>();
  private stopped = false;

  constructor(private readonly deps: Deps) {
    deps.framework.on('message', this.onFrameworkMessage);
    deps.framework.on('attachmentAction', this.onFrameworkAction);
  }

  /** For events whose X-Spark-Signature was verified (createWebhookReceiver does that). */
  handleVerifiedEvent(event: WebhookEvent): Promise<InboundOutcome> {
    const work = this.dispatch(event);
    const tracked = work.then(() => undefined, () => undefined);
    this.inFlight.add(tracked);
    void tracked.finally(() => this.inFlight.delete(tracked));
    return work;
  }

  private async dispatch(event: WebhookEvent): Promise<InboundOutcome> {
    const { framework, deduper, logger } = this.deps;
    if (this.stopped) return 'stopped';
    const expectedName = framework.webhook ? framework.webhook.name : undefined;
    if (event.name !== expectedName) {
      logger.warn({ webhookId: event.id, resource: event.resource }, 'Ignoring a signed Webex event for a webhook that is not this bot\'s (another app or a stale webhook with the same secret)');
      return 'not-ours';
    }
    if (!(await deduper.firstTime(`${event.resource}:${event.event}:${event.data.id}`))) {
      logger.info({ resource: event.resource, event: event.event, dataId: event.data.id }, 'Ignoring a redelivered Webex event');
      return 'duplicate';
    }
    // The bot's own messages come back through the firehose: skip them before the framework fetches them.
    if (event.resource === 'messages' && event.actorId === this.deps.bot.id) return 'ignored';
    const key = keyFor(event);
    if (key) this.verdicts.set(key, null);
    let finished = await this.process(event);
    // The framework swallows a failed read of the message or the person (a 429 or 5xx from Webex: it neither
    // retries nor reports it), and Webex will not resend an event it got a 200 for: without another pass, the
    // admin's paste would be lost without a word. A few more passes, backing off, recover it; a listener that
    // decided (handled or ignored) ends the passes. A lookup the SDK left hanging (see sdk-workarounds.ts)
    // would swallow this person's events for good: it is released before each new pass.
    const personId = typeof event.data.personId === 'string' ? event.data.personId : undefined;
    for (let pass = 2; pass <= PASSES_PER_EVENT && key && this.verdicts.get(key) === null; pass++) {
      const released = personId !== undefined && releaseStuckPersonLookup(framework, personId);
      logger.warn({ resource: event.resource, dataId: event.data.id, finished, released, pass }, 'The framework did not pass a Webex event on (a failed read?); processing it once more');
      // A pass that timed out has waited long enough already; one that failed fast waits before trying again.
      if (finished === 'processed') await delay(this.deps.retryDelayMs * 2 ** (pass - 2));
      finished = await this.process(event);
    }
    const verdict = key ? this.verdicts.get(key) : undefined;
    if (key) this.verdicts.delete(key);
    if (verdict) {
      if (verdict.outcome === 'handled') await verdict.work;
      return verdict.outcome;
    }
    if (finished === 'timed-out') {
      logger.warn({ resource: event.resource, dataId: event.data.id, afterMs: this.deps.eventTimeoutMs }, 'The framework did not finish processing a Webex event in time; it is lost');
      return 'timed-out';
    }
    if (!key) return 'ignored';
    logger.warn({ resource: event.resource, dataId: event.data.id, passes: PASSES_PER_EVENT }, 'The framework processed a Webex event without passing it on (empty text, a space it could not read, or a failed lookup)');
    return 'dropped';
  }

  /** One pass through the framework's own event processing, bounded in time (it may never settle). */
  private async process(event: WebhookEvent): Promise<'processed' | 'timed-out'> {
    const timer = new AbortController();
    // The framework returns nothing (not a promise) for a resource or event it does not know, and may reject:
    // either way it is done with the event, and whether a listener decided is what counts.
    const processed = Promise.resolve()
      .then(() => this.deps.processEvent(this.deps.framework, event))
      .then(
        () => 'processed' as const,
        (error: unknown) => {
          this.deps.logger.debug({ err: error, resource: event.resource, event: event.event }, 'The framework failed on a Webex event');
          return 'processed' as const;
        },
      );
    const finished = await Promise.race([processed, delay(this.deps.eventTimeoutMs, 'timed-out' as const, { signal: timer.signal })]);
    timer.abort();
    return finished;
  }

  /** Stops accepting events and waits for the events being processed and their handlers. */
  async stop(): Promise<void> {
    this.stopped = true;
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
    this.deps.framework.off('message', this.onFrameworkMessage);
    this.deps.framework.off('attachmentAction', this.onFrameworkAction);
  }

  /**
   * In webhook mode a framework event counts only while its webhook event is being processed and undecided:
   * a late emit from a first pass that timed out (and was processed again) must not run the handler twice.
   */
  private claim(key: string): boolean {
    return !this.deps.webhookMode || this.verdicts.get(key) === null;
  }

  /** Records the listener's verdict for a webhook event being processed (websocket events have no entry). */
  private settle(key: string, verdict: Verdict): void {
    if (this.verdicts.has(key)) this.verdicts.set(key, verdict);
  }

  private readonly onFrameworkMessage = (frameworkBot: Framework.Bot, trigger: Framework.MessageTrigger): void => {
    const { bot, logger } = this.deps;
    const message = trigger.message;
    const key = `messages:${message.id}`;
    if (!this.claim(key)) return;
    const roomType: RoomType = message.roomType ?? (frameworkBot.isGroup ? 'group' : 'direct');
    const mentionedBot = (message.mentionedPeople ?? []).includes(bot.id);
    if (message.personId === bot.id) return this.settle(key, { outcome: 'ignored' });
    if (roomType === 'group' && !mentionedBot) {
      logger.debug({ roomId: message.roomId }, 'Ignoring a group-space message that does not mention the bot');
      return this.settle(key, { outcome: 'ignored' });
    }
    const raw = message.text ?? '';
    const incoming: IncomingMessage = {
      messageId: message.id,
      roomId: message.roomId,
      roomType,
      personId: message.personId,
      personEmail: message.personEmail,
      text: mentionedBot ? stripBotMention({ text: raw, html: message.html, botId: bot.id, botDisplayName: bot.displayName }) : raw,
      ...(message.html !== undefined ? { html: message.html } : {}),
      ...(message.parentId !== undefined ? { parentId: message.parentId } : {}),
      mentionedBot,
    };
    this.settle(key, { outcome: 'handled', work: this.run('onMessage', () => this.deps.handlers.onMessage(incoming)) });
  };

  private readonly onFrameworkAction = (_bot: Framework.Bot, trigger: Framework.AttachmentActionTrigger): void => {
    const action = trigger.attachmentAction;
    const key = `attachmentActions:${action.id}`;
    if (!this.claim(key)) return;
    const incoming: IncomingCardAction = {
      actionId: action.id,
      messageId: action.messageId,
      roomId: action.roomId,
      personId: action.personId,
      ...(trigger.person?.emails?.[0] ? { personEmail: trigger.person.emails[0] } : {}),
      inputs: action.inputs ?? {},
    };
    this.settle(key, { outcome: 'handled', work: this.run('onCardAction', () => this.deps.handlers.onCardAction(incoming)) });
  };

  /** Runs a handler; its failure is logged, never thrown into the framework (which does not await it). */
  private run(name: string, handler: () => Promise<void> | void): Promise<void> {
    const work = Promise.resolve()
      .then(handler)
      .catch((error: unknown) => {
        this.deps.logger.error({ err: error, handler: name }, 'A Webex event handler failed');
      });
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work));
    return work;
  }
}

/** Events that can end in one of our callbacks, keyed like the framework listeners key them. */
function keyFor(event: WebhookEvent): string | undefined {
  if (event.event !== 'created') return undefined;
  if (event.resource === 'messages' || event.resource === 'attachmentActions') return `${event.resource}:${event.data.id}`;
  return undefined;
}
