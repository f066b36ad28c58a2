import { msg } from '../i18n/message.js';
import type { Evidence } from '../intake/evidence.js';
import type { BotAccess } from './bot-access.js';
import { botAccessCause } from './bot-access.js';
import type { FindingIndex } from './finding-access.js';
import { causesFromFindings } from './finding-causes.js';
import { pasteSignals } from './paste-signals.js';
import type { PasteCandidate, PasteSignal } from './paste-signals.js';
import { byRank, RANK } from './ranked-cause.js';
import type { RankedCause } from './ranked-cause.js';
import type { CauseId } from './types.js';

/** A deleted app is the missing app's sharper form: the paste's "missing" is explained by either. */
function explains(cause: CauseId, candidate: CauseId): boolean {
  return cause === candidate || (candidate === 'integration-app-missing' && cause === 'integration-app-deleted');
}

function ruledOut(candidate: PasteCandidate, findings: FindingIndex | undefined): boolean {
  return (
    findings !== undefined &&
    candidate.resolvedBy.length > 0 &&
    candidate.resolvedBy.every((id) => findings.outcome(id) === 'pass')
  );
}

/**
 * Folds what the paste says into the causes: evidence joins the failed check that explains it; otherwise the
 * first candidate no passing check rules out becomes likely, the rest possible.
 */
function foldSignal(signal: PasteSignal, causes: Map<CauseId, RankedCause>, findings: FindingIndex | undefined, aadstsCodes: Set<string>): void {
  const explained = [...causes.values()].find(
    (c) => c.confidence === 'confirmed' && signal.candidates.some((k) => explains(c.id, k.id)),
  );
  if (explained !== undefined) {
    explained.evidence.push(...signal.evidence);
    return;
  }
  const open = signal.candidates.filter((k) => !ruledOut(k, findings));
  open.forEach((candidate, index) => {
    const confidence = index === 0 ? 'likely' : 'possible';
    const rank = index === 0 ? RANK.likely : RANK.possible;
    if (candidate.id === 'aadsts' && signal.aadstsCode !== undefined) aadstsCodes.add(signal.aadstsCode);
    const existing = causes.get(candidate.id);
    if (existing === undefined) {
      causes.set(candidate.id, { id: candidate.id, confidence, rank, title: msg(`diagnosis.cause.${candidate.id}`), evidence: [...signal.evidence] });
      return;
    }
    existing.evidence.push(...signal.evidence);
    if (rank > existing.rank) Object.assign(existing, { confidence, rank });
  });
}

/** Every cause, most likely first: failed checks, then the paste, then the bot's own access. */
export function rankCauses(evidence: Evidence, findings: FindingIndex | undefined, access: BotAccess): RankedCause[] {
  const causes = new Map<CauseId, RankedCause>();
  for (const cause of findings === undefined ? [] : causesFromFindings(findings)) causes.set(cause.id, cause);
  const aadstsCodes = new Set<string>();
  for (const signal of pasteSignals(evidence)) foldSignal(signal, causes, findings, aadstsCodes);
  const generic = causes.get('aadsts');
  if (generic !== undefined) generic.title = msg('diagnosis.cause.aadsts', { codes: [...aadstsCodes].map((c) => `AADSTS${c}`).join(', ') });
  const bot = botAccessCause(access);
  if (bot !== undefined) causes.set(bot.id, bot);
  return byRank([...causes.values()]);
}
