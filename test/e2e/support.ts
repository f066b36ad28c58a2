import { createHmac } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { expect } from 'vitest';
import type { WebexStandin } from '../../src/local/standins/webex/index.js';
import type { WebexMessage, WebexRoom } from '../../src/webex/types.js';
import { E2E_WEBHOOK_SECRET, type Person, type World } from '../support/bot-process.js';

/**
 * Helpers shared by the end-to-end suites: a transcript of everything said in the Webex stand-in, the card
 * and its Re-verify button, signed webhook calls, and the "no tenant data here" assertion.
 */

/** Every message created in the stand-in (people's and the bot's), in order, as it happens. */
export class Transcript {
  private readonly all: WebexMessage[] = [];
  private readonly record = (message: WebexMessage): void => {
    this.all.push(message);
  };

  constructor(
    private readonly world: World,
    private readonly defaultTimeoutMs = 25_000,
  ) {
    world.webex.events.on('message', this.record);
  }

  /** A position in the transcript: pass it as `since` to look only at what came after. */
  mark(): number {
    return this.all.length;
  }

  /** The bot's messages after `since`, optionally only in one space / one thread. */
  bot(options: { since?: number; roomId?: string; parentId?: string } = {}): WebexMessage[] {
    return this.all
      .slice(options.since ?? 0)
      .filter((m) => m.personId === this.world.bot.person.id)
      .filter((m) => options.roomId === undefined || m.roomId === options.roomId)
      .filter((m) => options.parentId === undefined || m.parentId === options.parentId);
  }

  /** Waits for the first bot message after `since` that matches. */
  async waitForBot(match: (m: WebexMessage) => boolean, options: { since?: number; timeoutMs?: number; what?: string } = {}): Promise<WebexMessage> {
    const deadline = Date.now() + (options.timeoutMs ?? this.defaultTimeoutMs);
    for (;;) {
      const found = this.bot({ since: options.since }).find(match);
      if (found) return found;
      if (Date.now() > deadline) {
        const seen = this.bot({ since: options.since }).map((m) => (m.markdown ?? m.text ?? '').slice(0, 120));
        throw new Error(`no bot message ${options.what ?? 'matching'} within the time limit; saw ${JSON.stringify(seen)}`);
      }
      await delay(100);
    }
  }

  /** Waits for the bot's diagnosis card (a message with a card carrying a Re-verify button) after `since`. */
  waitForCard(options: { since?: number; roomId?: string; parentId?: string; timeoutMs?: number }): Promise<WebexMessage> {
    return this.waitForBot(
      (m) => reverifyOf(m) !== undefined && (options.roomId === undefined || m.roomId === options.roomId) && (options.parentId === undefined || m.parentId === options.parentId),
      { since: options.since, timeoutMs: options.timeoutMs, what: 'with a diagnosis card' },
    );
  }

  /**
   * Lets the bot finish whatever it is doing: resolves once the stand-in has delivered every webhook so far
   * and `quietMs` passed without a new bot message.
   */
  async settle(quietMs = 1_500): Promise<void> {
    for (;;) {
      await this.world.webex.idle();
      const before = this.all.length;
      await delay(quietMs);
      if (this.all.length === before) return;
    }
  }

  dispose(): void {
    this.world.webex.events.off('message', this.record);
  }
}

/**
 * Lets the bot take in spaces just created. webex-node-bot-framework drops every message that arrives while it
 * is still setting itself up in a space it was just added to; the bot processes such a message again after a
 * back-off (conversation.test.ts proves it), which would only slow the suites down, so they make their spaces
 * first and let the set-up finish before anyone speaks.
 */
export async function spacesReady(world: World, graceMs = 1_000): Promise<void> {
  await world.webex.idle();
  await delay(graceMs);
}

export function cardOf(message: WebexMessage | undefined): Record<string, unknown> | undefined {
  return message?.attachments?.[0]?.content;
}

/** The data of the card's Re-verify button (Action.Submit), as a Webex client would send it back. */
export function reverifyOf(message: WebexMessage | undefined): { action: 'reverify'; diagnosisId: string } | undefined {
  const actions = cardOf(message)?.actions;
  if (!Array.isArray(actions)) return undefined;
  for (const action of actions as Record<string, unknown>[]) {
    const data = action.data as Record<string, unknown> | undefined;
    if (action.type === 'Action.Submit' && data?.action === 'reverify' && typeof data.diagnosisId === 'string') {
      return { action: 'reverify', diagnosisId: data.diagnosisId };
    }
  }
  return undefined;
}

/** Everything a message shows a reader: its Markdown, its text and its card. */
export function visibleText(message: WebexMessage): string {
  return [message.markdown ?? '', message.text ?? '', JSON.stringify(cardOf(message) ?? {})].join('\n');
}

/** The Markdown a Webex client produces when someone @mentions the bot before their text. */
export function mentioning(world: World, text: string): string {
  return `<@personId:${world.bot.person.id}|${world.bot.person.displayName}> ${text}`;
}

/** What people outside a tenant must never see: its id, the directory's people, any card. */
export function expectNoTenantData(messages: WebexMessage[], tenantIds: (string | undefined)[]): void {
  for (const message of messages) {
    expect(message.attachments ?? []).toHaveLength(0);
    const shown = visibleText(message).toLowerCase();
    for (const tenantId of tenantIds) if (tenantId) expect(shown).not.toContain(tenantId.toLowerCase());
    expect(shown).not.toContain('contoso.com');
    expect(shown).not.toContain('adminconsent');
  }
}

/** POSTs a raw body to a bot's webhook URL, signed with `secret` like Webex does (or with a given signature). */
export async function postWebhook(url: string, body: string, options: { secret?: string; signature?: string } = {}): Promise<number> {
  const signature = options.signature ?? createHmac('sha1', options.secret ?? E2E_WEBHOOK_SECRET).update(body, 'utf8').digest('hex');
  const res = await fetch(url, { method: 'POST', body, headers: { 'content-type': 'application/json', 'x-spark-signature': signature } });
  await res.arrayBuffer();
  return res.status;
}

/** Someone adds a person to an existing group space (a guest joining later, after a tenant's card was posted). */
export function addMember(webex: WebexStandin, room: WebexRoom, newcomer: Person, addedBy: Person): void {
  webex.addMember(room.id, newcomer.person.id, addedBy.person.id);
}
