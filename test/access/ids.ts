import { randomUUID } from 'node:crypto';

/** Realistic Webex REST ids: base64 of `ciscospark://us/<TYPE>/<uuid>`, as the people API returns them. */
export function hydraId(type: 'PEOPLE' | 'ORGANIZATION', uuid: string = randomUUID()): string {
  return Buffer.from(`ciscospark://us/${type}/${uuid}`).toString('base64').replace(/=+$/, '');
}
