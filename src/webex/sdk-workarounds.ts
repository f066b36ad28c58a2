import type Framework from 'webex-node-bot-framework';

/**
 * The Webex SDK (2.4.x) batches person lookups and keys each pending lookup by person id. When the batch
 * request fails with an HTTP error (a 404 on GET /people?id=…), the batcher never settles that lookup and
 * never forgets it: every later lookup of the same person joins the dead one, so the framework silently
 * drops every message and card press from that person until the process restarts.
 * This forgets the dead lookup so the next attempt asks Webex again. Returns whether there was one.
 * It reaches into SDK internals (webex.people.batcher.deferreds), so it checks every step and does nothing
 * if the SDK is shaped differently.
 */
export function releaseStuckPersonLookup(framework: Framework, personId: string): boolean {
  const people = (framework.webex as { people?: { batcher?: { deferreds?: Partial<MapLike> } } } | undefined)?.people;
  const deferreds = people?.batcher?.deferreds;
  // The SDK's Map comes from core-js (babel runtime), not always the global Map: check the shape, not the class.
  if (typeof deferreds?.has !== 'function' || typeof deferreds.delete !== 'function') return false;
  if (!deferreds.has(personId)) return false;
  deferreds.delete(personId);
  return true;
}

interface MapLike {
  has(key: string): boolean;
  delete(key: string): boolean;
}
