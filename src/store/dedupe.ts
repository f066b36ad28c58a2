import type { EventDeduper, Store } from './types.js';

/** The store as the webhook receiver's deduper: the database's unique key decides, across replicas. */
export function asEventDeduper(store: Pick<Store, 'recordEventOnce'>): EventDeduper {
  return { firstTime: (eventId) => store.recordEventOnce(eventId) };
}
