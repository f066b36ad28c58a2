import { randomBytes, randomUUID } from 'node:crypto';

/**
 * Webex "Hydra" ids: base64url (no padding) of `ciscospark://us/<TYPE>/<uuid>`, exactly as the Webex SDK builds
 * and parses them. Realistic ids matter: the SDK's people batcher decodes ids and keys its requests by them.
 */
export type HydraType = 'PEOPLE' | 'ROOM' | 'MESSAGE' | 'MEMBERSHIP' | 'ORGANIZATION' | 'WEBHOOK' | 'ATTACHMENT_ACTION' | 'APPLICATION';

export function hydraId(type: HydraType, uuid: string): string {
  return Buffer.from(`ciscospark://us/${type}/${uuid}`, 'utf8').toString('base64url');
}

export function newHydraId(type: HydraType): string {
  return hydraId(type, randomUUID());
}

/** The uuid inside a Hydra id, or undefined when the string is not one of ours. */
export function hydraUuid(id: string): string | undefined {
  const decoded = Buffer.from(id, 'base64url').toString('utf8');
  const match = /^ciscospark:\/\/[a-z0-9-]+\/[A-Z_]+\/(.+)$/.exec(decoded);
  return match?.[1];
}

/**
 * A token shaped like a real bot token: `<64 alphanumerics>_<cluster>_<org uuid>`. The three-part form is what
 * makes the SDK read the org id from the token and ask the U2C service catalog first, as it does against Webex.
 */
export function newAccessToken(orgUuid: string): string {
  // Alphanumeric only: an `_` inside the first part would break the SDK's three-part split.
  const secret = randomBytes(64).toString('base64').replace(/[^A-Za-z0-9]/g, '').slice(0, 64);
  return `${secret}_PF84_${orgUuid}`;
}

/** Webex's trackingId style, e.g. ROUTER_5F1C2B3A-…, sent as the `trackingid` header and in error bodies. */
export function newTrackingId(): string {
  return `ROUTER_${randomUUID().toUpperCase()}`;
}
