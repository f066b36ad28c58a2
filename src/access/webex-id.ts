/**
 * Webex names the same person or organisation two ways: the REST API's base64 "Hydra" id
 * (base64 of `ciscospark://us/ORGANIZATION/<uuid>`) and the bare UUID Control Hub shows in its Debug Info.
 * Policy settings may be written either way, so ids are compared in one canonical form: the lower-case UUID.
 */

const HYDRA_URI = /^ciscospark:\/\/[a-z0-9-]+\/[A-Z_]+\/([0-9a-fA-F-]{36})$/;

/** The lower-case UUID inside a Hydra id, or the trimmed, lower-cased input when it is not one. */
export function canonicalWebexId(id: string): string {
  const trimmed = id.trim();
  const decoded = decodeBase64(trimmed);
  const match = decoded === undefined ? null : HYDRA_URI.exec(decoded);
  return (match?.[1] ?? trimmed).toLowerCase();
}

function decodeBase64(text: string): string | undefined {
  // Hydra ids are unpadded base64 (sometimes base64url); anything else is not one of them.
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(text)) return undefined;
  return Buffer.from(text.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8');
}
