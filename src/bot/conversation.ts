import { decide, type Asker } from '../access/index.js';
import type { Language } from '../i18n/message.js';
import { renderError, renderHelp, renderLanguageChanged, renderNeedMore, renderRefusal } from '../cards/index.js';
import { renderHistory, renderLanguageChoices, renderWatchReply } from '../cards/render-plain.js';
import { renderWatchStatus } from '../cards/render-watch.js';
import { readPaste } from '../intake/read-paste.js';
import { isDiagnosable, type Evidence } from '../intake/evidence.js';
import { CodedError } from '../errors.js';
import type { IncomingMessage, InboundHandlers } from '../webex/inbound.js';
import { parseCommand } from './commands.js';
import { languageFor, threadOf, type ConversationDeps } from './context.js';
import { runDiagnosis } from './diagnose-flow.js';
import { privateTarget } from './private-target.js';
import { runReverify } from './reverify-flow.js';

/**
 * Every listener of the bot, declared in one place: a message is a command or a paste; a card press is a
 * Re-verify. Receivers (Webex webhooks, local mode) only deliver events here.
 */
export function createConversation(deps: ConversationDeps): InboundHandlers {
  const reverifying = new Set<string>();
  return {
    onMessage: (message) => guarded(deps, message.personId, { roomId: message.roomId, parentId: message.parentId ?? message.messageId }, () => onMessage(deps, message)),
    onCardAction: (action) => guarded(deps, action.personId, { roomId: action.roomId, parentId: action.messageId }, () => runReverify(deps, action, reverifying)),
  };
}

async function onMessage(deps: ConversationDeps, message: IncomingMessage): Promise<void> {
  const command = parseCommand(message.text);
  const thread = threadOf(message);
  const asker = await deps.messenger.lookupPerson(message.personId);
  const evidence = readMessage(command.kind === 'paste' ? command.text : '');
  const language = await languageFor(deps, asker.personId, evidence.language);

  switch (command.kind) {
    case 'help':
      await deps.messenger.post(thread, renderHelp(language));
      return;
    case 'language':
      if (command.language === undefined) {
        await deps.messenger.post(thread, renderLanguageChoices(language));
        return;
      }
      await deps.store.setLanguage(asker.personId, command.language);
      await deps.messenger.post(thread, renderLanguageChanged(command.language));
      return;
    case 'history':
    case 'export': {
      const decision = decide(deps.policy, asker, { kind: command.kind });
      if (!decision.allowed) {
        await deps.messenger.post(thread, renderRefusal({ kind: 'not-allowed' }, language));
        return;
      }
      const runs = command.kind === 'history' ? await deps.store.listRuns({ orgId: asker.orgId, limit: 10 }) : await deps.store.exportRuns({ orgId: asker.orgId });
      // The runs name the tenant, the people who asked and the tracking ids: not for everyone in a group space.
      const target = await privateTarget(deps, { asker, roomId: message.roomId, roomType: message.roomType, thread, tenantId: decision.tenantId, language });
      await deps.messenger.post(target, renderHistory(runs, { language, asExport: command.kind === 'export' }));
      return;
    }
    case 'watch':
    case 'unwatch':
    case 'status':
      await onWatchCommand(deps, { message, asker, kind: command.kind, language });
      return;
    case 'check':
      await runDiagnosis(deps, { asker, evidence, language, roomId: message.roomId, roomType: message.roomType, target: thread });
      return;
    case 'paste':
      if (!isDiagnosable(evidence)) {
        await deps.messenger.post(thread, renderNeedMore(evidence, language));
        return;
      }
      await runDiagnosis(deps, { asker, evidence, language, roomId: message.roomId, roomType: message.roomType, target: thread });
      return;
  }
}

interface WatchCommand {
  message: IncomingMessage;
  asker: Asker;
  kind: 'watch' | 'unwatch' | 'status';
  language: Language;
}

/**
 * A chat message is read like a paste but never refused for its size. The reader's 2 MiB refusal is meant for
 * files; Webex and local mode cap a message long before it, and should a longer one ever arrive, reading its
 * first part and saying so (Evidence.truncated) answers the admin, where a refusal would surface as an error.
 */
function readMessage(text: string): Evidence {
  return readPaste(text, { refuseAboveBytes: Number.POSITIVE_INFINITY });
}

async function onWatchCommand(deps: ConversationDeps, { message, asker, kind, language }: WatchCommand): Promise<void> {
  const thread = threadOf(message);
  const decision = decide(deps.policy, asker, { kind: 'watch' });
  if (!decision.allowed || !deps.watch) {
    await deps.messenger.post(thread, renderRefusal({ kind: decision.allowed ? 'no-tenant' : 'not-allowed' }, language));
    return;
  }
  if (kind === 'unwatch') {
    const removed = await deps.watch.unwatch(message.roomId, decision.tenantId);
    await deps.messenger.post(thread, renderWatchReply({ kind: removed ? 'unwatched' : 'not-watching' }, language));
    return;
  }
  // Watch alerts and the watch status show the tenant's details: they go where everyone may see them.
  const target = await privateTarget(deps, { asker, roomId: message.roomId, roomType: message.roomType, thread, tenantId: decision.tenantId, language });
  if (kind === 'watch') {
    if ('toPersonId' in target) {
      // The asker's 1:1 space is known once something was posted there: the alerts go to that space.
      const posted = await deps.messenger.post(target, renderWatchReply({ kind: 'watching' }, language));
      await deps.watch.watch({ roomId: posted.roomId, tenantId: decision.tenantId, orgId: asker.orgId, personId: asker.personId });
      return;
    }
    await deps.watch.watch({ roomId: message.roomId, tenantId: decision.tenantId, orgId: asker.orgId, personId: asker.personId });
    await deps.messenger.post(target, renderWatchReply({ kind: 'watching' }, language));
    return;
  }
  const status = await deps.watch.status(message.roomId);
  const watching = status.watches.length > 0 || status.closeWatches.length > 0;
  await deps.messenger.post(target, watching ? renderWatchStatus(status, language, deps.watchIntervalMinutes) : renderWatchReply({ kind: 'not-watching' }, language));
}

/**
 * One handler's failure never takes the bot down and never leaves the admin without an answer:
 * it is logged with a reference, and the admin gets that reference (no internals, no secrets).
 */
async function guarded(deps: ConversationDeps, personId: string, thread: { roomId: string; parentId?: string }, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    const reference = deps.newId().slice(0, 8);
    const code = error instanceof CodedError ? error.code : 'unexpected';
    deps.logger.error({ err: error, reference, code }, 'handler failed');
    try {
      const language = await languageFor(deps, personId, 'en');
      await deps.messenger.post(thread, renderError(language, reference));
    } catch (postError) {
      deps.logger.error({ err: postError, reference }, 'could not tell the user about the failure');
    }
  }
}
