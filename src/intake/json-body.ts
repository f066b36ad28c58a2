import { labelStartsAt } from './debug-block.js';

/**
 * The JSON error body of the failing request, as pasted: pretty-printed over many lines, with lines
 * wrapped inside strings, blank lines between lines (PDF copies), or cut short ("…Track").
 * A small scanner copies it while tracking strings and brackets, so it can
 *  - join a string that a line break split (an id wrapped mid-way is glued back together),
 *  - stop where the next debug label ("Message:") shows the body was cut,
 *  - close what was left open, and if that is still not JSON, drop the incomplete last member.
 * Best effort: it never throws, and gives up (undefined) rather than guess.
 */

/** Error bodies are a few hundred bytes; anything longer is not one. */
const MAX_BODY_CHARS = 16_384;
const MAX_DEPTH = 32;
/** How many earlier "safe points" to try when the body was cut. */
const MAX_REPAIR_ATTEMPTS = 8;
const BODY_START = /\{[ \n]{0,100}"(?:error|errors|message|trackingId)" ?:/;

export interface ErrorBody {
  /** The parsed body (an object), or undefined when even repair could not make it JSON. */
  value: unknown;
  /** The range of the text the body occupied. */
  start: number;
  end: number;
  /** True when the body had to be closed or cut back to parse. */
  repaired: boolean;
}

/** A point where the body can be cut and closed: `length` output characters, then `closers`. */
interface SafePoint {
  length: number;
  closers: string;
}

function isHexDigit(ch: string | undefined): boolean {
  return ch !== undefined && /^[0-9a-fA-F]$/.test(ch);
}

/** A line break inside a string: glue ids and URLs back together, turn anything else into a space. */
function joinWrappedLine(previous: string | undefined, next: string | undefined): string {
  if (previous === undefined || previous === ' ') return '';
  if (previous === '-' || previous === '_' || previous === '/' || (isHexDigit(previous) && isHexDigit(next))) return '';
  return ' ';
}

function tryParse(json: string): unknown {
  try {
    const value: unknown = JSON.parse(json);
    return typeof value === 'object' && value !== null ? value : undefined;
  } catch {
    return undefined;
  }
}

function closersOf(stack: readonly string[]): string {
  return [...stack].reverse().join('');
}

/** Finds where the body starts: right after the "Error:" label if known, else the first `{"error":`-like opening. */
function locateBody(text: string, afterErrorLabel: number | undefined): number | undefined {
  if (afterErrorLabel !== undefined) {
    const brace = text.indexOf('{', afterErrorLabel);
    if (brace !== -1 && brace - afterErrorLabel <= 64 && text.slice(afterErrorLabel, brace).trim() === '') return brace;
  }
  const m = BODY_START.exec(text);
  return m === null ? undefined : m.index;
}

export function readErrorBody(text: string, afterErrorLabel?: number): ErrorBody | undefined {
  const start = locateBody(text, afterErrorLabel);
  if (start === undefined) return undefined;

  const out: string[] = [];
  const stack: string[] = [];
  const safePoints: SafePoint[] = [];
  const remember = (length: number): void => {
    safePoints.push({ length, closers: closersOf(stack) });
    if (safePoints.length > MAX_REPAIR_ATTEMPTS) safePoints.shift();
  };
  let inString = false;
  let escaped = false;
  /** Index in `out` of a comma with nothing but whitespace after it (dropped before a closer). */
  let trailingComma = -1;
  let i = start;
  let complete = false;

  for (; i < text.length && i - start < MAX_BODY_CHARS; i++) {
    const ch = text.charAt(i);
    if (inString) {
      if (escaped) escaped = false;
      else if (ch === '\\') escaped = true;
      else if (ch === '"') inString = false;
      else if (ch === '\n') {
        if (labelStartsAt(text, i + 1)) break; // the body was cut inside this string
        out.push(joinWrappedLine(out[out.length - 1], text[i + 1]));
        continue;
      }
      out.push(ch);
      continue;
    }
    if (ch === '\n' || ch === ' ') {
      if (ch === '\n' && labelStartsAt(text, i + 1)) break;
      out.push(ch);
      continue;
    }
    if (ch === '{' || ch === '[') {
      stack.push(ch === '{' ? '}' : ']');
      if (stack.length > MAX_DEPTH) return undefined;
      out.push(ch);
      remember(out.length);
    } else if (ch === '}' || ch === ']') {
      if (!stack.includes(ch)) continue; // a stray closer: ignore it
      if (trailingComma !== -1) out[trailingComma] = '';
      while (stack[stack.length - 1] !== ch) out.push(stack.pop() ?? '');
      out.push(stack.pop() ?? '');
      if (stack.length === 0) {
        complete = true;
        i++;
        break;
      }
    } else if (ch === ',') {
      remember(out.length);
      out.push(ch);
      trailingComma = out.length - 1;
      continue;
    } else {
      if (ch === '"') inString = true;
      out.push(ch);
    }
    trailingComma = -1;
  }

  const end = i;
  if (complete) {
    const value = tryParse(out.join(''));
    return { value, start, end, repaired: false };
  }
  if (inString && escaped) out.pop(); // a dangling backslash would escape the closing quote
  const whole = out.join('') + (inString ? '"' : '') + closersOf(stack);
  const closed = tryParse(whole);
  if (closed !== undefined) return { value: closed, start, end, repaired: true };
  for (let k = safePoints.length - 1; k >= 0; k--) {
    const point = safePoints[k];
    if (point === undefined) continue;
    const value = tryParse(out.slice(0, point.length).join('') + point.closers);
    if (value !== undefined) return { value, start, end, repaired: true };
  }
  return { value: undefined, start, end, repaired: true };
}
