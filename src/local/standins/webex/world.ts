import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type {
  PersonType,
  RoomType,
  WebexAttachmentAction,
  WebexMembership,
  WebexMessage,
  WebexPerson,
  WebexRoom,
} from '../../../webex/types.js';
import { composeContent } from './compose.js';
import type { MessageContentInput } from './compose.js';
import { badRequest, forbidden, notFound, WEBEX_WORDING } from './http-errors.js';
import { hydraId, hydraUuid, newAccessToken, newHydraId } from './ids.js';
import { WebhookRegistry } from './webhook-registry.js';

/** A change Webex would announce to webhooks; `visibleTo` decides which owners may hear of it. */
export interface ResourceEvent {
  resource: 'messages' | 'memberships' | 'rooms' | 'attachmentActions';
  event: 'created' | 'updated' | 'deleted';
  actorId: string;
  roomId: string;
  data: { id: string } & Record<string, unknown>;
}

export interface WorldEvents {
  /** A message was created (by anyone: a human through postAs, or the bot through POST /messages). */
  message: [WebexMessage];
  messageDeleted: [{ id: string; roomId: string }];
  attachmentAction: [WebexAttachmentAction];
  /** Internal: feeds webhook delivery. */
  resourceEvent: [ResourceEvent];
}

export interface NewPerson {
  email: string;
  displayName: string;
  orgId?: string;
  type: Extract<PersonType, 'person' | 'bot'>;
}

export interface NewMessage extends MessageContentInput {
  roomId?: unknown;
  toPersonId?: unknown;
  toPersonEmail?: unknown;
  parentId?: unknown;
}

/** The stand-in's whole state: people and their tokens, spaces, memberships, messages, card presses, webhooks. */
export class WebexWorld extends EventEmitter<WorldEvents> {
  readonly orgUuid = randomUUID();
  readonly orgId = hydraId('ORGANIZATION', this.orgUuid);
  readonly webhooks = new WebhookRegistry();
  private readonly people = new Map<string, WebexPerson>();
  private readonly tokens = new Map<string, string>();
  private readonly rooms = new Map<string, WebexRoom>();
  private readonly memberships = new Map<string, WebexMembership>();
  private readonly messages = new Map<string, WebexMessage>();
  private readonly actions = new Map<string, WebexAttachmentAction>();

  addPerson(input: NewPerson): { person: WebexPerson; token: string } {
    const email = input.email.toLowerCase();
    if (this.findPerson({ email })) throw new Error(`a person with email ${email} already exists`);
    const [firstName, ...rest] = input.displayName.split(' ');
    const person: WebexPerson = {
      id: newHydraId('PEOPLE'),
      emails: [email],
      displayName: input.displayName,
      nickName: firstName ?? input.displayName,
      firstName: firstName ?? input.displayName,
      lastName: rest.join(' '),
      userName: email,
      orgId: input.orgId ?? this.orgId,
      created: now(),
      status: 'unknown',
      type: input.type,
    };
    const token = newAccessToken(this.orgUuid);
    this.people.set(person.id, person);
    this.tokens.set(token, person.id);
    return { person, token };
  }

  personByToken(token: string): WebexPerson | undefined {
    const id = this.tokens.get(token);
    return id === undefined ? undefined : this.people.get(id);
  }

  findPerson(key: { id?: string; email?: string }): WebexPerson | undefined {
    if (key.id !== undefined) return this.people.get(key.id);
    const email = key.email?.toLowerCase();
    return [...this.people.values()].find((p) => p.emails.includes(email ?? ''));
  }

  addRoom(input: { title: string; type: RoomType; members: string[]; creatorId?: string }): WebexRoom {
    const members = [...new Set(input.members)];
    if (members.length === 0 || members.some((id) => !this.people.has(id))) throw new Error('addRoom: members must be known person ids');
    if (input.type === 'direct' && members.length !== 2) throw new Error('addRoom: a direct space has exactly two members');
    const creatorId = input.creatorId ?? (members[0] as string);
    const room: WebexRoom = { id: newHydraId('ROOM'), title: input.title, type: input.type, isLocked: false, lastActivity: now(), creatorId, created: now(), ownerId: 'NOT_APPLICABLE', isReadOnly: false };
    this.rooms.set(room.id, room);
    this.emit('resourceEvent', { resource: 'rooms', event: 'created', actorId: creatorId, roomId: room.id, data: { id: room.id, type: room.type, isLocked: false, lastActivity: room.lastActivity, creatorId, created: room.created } });
    for (const personId of members) this.addMembership(room, personId, creatorId);
    return room;
  }

