import { CodedError } from '../errors.js';
import { WebexApiError } from './api-errors.js';
import { WebexHttp } from './http.js';
import type { WebexHttpOptions } from './http.js';
import type { WebexLogger } from './logger.js';
import { ADAPTIVE_CARD_CONTENT_TYPE } from './types.js';
import type {
  WebexAttachmentAction,
  WebexList,
  WebexMembership,
  WebexMessage,
  WebexPerson,
  WebexRoom,
  WebexWebhook,
  WebhookEventName,
  WebhookResource,
} from './types.js';

export type WebexApiOptions = WebexHttpOptions;

/** Webex refuses text or markdown above this many UTF-8 bytes. */
export const MAX_MARKDOWN_BYTES = 7439;

export interface PostMessageInput {
  /** The space to post in; or `toPersonId` for the person's 1:1 space with the bot (Webex creates it if needed). */
  roomId?: string;
  toPersonId?: string;
  /** Reply in the thread of this message. */
  parentId?: string;
  /** Always sent: it is what clients without card support (and notifications) show. */
  markdown: string;
  /** An Adaptive Card (schema 1.3) to attach. */
  card?: Record<string, unknown>;
}

export interface PostMessageResult {
  message: WebexMessage;
  /** Webex refused the card (400) and the markdown was posted alone; holds Webex's reason. */
  cardRejected?: string;
}

export interface NewWebhook {
  name: string;
  targetUrl: string;
  resource: WebhookResource;
  event: WebhookEventName;
  filter?: string;
  secret?: string;
}

export interface WebhookUpdate {
  name: string;
  targetUrl: string;
  secret?: string;
  status?: 'active' | 'inactive';
}

/** Most items a list call gathers across pages, so a runaway paging loop cannot hold the bot. */
const LIST_LIMIT = 5000;

/** The bot's own thin Webex REST client: what it sends and the few things it reads. Never logs the token. */
export class WebexApi {
  private readonly http: WebexHttp;
  private readonly logger: WebexLogger | undefined;

  constructor(options: WebexApiOptions) {
    this.http = new WebexHttp(options);
    this.logger = options.logger;
  }

  get apiUrl(): string {
    return this.http.apiUrl;
  }

  /**
   * Posts markdown, with the card as its single attachment. If Webex rejects the card (400), the markdown is
   * posted alone so the user still gets the answer; the rejection is logged and returned.
   */
  async postMessage(input: PostMessageInput): Promise<PostMessageResult> {
    const bytes = Buffer.byteLength(input.markdown, 'utf8');
    if (bytes > MAX_MARKDOWN_BYTES) {
      throw new CodedError('webex_message_too_long', `The message is ${bytes} bytes; Webex accepts at most ${MAX_MARKDOWN_BYTES}`, 'Shorten the markdown or move the details into the card.');
    }
    if ((input.roomId === undefined) === (input.toPersonId === undefined)) {
      throw new CodedError('webex_message_target', 'A message needs exactly one of roomId or toPersonId', 'Pass the space id, or the person id for a 1:1 answer.');
    }
    const where = input.roomId !== undefined ? { roomId: input.roomId } : { toPersonId: input.toPersonId };
    const base = { ...where, markdown: input.markdown, ...(input.parentId ? { parentId: input.parentId } : {}) };
    if (!input.card) return { message: await this.post<WebexMessage>('/messages', base) };
    try {
      const attachments = [{ contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: input.card }];
      return { message: await this.post<WebexMessage>('/messages', { ...base, attachments }) };
    } catch (error) {
      if (!(error instanceof WebexApiError) || error.status !== 400) throw error;
      this.logger?.warn({ code: error.code, trackingId: error.trackingId, reason: error.message }, 'Webex rejected the card; posting the markdown alone');
      return { message: await this.post<WebexMessage>('/messages', base), cardRejected: error.message };
    }
  }

  getMessage(messageId: string): Promise<WebexMessage> {
    return this.get(`/messages/${encodeURIComponent(messageId)}`);
  }

  async deleteMessage(messageId: string): Promise<void> {
    await this.http.request('DELETE', `/messages/${encodeURIComponent(messageId)}`);
  }

  /** The card press as Webex recorded it: the trustworthy source of who pressed and what they entered. */
  getAttachmentAction(actionId: string): Promise<WebexAttachmentAction> {
    return this.get(`/attachment/actions/${encodeURIComponent(actionId)}`);
  }

  getMe(): Promise<WebexPerson> {
    return this.get('/people/me');
  }

  getPerson(personId: string): Promise<WebexPerson> {
    return this.get(`/people/${encodeURIComponent(personId)}`);
  }

  getRoom(roomId: string): Promise<WebexRoom> {
    return this.get(`/rooms/${encodeURIComponent(roomId)}`);
  }

  listMemberships(filter: { roomId?: string; personId?: string; personEmail?: string; max?: number } = {}): Promise<WebexMembership[]> {
    return this.listAll('/memberships', { roomId: filter.roomId, personId: filter.personId, personEmail: filter.personEmail, max: filter.max ?? 100 });
  }

  listWebhooks(): Promise<WebexWebhook[]> {
    return this.listAll('/webhooks', { max: 100 });
  }

  createWebhook(input: NewWebhook): Promise<WebexWebhook> {
    return this.post('/webhooks', input);
  }

  async updateWebhook(webhookId: string, update: WebhookUpdate): Promise<WebexWebhook> {
    return (await this.http.request<WebexWebhook>('PUT', `/webhooks/${encodeURIComponent(webhookId)}`, { body: update })).body;
  }

  async deleteWebhook(webhookId: string): Promise<void> {
    await this.http.request('DELETE', `/webhooks/${encodeURIComponent(webhookId)}`);
  }

  private async get<T>(path: string): Promise<T> {
    return (await this.http.request<T>('GET', path)).body;
  }

  private async post<T>(path: string, body: unknown): Promise<T> {
    return (await this.http.request<T>('POST', path, { body })).body;
  }

  /** Follows `Link: <…>; rel="next"` until the last page (or LIST_LIMIT items). */
  private async listAll<T>(path: string, query: Record<string, string | number | undefined>): Promise<T[]> {
    const items: T[] = [];
    let response = await this.http.request<WebexList<T>>('GET', path, { query });
    for (;;) {
      items.push(...(response.body?.items ?? []));
      const next = nextLink(response.headers.get('link'));
      if (!next || items.length >= LIST_LIMIT) return items;
      response = await this.http.request<WebexList<T>>('GET', next);
    }
  }
}

function nextLink(header: string | null): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(',')) {
    const match = /<([^>]+)>\s*;\s*rel="?next"?/.exec(part);
    if (match?.[1]) return match[1];
  }
  return undefined;
}
