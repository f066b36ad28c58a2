import type { MessageRef } from '../i18n/message.js';
import type { FetchProblem, TenantSnapshot } from './snapshot.js';

export type Outcome = 'pass' | 'fail' | 'unknown';

/** Why a check could not give a verdict. `prerequisite` = an earlier check failed, so this one has nothing to look at. */
export interface UnknownReason {
  kind: FetchProblem['kind'] | 'prerequisite';
  problem?: FetchProblem;
  /** The check whose failure made this one moot, for `prerequisite`. */
  dependsOn?: string;
}

/** A fact for the card's FactSet: a label key and a value (already data, rendered per language). */
export interface EvidenceFact {
  label: MessageRef;
  value: MessageRef;
}

export interface Finding {
  checkId: string;
  outcome: Outcome;
  /** One line: what was seen. */
  summary: MessageRef;
  facts: EvidenceFact[];
  unknown?: UnknownReason;
  /** Structured details the diagnosis uses (e.g. missing permission names, remover UPN). */
  details?: Record<string, unknown>;
}

export interface CheckMeta {
  id: string;
  /** Key of the check's title in the i18n strings. */
  title: MessageRef;
  /** Graph permissions (application) the bot needs to run this check. */
  graphPermissions: string[];
  docsUrl: string;
}

export interface Check {
  meta: CheckMeta;
  /** Pure: the same snapshot always gives the same finding. Earlier findings by id, for prerequisites. */
  evaluate(snapshot: TenantSnapshot, earlier: ReadonlyMap<string, Finding>): Finding;
}