  /** Someone in a group space adds a person to it (what Webex's POST /memberships does); fires memberships/created. */
  addMember(roomId: string, personId: string, addedBy: string): void {
    const actor = this.people.get(addedBy);
    if (!actor || !this.people.has(personId)) throw new Error('addMember: people must be known person ids');
    const room = this.roomFor(actor, roomId);
    if (room.type === 'direct') throw new Error('addMember: a direct space has exactly two members');
    if (!this.isMember(roomId, personId)) this.addMembership(room, personId, addedBy);
  }

  private addMembership(room: WebexRoom, personId: string, actorId: string): void {
    const person = this.people.get(personId) as WebexPerson;
    const membership: WebexMembership = {
      id: hydraId('MEMBERSHIP', `${hydraUuid(personId)}:${hydraUuid(room.id)}`),
      roomId: room.id,
      personId,
      personEmail: person.emails[0] ?? '',
      personDisplayName: person.displayName,
      personOrgId: person.orgId,
      isModerator: false,
      isMonitor: false,
      roomType: room.type,
      created: now(),
    };
    this.memberships.set(membership.id, membership);
    this.emit('resourceEvent', { resource: 'memberships', event: 'created', actorId, roomId: room.id, data: { ...membership } });
  }

  isMember(roomId: string, personId: string): boolean {
    return [...this.memberships.values()].some((m) => m.roomId === roomId && m.personId === personId);
  }

  /** A room the caller belongs to; Webex answers 404 for rooms you are not in, never 403. */
  roomFor(caller: WebexPerson, roomId: string): WebexRoom {
    const room = this.rooms.get(roomId);
    if (!room || !this.isMember(roomId, caller.id)) throw notFound(WEBEX_WORDING.roomNotFound);
    return room;
  }

  roomsOf(personId: string): WebexRoom[] {
    return [...this.rooms.values()].filter((r) => this.isMember(r.id, personId));
  }

  membershipsWhere(filter: { roomId?: string; personId?: string; personEmail?: string }): WebexMembership[] {
    return [...this.memberships.values()].filter(
      (m) =>
        (filter.roomId === undefined || m.roomId === filter.roomId) &&
        (filter.personId === undefined || m.personId === filter.personId) &&
        (filter.personEmail === undefined || m.personEmail === filter.personEmail.toLowerCase()),
    );
  }

  createMessage(sender: WebexPerson, input: NewMessage): WebexMessage {
    const room = this.targetRoom(sender, input);
    const parentId = this.validParent(room, input.parentId);
    const content = composeContent(input, (key) => this.findPerson(key));
    const message: WebexMessage = {
      id: newHydraId('MESSAGE'),
      roomId: room.id,
      roomType: room.type,
      ...(parentId ? { parentId } : {}),
      ...content,
      personId: sender.id,
      personEmail: sender.emails[0] ?? '',
      created: now(),
    };
    this.messages.set(message.id, message);
    room.lastActivity = message.created;
    this.emit('message', message);
    const { text: _t, markdown: _m, html: _h, attachments: _a, ...ids } = message;
    this.emit('resourceEvent', { resource: 'messages', event: 'created', actorId: sender.id, roomId: room.id, data: ids });
    return message;
  }

