/**
 * Just the parts of webex-node-bot-framework 2.3.x (CommonJS, untyped) that src/webex/framework.ts uses.
 * Shapes follow node_modules/webex-node-bot-framework/lib/framework.js and lib/process-event.js.
 */
declare module 'webex-node-bot-framework' {
  import type { EventEmitter } from 'node:events';

  namespace Framework {
    interface Options {
      token: string;
      webhookUrl?: string;
      webhookSecret?: string;
      /** Default true: deletes EVERY webhook of the token at start (other instances' too). */
      removeWebhooksOnStart?: boolean;
      maxStartupSpaces?: number;
      messageFormat?: 'text' | 'markdown' | 'html';
    }

    interface Person {
      id: string;
      emails: string[];
      displayName: string;
      type?: string;
    }

    interface Room {
      id: string;
      title: string;
      type: 'direct' | 'group';
    }

    /** The framework's per-space object. */
    interface Bot {
      id: string;
      room: Room;
      isDirect: boolean;
      isGroup: boolean;
    }

    interface Message {
      id: string;
      roomId: string;
      roomType?: 'direct' | 'group';
      parentId?: string;
      text?: string;
      html?: string;
      markdown?: string;
      personId: string;
      personEmail: string;
      mentionedPeople?: string[];
    }

    interface AttachmentAction {
      id: string;
      type: string;
      messageId: string;
      inputs: Record<string, unknown>;
      personId: string;
      roomId: string;
      created: string;
    }

    interface MessageTrigger {
      type: 'message';
      id: string;
      text?: string;
      message: Message;
      person: Person;
      personId: string;
    }

    interface AttachmentActionTrigger {
      type: 'attachmentAction';
      id: string;
      attachmentAction: AttachmentAction;
      person: Person;
      personId: string;
    }

    /** A webhook as Webex returns it; the framework keeps its own two here once it has created them. */
    interface Webhook {
      id?: string;
      name?: string;
    }
  }

  class Framework extends EventEmitter {
    constructor(options: Framework.Options);
    options: Framework.Options;
    active: boolean;
    initialized: boolean;
    person: Framework.Person;
    email: string;
    /** `{}` until created, the webhook once created, `false` when creating it failed. */
    webhook: Framework.Webhook | false;
    cardsWebhook: Framework.Webhook | false;
    /** The Webex SDK instance (untyped here: only src/webex/sdk-workarounds.ts looks inside, defensively). */
    webex: unknown;
    /** When set, the framework's debug lines go here instead of the `debug` package. */
    debugger?: (message: string, id: string) => void;
    start(): Promise<boolean>;
    stop(): Promise<boolean>;
    on(event: 'message', listener: (bot: Framework.Bot, trigger: Framework.MessageTrigger, id: string) => void): this;
    on(event: 'attachmentAction', listener: (bot: Framework.Bot, trigger: Framework.AttachmentActionTrigger, id: string) => void): this;
    on(event: 'log', listener: (message: string) => void): this;
    on(event: string, listener: (...args: unknown[]) => void): this;
  }

  export = Framework;
}

declare module 'webex-node-bot-framework/lib/process-event.js' {
  import type Framework from 'webex-node-bot-framework';

  /**
   * What the framework's webhook and websocket handlers call for each event. Drops events whose `name`
   * differs from `framework.webhook.name`; never rejects (failures are logged through `framework.debug`).
   */
  function processEvent(framework: Framework, body: object, name?: string): Promise<unknown>;
  export = processEvent;
}
