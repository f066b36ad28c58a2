import type { WebexPerson, WebexWebhook, WebhookEventName, WebhookResource } from '../../../webex/types.js';
import { badRequest, notFound } from './http-errors.js';
import { hydraId, newHydraId } from './ids.js';

const RESOURCES: readonly WebhookResource[] = ['all', 'messages', 'memberships', 'rooms', 'attachmentActions'];
const EVENTS: readonly WebhookEventName[] = ['all', 'created', 'updated', 'deleted'];
const STATUSES: readonly WebexWebhook['status'][] = ['active', 'inactive'];

/** The stand-in's application id for every webhook (Webex reports the app that created it). */
const APP_ID = hydraId('APPLICATION', 'C80fb9c7096bd8474627317ee1d7a817eff372ca9c9cee3ce43c3ea3e8d1511ec');

/** Webhooks, owned by the person whose token created them; other tokens cannot see them (404, as on Webex). */
export class WebhookRegistry {
  private readonly hooks = new Map<string, WebexWebhook>();

  create(owner: WebexPerson, body: Record<string, unknown>): WebexWebhook {
    const name = requiredString(body, 'name');
    const targetUrl = validUrl(requiredString(body, 'targetUrl'));
    const resource = oneOf(body.resource, RESOURCES, 'resource');
    const event = oneOf(body.event, EVENTS, 'event');
    const hook: WebexWebhook = {
      id: newHydraId('WEBHOOK'),
      name,
      targetUrl,
      resource,
      event,
      ...(typeof body.filter === 'string' && body.filter !== '' ? { filter: body.filter } : {}),
      ...(typeof body.secret === 'string' && body.secret !== '' ? { secret: body.secret } : {}),
      status: 'active',
      created: new Date().toISOString(),
      orgId: owner.orgId,
      createdBy: owner.id,
      appId: APP_ID,
      ownedBy: 'creator',
    };
    this.hooks.set(hook.id, hook);
    return hook;
  }

  listFor(owner: WebexPerson): WebexWebhook[] {
    return [...this.hooks.values()].filter((h) => h.createdBy === owner.id);
  }

  getFor(owner: WebexPerson, id: string): WebexWebhook {
    const hook = this.hooks.get(id);
    if (!hook || hook.createdBy !== owner.id) throw notFound();
    return hook;
  }

  /** PUT /webhooks/{id}: name and targetUrl are required; secret and status optional (Webex's update contract). */
  update(owner: WebexPerson, id: string, body: Record<string, unknown>): WebexWebhook {
    const hook = this.getFor(owner, id);
    hook.name = requiredString(body, 'name');
    hook.targetUrl = validUrl(requiredString(body, 'targetUrl'));
    if (typeof body.secret === 'string') hook.secret = body.secret;
    if (body.status !== undefined) hook.status = oneOf(body.status, STATUSES, 'status');
    return hook;
  }

  delete(owner: WebexPerson, id: string): void {
    this.getFor(owner, id);
    this.hooks.delete(id);
  }

  all(): WebexWebhook[] {
    return [...this.hooks.values()];
  }
}

function requiredString(body: Record<string, unknown>, field: string): string {
  const value = body[field];
  if (typeof value !== 'string' || value.trim() === '') throw badRequest(`${field} is required.`);
  return value;
}

function validUrl(value: string): string {
  try {
    const url = new URL(value);
    if (url.protocol === 'http:' || url.protocol === 'https:') return value;
  } catch {
    // fall through to the refusal below
  }
  throw badRequest('targetUrl must be an absolute http(s) URL.');
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], field: string): T {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw badRequest(`${field} must be one of: ${allowed.join(', ')}.`);
}
