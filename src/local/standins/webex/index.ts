/**
 * A faithful stand-in for Webex's REST API (https://webexapis.com/v1), over real HTTP on 127.0.0.1.
 * Used by the tests and by local mode (a browser page that looks like a Webex space), so production code
 * (the framework, the SDK and src/webex/api.ts) runs against it unchanged.
 *
 *   const webex = await startWebexStandin();
 *   const { person: bot, token: botToken } = webex.addPerson({ email: 'doctor@webex.bot', displayName: 'Doctor', type: 'bot' });
 *   const { person: ann, token: annToken } = webex.addPerson({ email: 'ann@example.com', displayName: 'Ann Admin', type: 'person' });
 *   const room = webex.addRoom({ title: 'Ann Admin', type: 'direct', members: [ann.id, bot.id] });
 *   webex.postAs(annToken, { roomId: room.id, text: 'hello' });           // fires messages/created webhooks
 *   webex.postAs(annToken, { roomId, markdown: `<@personId:${bot.id}|Doctor> check` }); // a mention
 *   webex.pressCardButton(annToken, { messageId, inputs: { action: 'reverify' } });     // attachmentActions/created
 *   webex.setFaults({ status429: { count: 1, retryAfter: 1 }, path: /^\/messages/, method: 'POST' });
 *   webex.setFaults({ rejectCards: 1 });                                // the next card is refused (400)
 *   await webex.idle();  // every webhook delivery so far has finished
 *   await webex.stop();
 *
 * Served (Webex's JSON shapes, Hydra ids, `trackingid` header, Webex's 401/404 bodies):
 *   GET /people/me, GET /people?id=…&showAllTypes=… (with notFoundIds), GET /people?email=…, GET /people/{id},
 *   GET /rooms, GET /rooms/{id}, GET /memberships (?roomId, personId, personEmail, max),
 *   POST /messages (roomId | toPersonId | toPersonEmail, text | markdown ≤ 7,439 bytes, parentId, one adaptive card),
 *   GET /messages?roomId&parentId&mentionedPeople, GET/DELETE /messages/{id},
 *   POST /attachment/actions, GET /attachment/actions/{id}, GET/POST/PUT/DELETE /webhooks[/{id}].
 *   Lists page with `max` and a `Link: <…>; rel="next"` header. `{u2cUrl}/…` answers 404 like an unknown catalog.
 * Webhooks: every matching active webhook whose owner may see the change gets Webex's body, signed with
 *   `X-Spark-Signature: hex(HMAC-SHA1(secret, raw body))`. Webex rules kept: "all/all" excludes card presses;
 *   bots only hear group messages that mention them; card presses go to the card's author only.
 *   Delivery is asynchronous, retried on failure, and can be duplicated on purpose (`configureDelivery`).
 */
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:http';
import type { RoomType, WebexAttachmentAction, WebexMessage, WebexPerson, WebexRoom, WebexWebhook } from '../../../webex/types.js';
import { WebhookDelivery } from './delivery.js';
import type { DeliveryOptions, DeliveryRecord } from './delivery.js';
import { FaultInjector } from './faults.js';
import type { Counters, Faults } from './faults.js';
import { WebexRefusal } from './http-errors.js';
import { API_PREFIX, buildStandinApp, U2C_PREFIX } from './server.js';
import { WebexWorld } from './world.js';
import type { NewMessage, NewPerson, WorldEvents } from './world.js';

export type { Counters, DeliveryOptions, DeliveryRecord, Faults, NewMessage, NewPerson, WorldEvents };
export { WebexRefusal };

export interface WebexStandinOptions {
  port?: number;
  host?: string;
  delivery?: Partial<DeliveryOptions>;
}

export interface WebexStandin {
  /** REST base, e.g. http://127.0.0.1:PORT/v1: give it to the bot as its Webex API URL (HYDRA_SERVICE_URL). */
  url: string;
  /** Service catalog base (U2C_SERVICE_URL) for the SDK. */
  u2cUrl: string;
  orgId: string;
  addPerson(input: NewPerson): { person: WebexPerson; token: string };
  /** `members` are person ids; a direct space has exactly two. Fires rooms/memberships created events. */
  addRoom(input: { title: string; type: RoomType; members: string[] }): WebexRoom;
  /** `addedBy` (a member) adds `personId` to a group space: a guest joining later. Fires memberships/created. */
  addMember(roomId: string, personId: string, addedBy: string): void;
  /** What a human does in a Webex client. Throws WebexRefusal (status + Webex's wording) when Webex would refuse. */
  postAs(token: string, input: NewMessage): WebexMessage;
  pressCardButton(token: string, input: { messageId: string; inputs: Record<string, unknown> }): WebexAttachmentAction;
  /** A space's messages, oldest first. */
  messages(roomId: string): WebexMessage[];
  webhooks(): WebexWebhook[];
  /** `message`, `messageDeleted`, `attachmentAction` as they happen (for tests and local mode's page). */
  events: Pick<WebexWorld, 'on' | 'off' | 'once'>;
  setFaults(faults: Faults): void;
  configureDelivery(patch: Partial<DeliveryOptions>): void;
  deliveries: readonly DeliveryRecord[];
  counters: Counters;
  /** Resolves when every webhook delivery started so far (retries included) has finished. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

const DEFAULT_DELIVERY: DeliveryOptions = { retries: 2, retryDelayMs: 250, timeoutMs: 5_000, duplicate: false, botsHearAllGroupMessages: false };

export async function startWebexStandin(options: WebexStandinOptions = {}): Promise<WebexStandin> {
  const world = new WebexWorld();
  const faults = new FaultInjector();
  const delivery = new WebhookDelivery(world, { ...DEFAULT_DELIVERY, ...options.delivery });
  const server = createServer(buildStandinApp(world, faults));
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  const personFor = (token: string): WebexPerson => {
    const person = world.personByToken(token);
    if (!person) throw new WebexRefusal(401, 'The request requires a valid access token set in the Authorization request header.');
    return person;
  };

  return {
    url: `${origin}${API_PREFIX}`,
    u2cUrl: `${origin}${U2C_PREFIX}`,
    orgId: world.orgId,
    addPerson: (input) => world.addPerson(input),
    addRoom: (input) => world.addRoom(input),
    addMember: (roomId, personId, addedBy) => world.addMember(roomId, personId, addedBy),
    postAs: (token, input) => world.createMessage(personFor(token), input),
    pressCardButton: (token, input) => world.createAttachmentAction(personFor(token), { type: 'submit', ...input }),
    messages: (roomId) => world.messagesIn(roomId),
    webhooks: () => world.webhooks.all(),
    events: world,
    setFaults: (f) => faults.set(f),
    configureDelivery: (patch) => delivery.configure(patch),
    deliveries: delivery.records,
    counters: faults.counters,
    idle: () => delivery.idle(),
    async stop() {
      delivery.stop();
      await delivery.idle();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
