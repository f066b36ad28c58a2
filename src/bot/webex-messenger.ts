import type { WebexApi } from '../webex/api.js';
import type { Messenger } from './context.js';

/** The conversation's Messenger over our Webex REST client: identity always from Webex's own records. */
export function webexMessenger(api: WebexApi): Messenger {
  return {
    async post(target, message) {
      const where = 'toPersonId' in target ? { toPersonId: target.toPersonId } : { roomId: target.roomId, parentId: target.parentId };
      const { message: posted } = await api.postMessage({ ...where, markdown: message.markdown, card: message.card as Record<string, unknown> | undefined });
      return { messageId: posted.id, roomId: posted.roomId };
    },
    async lookupPerson(personId) {
      const person = await api.getPerson(personId);
      return { personId: person.id, orgId: person.orgId, emails: person.emails };
    },
    async members(roomId) {
      const memberships = await api.listMemberships({ roomId });
      return memberships.map((m) => ({ personId: m.personId, orgId: m.personOrgId, emails: [m.personEmail] }));
    },
  };
}
