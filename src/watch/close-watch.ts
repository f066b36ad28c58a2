import { z } from 'zod';
import type { Diagnosis } from '../diagnosis/types.js';

/**
 * A close watch: after a consent link was handed out, look every minute or so until the checks the diagnosis
 * named as failing pass, say so once in that thread, and stop.
 *
 * Where it lives: as a row of the store's `watches` table whose room id is a marker carrying the whole close
 * watch (this file encodes it). Why not in the tenant's watch state: `watchClosely` runs on whichever replica
 * took the admin's message, while the state is written by the replica holding the tenant's lease; a row is
 * inserted and deleted atomically, so nothing is lost between the two. A row also makes `listWatches` (read at
 * every tick, and after a restart) find the tenant, and keeps the tenant's state alive while it is watched.
 * Other readers of `listWatches` skip such rows with `isCloseWatchRowId`.
 */
export interface CloseWatch {
  roomId: string;
  /** The thread the consent link was posted in: `fix-seen` goes there. */
  parentId?: string;
  /** ISO time after which the watch ends without a word. */
  until: string;
  /**
   * Checks that must all pass for the fix to count as seen: those the diagnosis found failing. Empty when it
   * named none (e.g. a fix read from the paste alone): the run's verdict must then be `healthy`.
   */
  targets: string[];
}

const MARKER = 'close-watch:';

const closeWatchSchema = z.object({
  roomId: z.string().min(1),
  parentId: z.string().min(1).optional(),
  until: z.string().datetime({ offset: true }),
  targets: z.array(z.string().min(1)),
});

export function isCloseWatchRowId(roomId: string): boolean {
  return roomId.startsWith(MARKER);
}

export function closeWatchRowId(watch: CloseWatch): string {
  // Fixed key order: the same close watch always gives the same row, so asking twice stores it once.
  const ordered = { roomId: watch.roomId, parentId: watch.parentId, until: watch.until, targets: watch.targets };
  return MARKER + Buffer.from(JSON.stringify(ordered), 'utf8').toString('base64url');
}

/** The close watch a row carries, or undefined when the row is not one this release can read. */
export function readCloseWatchRowId(roomId: string): CloseWatch | undefined {
  if (!isCloseWatchRowId(roomId)) return undefined;
  try {
    const parsed = closeWatchSchema.safeParse(JSON.parse(Buffer.from(roomId.slice(MARKER.length), 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined; // not JSON: a damaged or foreign row
  }
}

/** The checks a diagnosis found failing, in a stable order. */
export function failingChecks(diagnosis: Diagnosis | undefined): string[] {
  return [...new Set((diagnosis?.findings ?? []).filter((f) => f.outcome === 'fail').map((f) => f.checkId))].sort();
}

/** True when this run shows the fix: every target passes (a target that is unknown has not been seen passing). */
export function fixSeen(watch: CloseWatch, diagnosis: Diagnosis): boolean {
  if (watch.targets.length === 0) return diagnosis.verdict === 'healthy';
  return watch.targets.every((checkId) => diagnosis.findings.some((f) => f.checkId === checkId && f.outcome === 'pass'));
}

/** One message per thread, however many close watches point at it. */
export function threadKey(watch: CloseWatch): string {
  return JSON.stringify([watch.roomId, watch.parentId ?? null]);
}
