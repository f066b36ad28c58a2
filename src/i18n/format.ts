import type { Language, MessageParam } from './message.js';

/** `{name}` placeholders: letters, digits, `_`, `-`, `.`. */
const PLACEHOLDER = /\{([A-Za-z0-9_.-]+)\}/g;

/** The placeholder names a string uses, sorted and de-duplicated (tests compare them across languages). */
export function placeholdersOf(text: string): string[] {
  return [...new Set(Array.from(text.matchAll(PLACEHOLDER), (m) => m[1] ?? ''))].sort();
}

/**
 * Substitutes `{name}` with the formatted parameter. `escape` is applied to each string value (not to the trusted
 * template text, nor to numbers and dates we format), so a renderer can neutralise markup from a hostile paste.
 * A placeholder without a parameter stays visible as `{name}`: a missing value must show, not vanish.
 */
export function fillPlaceholders(
  template: string,
  params: Readonly<Record<string, MessageParam>> | undefined,
  language: Language,
  escape: (value: string) => string = (value) => value,
): string {
  if (params === undefined) return template;
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    if (!Object.prototype.hasOwnProperty.call(params, name)) return whole;
    const value = params[name];
    if (value === undefined) return whole;
    // Only strings can carry someone else's text; numbers and dates are formatted here and hold no markup.
    return typeof value === 'string' ? escape(value) : formatParam(value, language);
  });
}

export function formatParam(value: MessageParam, language: Language): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value); // ids and HTTP codes: never "701,018"
  if (typeof value === 'object' && value !== null && typeof value.date === 'string') {
    return formatDateTime(value.date, language);
  }
  return String(value);
}

const dateFormats = new Map<Language, Intl.DateTimeFormat>();

/**
 * A timestamp in the reader's language, always in UTC and saying so: admins compare it with Entra audit logs
 * and Control Hub's "Logged-in User Clock UTC". Anything that is not a date is shown as it came.
 */
export function formatDateTime(iso: string, language: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  let format = dateFormats.get(language);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(language, {
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone: 'UTC',
      timeZoneName: 'short',
    });
    dateFormats.set(language, format);
  }
  const text = format.format(date);
  // Every ICU locale we ship prints "UTC" for timeZoneName; keep the promise even if one day it does not.
  return text.includes('UTC') ? text : `${text} UTC`;
}
