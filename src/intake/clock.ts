/**
 * "Logged-in User Clock UTC: Sun, 21 May 2023 22:44:59 GMT" (RFC 1123, as browsers print Date#toUTCString)
 * → "2023-05-21T22:44:59.000Z". Parsed strictly by hand rather than with Date.parse, whose leniency
 * differs between engines; an ISO-8601 UTC time is accepted as is.
 */

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const RFC_1123 = /^(?:[A-Za-z]{3}, ?)?(\d{1,2}) ([A-Za-z]{3}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) ?(?:GMT|UTC|Z|\+0000)$/;
const ISO_UTC = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?Z$/;

function isoFromParts(year: number, monthIndex: number, day: number, hour: number, minute: number, second: number): string | undefined {
  if (monthIndex < 0 || hour > 23 || minute > 59 || second > 59) return undefined;
  const date = new Date(Date.UTC(year, monthIndex, day, hour, minute, second));
  // Date.UTC rolls 31 Feb over into March: reject dates that do not exist.
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== monthIndex || date.getUTCDate() !== day) return undefined;
  return date.toISOString();
}

export function parseUtcClock(value: string): string | undefined {
  const text = value.trim();
  const rfc = RFC_1123.exec(text);
  if (rfc !== null) {
    const [, day, month, year, hour, minute, second] = rfc;
    return isoFromParts(Number(year), MONTHS.indexOf((month ?? '').toLowerCase()), Number(day), Number(hour), Number(minute), Number(second));
  }
  const iso = ISO_UTC.exec(text);
  if (iso !== null) {
    const [, year, month, day, hour, minute, second] = iso;
    return isoFromParts(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second));
  }
  return undefined;
}
