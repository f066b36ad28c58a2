import { decide, type Asker } from '../access/index.js';
import { renderChecking, renderDiagnosis, renderRefusal } from '../cards/index.js';
import type { Diagnosis } from '../diagnosis/types.js';
import type { Language } from '../i18n/message.js';
import type { Evidence } from '../intake/evidence.js';
import type { RunKind } from '../store/types.js';
import type { ConversationDeps, ReplyTarget } from './context.js';
import { continuing, privateTarget } from './private-target.js';

export interface DiagnoseRequest {
  asker: Asker;
  evidence: Evidence;
  language: Language;
  roomId: string;
  roomType: 'direct' | 'group';
  target: ReplyTarget;
}

/**
 * A paste (or "check my tenant"): authorise, keep tenant data out of spaces with outsiders,
 * say "checking…", run the checks, post the card in the thread, remember it for Re-verify.
 */
export async function runDiagnosis(deps: ConversationDeps, request: DiagnoseRequest): Promise<void> {
  const { asker, language } = request;
  const decision = decide(deps.policy, asker, { kind: 'diagnose' });
  if (!decision.allowed && decision.reason !== 'no-tenant-for-org') {
    deps.logger.info({ personId: asker.personId, reason: decision.reason }, 'diagnosis refused');
    await deps.messenger.post(request.target, renderRefusal({ kind: 'not-allowed' }, language));
    return;
  }
  // An allowed org with no tenant mapped still gets a diagnosis from the paste alone (it reveals no tenant).
  const tenantId = decision.allowed ? decision.tenantId : undefined;

  const limited = deps.limiter.take({ personId: asker.personId, tenantId });
  if (!limited.ok) {
    await deps.messenger.post(request.target, renderRefusal({ kind: 'rate-limited', retryAfterSeconds: limited.retryAfterSeconds }, language));
    return;
  }

  const target = tenantId === undefined ? request.target : await privateTarget(deps, { asker, roomId: request.roomId, roomType: request.roomType, thread: request.target, tenantId, language });
  const checking = await deps.messenger.post(target, renderChecking(language));
  const answerTarget = continuing(target, checking);

  const started = Date.now();
  const diagnosis = await deps.doctor.diagnose(tenantId, request.evidence);
  await publishDiagnosis(deps, {
    diagnosis,
    asker,
    language,
    target: answerTarget,
    tenantId,
    kind: 'diagnose',
    durationMs: Date.now() - started,
  });
}

export interface Publication {
  diagnosis: Diagnosis;
  previous?: Diagnosis;
  asker: Asker;
  language: Language;
  target: ReplyTarget;
  tenantId: string | undefined;
  kind: RunKind;
  durationMs: number;
}

/** Posts the card, then stores it by its message id (how a later Re-verify press finds it) and audits the run. */
export async function publishDiagnosis(deps: ConversationDeps, p: Publication): Promise<void> {
  const id = deps.newId();
  const rendered = renderDiagnosis(p.diagnosis, { language: p.language, diagnosisId: id, previous: p.previous, trustedOrigins: deps.trustedOrigins });
  for (const warning of rendered.warnings ?? []) deps.logger.warn({ diagnosisId: id }, warning);
  const posted = await deps.messenger.post(p.target, rendered);
  const parentId = 'parentId' in p.target ? p.target.parentId : undefined;
  const now = deps.now().toISOString();
  await deps.store.saveDiagnosis({
    id,
    messageId: posted.messageId,
    roomId: posted.roomId,
    parentId,
    orgId: p.asker.orgId,
    tenantId: p.tenantId,
    askedBy: p.asker.personId,
    language: p.language,
    createdAt: now,
    diagnosis: p.diagnosis,
  });
  if (p.tenantId !== undefined) {
    await deps.store.recordRun({
      id: deps.newId(),
      at: now,
      personId: p.asker.personId,
      orgId: p.asker.orgId,
      roomId: posted.roomId,
      tenantId: p.tenantId,
      kind: p.kind,
      checks: p.diagnosis.findings.map((f) => f.checkId),
      outcome: p.diagnosis.verdict,
      durationMs: p.durationMs,
      trackingIds: p.diagnosis.evidence.trackingIds,
    });
    if (deps.watch && p.diagnosis.fix.actions.some((a) => a.kind === 'admin-consent' || a.kind === 'restore-deleted')) {
      // The admin is about to follow the link: look again every minute for a while and say so when the fix lands.
      await deps.watch.watchClosely({ tenantId: p.tenantId, roomId: posted.roomId, parentId: parentId ?? posted.messageId, diagnosis: p.diagnosis, orgId: p.asker.orgId, personId: p.asker.personId });
    }
  }
}
