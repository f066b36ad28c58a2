import { runChecks } from '../../src/checks/index.js';
import type { TenantSnapshot } from '../../src/checks/snapshot.js';
import { diagnose } from '../../src/diagnosis/diagnose.js';
import type { DiagnoseInput } from '../../src/diagnosis/diagnose.js';
import type { Diagnosis, FixAction } from '../../src/diagnosis/types.js';
import type { Evidence } from '../../src/intake/evidence.js';
import type { MessageRef } from '../../src/i18n/message.js';
import { emptyEvidence } from '../fixtures/tenant/evidence.js';

export const LOGIN = 'https://login.microsoftonline.com';
export const NOW = '2023-05-22T09:01:00.000Z';

/** The whole road for a tenant: snapshot → runChecks → diagnose. */
export function diagnoseTenant(snapshot: TenantSnapshot, evidence: Evidence = emptyEvidence(), extra: Partial<DiagnoseInput> = {}): Diagnosis {
  return diagnose({ evidence, findings: runChecks(snapshot), snapshot, loginHost: LOGIN, now: NOW, cloud: 'global', ...extra });
}

/** The paste alone: no tenant connected. */
export function diagnosePaste(evidence: Evidence, extra: Partial<DiagnoseInput> = {}): Diagnosis {
  return diagnose({ evidence, loginHost: LOGIN, now: NOW, ...extra });
}

export function keys(refs: readonly MessageRef[]): string[] {
  return refs.map((r) => r.key);
}

export function action<K extends FixAction['kind']>(d: Diagnosis, kind: K): Extract<FixAction, { kind: K }> | undefined {
  return d.fix.actions.find((a): a is Extract<FixAction, { kind: K }> => a.kind === kind);
}
