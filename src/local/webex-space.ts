import type { WebexStandin } from './standins/webex/index.js';
import type { WebexPerson, WebexRoom } from '../webex/types.js';

/** Who lives in the local Webex org: the bot, the admin the page acts as, and a colleague for the group space. */
export interface LocalPeople {
  bot: WebexPerson;
  botToken: string;
  /** The page acts as Ann: every message and card press goes through the stand-in with her token. */
  me: WebexPerson;
  meToken: string;
  colleague: WebexPerson;
  /** Ann's spaces, in the order the page lists them. */
  spaces: WebexRoom[];
  /** Display name by person id, for the page (the stand-in's people API needs a token per lookup). */
  nameOf(personId: string): string | undefined;
}

export const BOT_DISPLAY_NAME = 'Azure AD Doctor';
const BOT_EMAIL = 'azure-ad-doctor@webex.bot';

/**
 * The same setting a new admin would have after adding the bot in Webex: a 1:1 space with it, and a team space
 * "IT Ops" where it only hears messages that @mention it.
 */
export function populateLocalOrg(webex: WebexStandin): LocalPeople {
  const { person: bot, token: botToken } = webex.addPerson({ email: BOT_EMAIL, displayName: BOT_DISPLAY_NAME, type: 'bot' });
  const { person: me, token: meToken } = webex.addPerson({ email: 'ann@contoso.example', displayName: 'Ann Admin', type: 'person' });
  const { person: colleague } = webex.addPerson({ email: 'claire@contoso.example', displayName: 'Claire Dubois', type: 'person' });
  // Webex titles a 1:1 space after the other person, as Ann sees it.
  const direct = webex.addRoom({ title: BOT_DISPLAY_NAME, type: 'direct', members: [me.id, bot.id] });
  const group = webex.addRoom({ title: 'IT Ops', type: 'group', members: [me.id, colleague.id, bot.id] });
  const names = new Map([bot, me, colleague].map((p) => [p.id, p.displayName]));
  return { bot, botToken, me, meToken, colleague, spaces: [direct, group], nameOf: (id) => names.get(id) };
}
