import type { WebexStandin } from './standins/webex/index.js';
import { WebexRefusal } from './standins/webex/index.js';
import type { WebexMessage } from '../webex/types.js';
import { ADAPTIVE_CARD_CONTENT_TYPE } from '../webex/types.js';
import type { LocalPeople } from './webex-space.js';

/** A space as the page lists it. */
export interface SpaceView {
  id: string;
  title: string;
  type: 'direct' | 'group';
}

/** A message as the page draws it: the card when there is one (Webex clients show it instead of the text). */
export interface MessageView {
  id: string;
  roomId: string;
  parentId?: string;
  personId: string;
  personName: string;
  fromBot: boolean;
  mine: boolean;
  text?: string;
  markdown?: string;
  card?: Record<string, unknown>;
  created: string;
}

/**
 * Everything the page does, done as Ann through the Webex stand-in, exactly as a Webex client would: post a
 * message (which fires the bot's webhooks), press a card button (an attachment action), read a space.
 */
export class SpaceSession {
  constructor(
    private readonly webex: WebexStandin,
    private readonly people: LocalPeople,
  ) {}

  spaces(): SpaceView[] {
    return this.people.spaces.map((room) => ({ id: room.id, title: room.title, type: room.type }));
  }

  /** Oldest first. Only Ann's spaces: the page never reads a space she is not in. */
  messages(roomId: string): MessageView[] {
    this.requireSpace(roomId);
    return this.webex.messages(roomId).map((m) => this.view(m));
  }

  /** In a group space, "@Azure AD Doctor" becomes a real mention (the bot only hears group messages that mention it). */
  post(input: { roomId: string; text: string; parentId?: string }): MessageView {
    const space = this.requireSpace(input.roomId);
    const parent = input.parentId === undefined ? {} : { parentId: input.parentId };
    const mention = space.type === 'group' ? withBotMention(input.text, this.people.bot.id, this.people.bot.displayName) : undefined;
    const content = mention === undefined ? { text: input.text } : { markdown: mention };
    return this.view(this.webex.postAs(this.people.meToken, { roomId: input.roomId, ...parent, ...content }));
  }

  press(input: { messageId: string; inputs: Record<string, unknown> }): { id: string } {
    const action = this.webex.pressCardButton(this.people.meToken, input);
    return { id: action.id };
  }

  /** Messages in Ann's spaces as they are created, by anyone (the bot's replies arrive here). */
  onMessage(listener: (message: MessageView) => void): () => void {
    const handler = (message: WebexMessage): void => {
      if (this.people.spaces.some((s) => s.id === message.roomId)) listener(this.view(message));
    };
    this.webex.events.on('message', handler);
    return () => this.webex.events.off('message', handler);
  }

  private requireSpace(roomId: string): SpaceView {
    const space = this.spaces().find((s) => s.id === roomId);
    if (space === undefined) throw new WebexRefusal(404, 'Could not find a room with provided ID.');
    return space;
  }

  private view(message: WebexMessage): MessageView {
    const card = message.attachments?.find((a) => a.contentType === ADAPTIVE_CARD_CONTENT_TYPE)?.content;
    return {
      id: message.id,
      roomId: message.roomId,
      ...(message.parentId === undefined ? {} : { parentId: message.parentId }),
      personId: message.personId,
      personName: this.people.nameOf(message.personId) ?? message.personEmail,
      fromBot: message.personId === this.people.bot.id,
      mine: message.personId === this.people.me.id,
      ...(message.text === undefined ? {} : { text: message.text }),
      ...(message.markdown === undefined ? {} : { markdown: message.markdown }),
      ...(card === undefined ? {} : { card }),
      created: message.created,
    };
  }
}

/**
 * The text as Webex markdown with each "@<bot name>" turned into a mention, or undefined when there is none.
 * Markdown-significant characters elsewhere are left alone: Webex keeps the typed text as the message's text.
 */
export function withBotMention(text: string, botId: string, botName: string): string | undefined {
  const pattern = new RegExp(`@${botName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'gi');
  const marked = text.replace(pattern, `<@personId:${botId}|${botName}>`);
  return marked === text ? undefined : marked;
}
