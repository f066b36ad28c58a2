/** Date arithmetic on ISO strings. Checks have no clock: "now" is always the snapshot's collectedAt. */

const DAY_MS = 86_400_000;

/** The ISO timestamp, or undefined when absent or unparseable (Graph data is never trusted blindly). */
export function validIso(value: string | null | undefined): string | undefined {
  if (value === null || value === undefined) return undefined;
  return Number.isNaN(Date.parse(value)) ? undefined : value;
}

export function addDays(iso: string, days: number): string {
  return new Date(Date.parse(iso) + days * DAY_MS).toISOString();
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function wholeDaysBetween(from: string, to: string): number {
  return Math.floor((Date.parse(to) - Date.parse(from)) / DAY_MS);
}

export function isBefore(a: string, b: string): boolean {
  return Date.parse(a) < Date.parse(b);
}

/** Length of a searched window in days, rounded (a window of 29.99 days is "30 days"). */
export function roundDaysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);
}