  private targetRoom(sender: WebexPerson, input: NewMessage): WebexRoom {
    if (typeof input.roomId === 'string') return this.roomFor(sender, input.roomId);
    const toKey = typeof input.toPersonId === 'string' ? { id: input.toPersonId } : typeof input.toPersonEmail === 'string' ? { email: input.toPersonEmail } : undefined;
    if (!toKey) throw badRequest('Either roomId, toPersonId or toPersonEmail must be specified.');
    const other = this.findPerson(toKey);
    if (!other) throw notFound('Person not found.');
    if (other.id === sender.id) throw badRequest('Cannot send a direct message to yourself.');
    const existing = this.roomsOf(sender.id).find((r) => r.type === 'direct' && this.isMember(r.id, other.id));
    return existing ?? this.addRoom({ title: other.displayName, type: 'direct', members: [sender.id, other.id], creatorId: sender.id });
  }

  private validParent(room: WebexRoom, parentId: unknown): string | undefined {
    if (parentId === undefined || parentId === null) return undefined;
    const parent = typeof parentId === 'string' ? this.messages.get(parentId) : undefined;
    if (!parent || parent.roomId !== room.id) throw badRequest('Invalid parentId: the parent message was not found in this room.');
    if (parent.parentId) throw badRequest('Invalid parentId: a reply cannot be the parent of a thread.');
    return parent.id;
  }

  messageFor(caller: WebexPerson, id: string): WebexMessage {
    const message = this.messages.get(id);
    if (!message || !this.isMember(message.roomId, caller.id)) throw notFound();
    return message;
  }

  /** Chronological; the REST layer reverses to Webex's newest-first order. */
  messagesIn(roomId: string, parentId?: string): WebexMessage[] {
    return [...this.messages.values()].filter((m) => m.roomId === roomId && (parentId === undefined || m.parentId === parentId));
  }

  deleteMessage(caller: WebexPerson, id: string): void {
    const message = this.messageFor(caller, id);
    if (message.personId !== caller.id) throw forbidden('You can only delete your own messages.');
    this.messages.delete(id);
    this.emit('messageDeleted', { id, roomId: message.roomId });
    this.emit('resourceEvent', { resource: 'messages', event: 'deleted', actorId: caller.id, roomId: message.roomId, data: { id, roomId: message.roomId, roomType: message.roomType, personId: message.personId, personEmail: message.personEmail, created: message.created } });
  }

  /** What a client does when someone presses an Action.Submit button on a card. */
  createAttachmentAction(presser: WebexPerson, input: { type?: unknown; messageId?: unknown; inputs?: unknown }): WebexAttachmentAction {
    if (input.type !== 'submit') throw badRequest('type must be "submit".');
    if (typeof input.messageId !== 'string') throw badRequest('messageId is required.');
    const message = this.messageFor(presser, input.messageId);
    if (!message.attachments?.length) throw badRequest('The message has no card to submit.');
    const inputs = typeof input.inputs === 'object' && input.inputs !== null && !Array.isArray(input.inputs) ? (input.inputs as Record<string, unknown>) : {};
    const action: WebexAttachmentAction = { id: newHydraId('ATTACHMENT_ACTION'), type: 'submit', messageId: message.id, inputs, personId: presser.id, roomId: message.roomId, created: now() };
    this.actions.set(action.id, action);
    this.emit('attachmentAction', action);
    const { inputs: _inputs, ...data } = action;
    this.emit('resourceEvent', { resource: 'attachmentActions', event: 'created', actorId: presser.id, roomId: message.roomId, data });
    return action;
  }

  /** Webex lets the presser and the card's author read an action; anyone else gets a 404. */
  attachmentActionFor(caller: WebexPerson, id: string): WebexAttachmentAction {
    const action = this.actions.get(id);
    const cardAuthor = action ? this.messages.get(action.messageId)?.personId : undefined;
    if (!action || (caller.id !== action.personId && caller.id !== cardAuthor)) throw notFound();
    return action;
  }

  /** The author of the message a card press refers to (attachmentActions webhooks go to the card's author only). */
  cardAuthorOf(actionId: string): string | undefined {
    const action = this.actions.get(actionId);
    return action ? this.messages.get(action.messageId)?.personId : undefined;
  }

  roomType(roomId: string): RoomType | undefined {
    return this.rooms.get(roomId)?.type;
  }
}

function now(): string {
  return new Date().toISOString();
}
