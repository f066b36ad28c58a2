/**
 * The HTTP status of the failing call and Webex's own error codes (701018 "Request unauthorized",
 * 100013 "tenantId is required", …), from the JSON body when it parsed, else from the text.
 */

const REASON_PHRASES: ReadonlyMap<number, string> = new Map([
  [400, 'Bad Request'], [401, 'Unauthorized'], [403, 'Forbidden'], [404, 'Not Found'], [405, 'Method Not Allowed'],
  [409, 'Conflict'], [429, 'Too Many Requests'], [500, 'Internal Server Error'], [502, 'Bad Gateway'],
  [503, 'Service Unavailable'], [504, 'Gateway Timeout'],
]);
const REASON_ALTERNATION = [...REASON_PHRASES.values()].join('|');
/** "401 Unauthorized", "HTTP/1.1 401", "HTTP 401", "status code 401", `"status": 401`. */
const STATUS_WITH_REASON = new RegExp(`\\b([1-5]\\d\\d) (${REASON_ALTERNATION})\\b`, 'i');
const STATUS_AFTER_WORD = /\b(?:HTTP(?:\/\d(?:\.\d)?)?|status(?: ?code)?"?) ?[:=]? ?([1-5]\d\d)(?![0-9])/i;

const CODE_IN_JSON_TEXT = /"(?:code|errorCode)" ?: ?"?(\d{4,7})(?![0-9])/gi;
const CODE_IN_PROSE = /\b(?:error|code)(?: code)? ?[:#]? ?(\d{6})(?![0-9])/gi;

const MAX_WALK_NODES = 500;
const MAX_WALK_DEPTH = 8;

/** A three-digit HTTP status, or undefined. */
export function parseHttpStatus(value: unknown): number | undefined {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
  const m = /^([1-5]\d\d)(?![0-9])/.exec(text);
  return m?.[1] === undefined ? undefined : Number(m[1]);
}

export function findHttpStatusInText(text: string): { status: number; statusText?: string } | undefined {
  const withReason = STATUS_WITH_REASON.exec(text);
  if (withReason?.[1] !== undefined) {
    const status = Number(withReason[1]);
    return { status, statusText: REASON_PHRASES.get(status) ?? withReason[2] ?? '' };
  }
  const afterWord = STATUS_AFTER_WORD.exec(text);
  return afterWord?.[1] === undefined ? undefined : { status: Number(afterWord[1]) };
}

function asWebexCode(value: unknown): string | undefined {
  const text = typeof value === 'number' && Number.isInteger(value) ? String(value) : typeof value === 'string' ? value.trim() : '';
  return /^\d{4,7}$/.test(text) ? text : undefined;
}

/** Every `code` / `errorCode` member holding a 4–7 digit number, depth-first (bounded walk). */
export function webexCodesFromBody(body: unknown): string[] {
  const codes: string[] = [];
  let visited = 0;
  const walk = (node: unknown, depth: number): void => {
    if (visited++ > MAX_WALK_NODES || depth > MAX_WALK_DEPTH || typeof node !== 'object' || node === null) return;
    for (const [key, value] of Object.entries(node)) {
      const lower = key.toLowerCase();
      const code = lower === 'code' || lower === 'errorcode' ? asWebexCode(value) : undefined;
      if (code !== undefined) codes.push(code);
      else walk(value, depth + 1);
    }
  };
  walk(body, 0);
  return codes;
}

/** The HTTP status a Webex error body states in `error.key` ("401"), or a `status`/`statusCode` member. */
export function httpStatusFromBody(body: unknown): number | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const record = body as Record<string, unknown>;
  const error = record['error'];
  const key = typeof error === 'object' && error !== null ? (error as Record<string, unknown>)['key'] : undefined;
  return parseHttpStatus(key) ?? parseHttpStatus(record['statusCode']) ?? parseHttpStatus(record['status']);
}

export function findWebexCodesInText(text: string): string[] {
  const codes: string[] = [];
  for (const pattern of [CODE_IN_JSON_TEXT, CODE_IN_PROSE]) {
    for (const m of text.matchAll(pattern)) if (m[1] !== undefined) codes.push(m[1]);
  }
  return codes;
}
