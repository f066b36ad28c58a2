import { createHmac, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';
import { renderChecking } from '../../../src/cards/index.js';
import { hydraId } from '../../../src/local/standins/webex/ids.js';
import { projectPath } from '../../../src/paths.js';
import type { WebexMessage, WebexRoom } from '../../../src/webex/types.js';
import type { Person, World } from '../../support/bot-process.js';

/** What admins paste: Control Hub's toast with its "Copy Debug Info" block (English). */
export const DEBUG_PASTE = readFileSync(projectPath('test/fixtures/pastes/en-debug-info.txt'), 'utf8');

const CHECKING_EN = renderChecking('en').markdown;

/** A card the bot posted, as Webex stores it. */
export function cardOf(message: WebexMessage | undefined): Record<string, unknown> | undefined {
  return message?.attachments?.[0]?.content as Record<string, unknown> | undefined;
}

/** The bot's messages in a space (optionally in one thread), oldest first. */
export function botMessagesIn(world: World, roomId: string, parentId?: string): WebexMessage[] {
  return world.webex.messages(roomId).filter((m) => m.personId === world.bot.person.id && (parentId === undefined || m.parentId === parentId));
}

/** The bot's replies to one message other than the "checking…" note: the answer (card, refusal or error). */
export function answersTo(world: World, message: WebexMessage): WebexMessage[] {
  return botMessagesIn(world, message.roomId, message.id).filter((m) => m.markdown !== CHECKING_EN);
}

/** Waits until `check` holds (or fails after `timeoutMs`, naming `what`). */
export async function until<T>(what: string, check: () => T | undefined | false, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await delay(50);
  }
}

/** Posts `text` as `person` in `room` and waits for the bot's answer in its thread. */
export async function ask(world: World, person: Person, room: WebexRoom, text: string, timeoutMs = 20_000): Promise<{ paste: WebexMessage; answer: WebexMessage; ms: number }> {
  const started = Date.now();
  const paste = world.webex.postAs(person.token, { roomId: room.id, text });
  const answer = await until(`the bot's answer to a paste of ${text.length} chars`, () => answersTo(world, paste)[0], timeoutMs);
  return { paste, answer, ms: Date.now() - started };
}

/** Another Webex organisation with one admin; map it to a tenant with TENANT_MAP (`orgUuid=tenantId`). */
export function addOrg(world: World, name: string): { orgUuid: string; orgId: string; admin: Person } {
  const orgUuid = randomUUID();
  const orgId = hydraId('ORGANIZATION', orgUuid);
  const admin = world.webex.addPerson({ email: `admin@${name}.example`, displayName: `${name} Admin`, type: 'person', orgId });
  return { orgUuid, orgId, admin };
}

/** POSTs raw bytes to the bot's webhook endpoint: signed with `secret` like Webex, or with `signature` as given, or unsigned. */
export async function postWebhook(port: number, body: string | Uint8Array, options: { secret?: string; signature?: string } = {}): Promise<{ status: number }> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const signature = options.signature ?? (options.secret === undefined ? undefined : createHmac('sha1', options.secret).update(body).digest('hex'));
  if (signature !== undefined) headers['x-spark-signature'] = signature;
  // A copy backed by a plain ArrayBuffer: what fetch's types accept as a body.
  const res = await fetch(`http://127.0.0.1:${port}/webex/webhook`, { method: 'POST', headers, body: typeof body === 'string' ? body : new Uint8Array(body) });
  await res.arrayBuffer();
  return { status: res.status };
}
