import type { Diagnosis } from '../diagnosis/types.js';
import { isLanguage } from '../i18n/message.js';
import type { Language } from '../i18n/message.js';
import type { DiagnosisRecord, RunKind, RunRecord, WatchRecord } from './types.js';

/**
 * Table rows as the drivers return them, and their conversion to and from the records of `Store`.
 * PostgreSQL returns BIGINT columns as strings (they may exceed 2^53), SQLite as numbers: hence `Num`.
 */
type Num = number | string;

export interface DiagnosisRow {
  id: string;
  message_id: string | null;
  room_id: string;
  parent_id: string | null;
  org_id: string;
  tenant_id: string | null;
  asked_by: string;
  language: string;
  created_ms: Num;
  diagnosis_json: string;
}

export interface RunRow {
  id: string;
  at_ms: Num;
  person_id: string;
  org_id: string;
  room_id: string;
  tenant_id: string;
  kind: string;
  checks_json: string;
  outcome: string;
  duration_ms: Num;
  tracking_ids_json: string;
}

export interface WatchRow {
  room_id: string;
  tenant_id: string;
  org_id: string;
  created_by: string;
  created_ms: Num;
}

/** Milliseconds since the epoch from an ISO-8601 string; a bad date is a caller's bug, so it throws. */
export function toMs(iso: string, field: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RangeError(`${field} is not an ISO-8601 date: ${JSON.stringify(iso)}`);
  return ms;
}

export function toIso(ms: Num): string {
  return new Date(Number(ms)).toISOString();
}

export function diagnosisFromRow(row: DiagnosisRow): DiagnosisRecord {
  return {
    id: row.id,
    ...(row.message_id === null ? {} : { messageId: row.message_id }),
    roomId: row.room_id,
    ...(row.parent_id === null ? {} : { parentId: row.parent_id }),
    orgId: row.org_id,
    ...(row.tenant_id === null ? {} : { tenantId: row.tenant_id }),
    askedBy: row.asked_by,
    language: languageOrEnglish(row.language),
    createdAt: toIso(row.created_ms),
    // Written by saveDiagnosis from a Diagnosis and never edited elsewhere, so the shape is ours.
    diagnosis: JSON.parse(row.diagnosis_json) as Diagnosis,
  };
}

export function runFromRow(row: RunRow): RunRecord {
  return {
    id: row.id,
    at: toIso(row.at_ms),
    personId: row.person_id,
    orgId: row.org_id,
    roomId: row.room_id,
    tenantId: row.tenant_id,
    // The table's CHECK constraints admit only these values.
    kind: row.kind as RunKind,
    checks: JSON.parse(row.checks_json) as string[],
    outcome: row.outcome as RunRecord['outcome'],
    durationMs: Number(row.duration_ms),
    trackingIds: JSON.parse(row.tracking_ids_json) as string[],
  };
}

export function watchFromRow(row: WatchRow): WatchRecord {
  return {
    roomId: row.room_id,
    tenantId: row.tenant_id,
    orgId: row.org_id,
    createdBy: row.created_by,
    createdAt: toIso(row.created_ms),
  };
}

/** A language a later release dropped reads as English rather than breaking old records. */
export function languageOrEnglish(value: string): Language {
  return isLanguage(value) ? value : 'en';
}
