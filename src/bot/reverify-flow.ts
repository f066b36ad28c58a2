import { decide } from '../access/index.js';
import { readReverifyAction, renderChecking, renderRefusal } from '../cards/index.js';
import { renderCardExpired } from '../cards/render-plain.js';
import { canonicalWebexId } from '../access/index.js';
import type { IncomingCardAction } from '../webex/inbound.js';
import { languageFor, type ConversationDeps, type ReplyTarget } from './context.js';
import { publishDiagnosis } from './diagnose-flow.js';
import { continuing, privateTarget } from './private-target.js';

/**
 * A Re-verify press. Identity comes from Webex's record of the press (personId), the tenant from OUR record of
 * the card that was pressed (looked up by its message id): nothing in the card's inputs is trusted for either.
 */
export async function runReverify(deps: ConversationDeps, action: IncomingCardAction, inFlight: Set<string>): Promise<void> {
  const pressed = readReverifyAction(action.inputs);
  if (!pressed) {
    deps.logger.info({ actionId: action.actionId }, 'card action ignored: not a Re-verify press');
    return;
  }
  const record = await deps.store.getDiagnosisByMessage(action.messageId);
  const asker = await deps.messenger.lookupPerson(action.personId);
  const language = await languageFor(deps, asker.personId, record?.language ?? 'en');
  const thread: ReplyTarget = { roomId: action.roomId, parentId: record?.parentId ?? action.messageId };

  if (!record || record.id !== pressed.diagnosisId) {
    // Unknown card (purged by retention) or inputs naming another diagnosis than the card pressed: forged or stale.
    deps.logger.warn({ actionId: action.actionId, known: Boolean(record) }, 'Re-verify for an unknown or mismatched diagnosis');
    await deps.messenger.post(thread, renderCardExpired(language));
    return;
  }

  const decision = decide(deps.policy, asker, { kind: 'reverify', tenantId: record.tenantId });
  const pasteOnlyOfOwnOrg = record.tenantId === undefined && canonicalWebexId(asker.orgId) === canonicalWebexId(record.orgId);
  if (!decision.allowed && !pasteOnlyOfOwnOrg) {
    deps.logger.info({ personId: asker.personId, reason: decision.reason }, 'Re-verify refused');
    await deps.messenger.post(thread, renderRefusal({ kind: 'not-allowed' }, language));
    return;
  }

  // A double click is two presses on the same card: answer the first, drop the second while it runs.
  if (inFlight.has(record.id)) return;
  inFlight.add(record.id);
  try {
    const limited = deps.limiter.take({ personId: asker.personId, tenantId: record.tenantId });
    if (!limited.ok) {
      await deps.messenger.post(thread, renderRefusal({ kind: 'rate-limited', retryAfterSeconds: limited.retryAfterSeconds }, language));
      return;
    }
    // The space may have changed since the card was posted (a guest joined): tenant details stay with those allowed.
    const target = record.tenantId === undefined ? thread : await privateTarget(deps, { asker, roomId: action.roomId, thread, tenantId: record.tenantId, language });
    const checking = await deps.messenger.post(target, renderChecking(language));
    const started = Date.now();
    const diagnosis = await deps.doctor.diagnose(record.tenantId, record.diagnosis.evidence);
    await publishDiagnosis(deps, {
      diagnosis,
      previous: record.diagnosis,
      asker,
      language,
      target: continuing(target, checking),
      tenantId: record.tenantId,
      kind: 'reverify',
      durationMs: Date.now() - started,
    });
  } finally {
    inFlight.delete(record.id);
  }
}
