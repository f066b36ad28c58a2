/**
 * The JSON shapes of Webex's REST API (https://webexapis.com/v1) that this project reads or writes.
 * Only the fields we use or serve are listed; Webex adds fields over time, so readers must tolerate extras.
 * Shared by the bot's client (src/webex/api.ts) and the stand-in (src/local/standins/webex/).
 */

export type PersonType = 'person' | 'bot' | 'appuser';
export type RoomType = 'direct' | 'group';

export interface WebexPerson {
  id: string;
  emails: string[];
  displayName: string;
  nickName?: string;
  firstName?: string;
  lastName?: string;
  userName?: string;
  avatar?: string;
  orgId: string;
  created: string;
  lastModified?: string;
  status?: string;
  type: PersonType;
}

export interface WebexRoom {
  id: string;
  title: string;
  type: RoomType;
  isLocked: boolean;
  lastActivity: string;
  creatorId: string;
  created: string;
  ownerId?: string;
  isReadOnly?: boolean;
}

export interface WebexMembership {
  id: string;
  roomId: string;
  personId: string;
  personEmail: string;
  personDisplayName: string;
  personOrgId: string;
  isModerator: boolean;
  isMonitor: boolean;
  roomType: RoomType;
  created: string;
}

export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

export interface WebexCardAttachment {
  contentType: typeof ADAPTIVE_CARD_CONTENT_TYPE;
  content: Record<string, unknown>;
}

export interface WebexMessage {
  id: string;
  roomId: string;
  roomType: RoomType;
  parentId?: string;
  text?: string;
  markdown?: string;
  html?: string;
  personId: string;
  personEmail: string;
  mentionedPeople?: string[];
  mentionedGroups?: string[];
  attachments?: WebexCardAttachment[];
  files?: string[];
  created: string;
  updated?: string;
}

export interface WebexAttachmentAction {
  id: string;
  type: 'submit';
  messageId: string;
  inputs: Record<string, unknown>;
  personId: string;
  roomId: string;
  created: string;
}

export type WebhookResource = 'all' | 'messages' | 'memberships' | 'rooms' | 'attachmentActions';
export type WebhookEventName = 'all' | 'created' | 'updated' | 'deleted';

export interface WebexWebhook {
  id: string;
  name: string;
  targetUrl: string;
  resource: WebhookResource;
  event: WebhookEventName;
  filter?: string;
  /** Webex returns the secret to the webhook's owner, which lets us check it is the one we expect. */
  secret?: string;
  status: 'active' | 'inactive' | 'disabled';
  created: string;
  orgId: string;
  createdBy: string;
  appId: string;
  ownedBy: 'creator' | 'org';
}

/** The body Webex POSTs to a webhook's targetUrl. `id` is the webhook's id; `data.id` is the resource's. */
export interface WebhookEvent {
  id: string;
  name: string;
  targetUrl: string;
  resource: Exclude<WebhookResource, 'all'>;
  event: Exclude<WebhookEventName, 'all'>;
  filter?: string;
  orgId: string;
  createdBy: string;
  appId: string;
  ownedBy: string;
  status: string;
  created: string;
  actorId: string;
  data: { id: string } & Record<string, unknown>;
}

/** Webex's error body, e.g. for 401: "The request requires a valid access token set in the Authorization request header." */
export interface WebexErrorBody {
  message: string;
  errors?: { description: string }[];
  trackingId?: string;
}

export interface WebexList<T> {
  items: T[];
  /** Only on GET /people?id=…: the ids Webex could not find. */
  notFoundIds?: string[];
}
