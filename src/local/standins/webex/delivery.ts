import { createHmac } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import type { WebexWebhook, WebhookEvent } from '../../../webex/types.js';
import type { ResourceEvent, WebexWorld } from './world.js';

export interface DeliveryOptions {
  /** Further attempts after a failed POST (non-2xx or network error). Webex retries a few times too. */
  retries: number;
  retryDelayMs: number;
  timeoutMs: number;
  /** Send every event twice (Webex does redeliver; receivers must deduplicate). */
  duplicate: boolean;
  /**
   * Webex only tells a bot about group-space messages that @mention it. Turning this on makes the stand-in
   * tell bots about every group message, to prove the bot's own mention filter (as if it were a user integration).
   */
  botsHearAllGroupMessages: boolean;
}

export interface DeliveryRecord {
  webhookId: string;
  targetUrl: string;
  resource: string;
  event: string;
  dataId: string;
  attempt: number;
  /** HTTP status, or the network error's message. */
  outcome: number | string;
}

/** Posts each world change to every matching, active webhook whose owner may see it, signed like Webex. */
export class WebhookDelivery {
  readonly records: DeliveryRecord[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  private readonly controller = new AbortController();

  constructor(
    private readonly world: WebexWorld,
    private readonly options: DeliveryOptions,
  ) {
    world.on('resourceEvent', (change) => {
      for (const hook of world.webhooks.all()) {
        if (!this.matches(hook, change)) continue;
        const copies = this.options.duplicate ? 2 : 1;
        for (let i = 0; i < copies; i++) this.track(this.deliver(hook, change));
      }
    });
  }

  configure(patch: Partial<DeliveryOptions>): void {
    Object.assign(this.options, patch);
  }

  /** Resolves once every delivery started so far (with its retries) has finished. */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  stop(): void {
    this.controller.abort();
  }

  private track(work: Promise<void>): void {
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work));
  }

  private matches(hook: WebexWebhook, change: ResourceEvent): boolean {
    if (hook.status !== 'active') return false;
    // Webex's "all" firehose does not include card presses: those need their own attachmentActions webhook.
    const resourceOk = hook.resource === change.resource || (hook.resource === 'all' && change.resource !== 'attachmentActions');
    if (!resourceOk || (hook.event !== 'all' && hook.event !== change.event)) return false;
    return this.ownerMaySee(hook.createdBy, change) && filterAccepts(hook, change);
  }

  private ownerMaySee(ownerId: string, change: ResourceEvent): boolean {
    if (change.resource === 'attachmentActions') return this.world.cardAuthorOf(change.data.id) === ownerId;
    if (change.resource === 'memberships' && change.data.personId === ownerId) return true;
    if (!this.world.isMember(change.roomId, ownerId)) return false;
    const owner = this.world.findPerson({ id: ownerId });
    const isBotHearingGroupMessage = owner?.type === 'bot' && change.resource === 'messages' && change.event === 'created' && this.world.roomType(change.roomId) === 'group';
    if (!isBotHearingGroupMessage || this.options.botsHearAllGroupMessages || change.actorId === ownerId) return true;
    return Array.isArray(change.data.mentionedPeople) && change.data.mentionedPeople.includes(ownerId);
  }

  private async deliver(hook: WebexWebhook, change: ResourceEvent): Promise<void> {
    const body: WebhookEvent = {
      id: hook.id,
      name: hook.name,
      targetUrl: hook.targetUrl,
      resource: change.resource,
      event: change.event,
      ...(hook.filter ? { filter: hook.filter } : {}),
      orgId: hook.orgId,
      createdBy: hook.createdBy,
      appId: hook.appId,
      ownedBy: hook.ownedBy,
      status: hook.status,
      created: hook.created,
      actorId: change.actorId,
      data: change.data,
    };
    const raw = JSON.stringify(body);
    const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8', 'user-agent': 'Webex-Webhooks/standin' };
    if (hook.secret) headers['x-spark-signature'] = createHmac('sha1', hook.secret).update(raw, 'utf8').digest('hex');
    for (let attempt = 1; attempt <= this.options.retries + 1; attempt++) {
      if (this.controller.signal.aborted) return;
      const outcome = await post(hook.targetUrl, raw, headers, AbortSignal.any([this.controller.signal, AbortSignal.timeout(this.options.timeoutMs)]));
      this.records.push({ webhookId: hook.id, targetUrl: hook.targetUrl, resource: change.resource, event: change.event, dataId: change.data.id, attempt, outcome });
      if (typeof outcome === 'number' && outcome >= 200 && outcome < 300) return;
      if (attempt <= this.options.retries) {
        await delay(this.options.retryDelayMs * attempt, undefined, { signal: this.controller.signal }).catch(() => undefined);
      }
    }
  }
}

async function post(url: string, body: string, headers: Record<string, string>, signal: AbortSignal): Promise<number | string> {
  try {
    const res = await fetch(url, { method: 'POST', body, headers, signal });
    await res.arrayBuffer();
    return res.status;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}

/** Webex filters: `key=value` pairs joined by `&` (roomId, roomType, personId, personEmail, mentionedPeople=me). */
function filterAccepts(hook: WebexWebhook, change: ResourceEvent): boolean {
  if (!hook.filter) return true;
  return hook.filter.split('&').every((pair) => {
    const [key = '', rawValue = ''] = pair.split('=');
    const value = decodeURIComponent(rawValue);
    if (key === 'roomId') return change.roomId === value;
    if (key === 'mentionedPeople') {
      const wanted = value === 'me' ? hook.createdBy : value;
      return Array.isArray(change.data.mentionedPeople) && change.data.mentionedPeople.includes(wanted);
    }
    return change.data[key] === value;
  });
}
