/**
 * Control Hub's "Copy Debug Info" block: `Label: value` lines, always in English, e.g.
 *   View Org ID: 2fdb923e-…
 *   Status: 401
 *   Error: { "error": { … } }
 * Pastes lose line breaks (a chat client joins them), so labels are also recognised mid-line when a
 * space, comma, semicolon or parenthesis precedes them; a value then runs to the next label or line end.
 */

export type DebugLabel =
  | 'referrer'
  | 'browserUrl'
  | 'controlHubBuild'
  | 'viewOrgId'
  | 'userId'
  | 'userOrgId'
  | 'userClockUtc'
  | 'customerType'
  | 'status'
  | 'statusText'
  | 'url'
  | 'trackingId'
  | 'error'
  | 'message';

/** Longer labels first where one is a prefix of another ("Status Text" before "Status"). */
const LABELS: ReadonlyArray<readonly [string, DebugLabel]> = [
  ['Referrer', 'referrer'],
  ['Browser URL', 'browserUrl'],
  ['Control Hub Build', 'controlHubBuild'],
  ['View Org ID', 'viewOrgId'],
  ['Logged-in User Org ID', 'userOrgId'],
  ['Logged-in User ID', 'userId'],
  ['Logged-in User Clock UTC', 'userClockUtc'],
  ['Customer Type', 'customerType'],
  ['Status Text', 'statusText'],
  ['Status', 'status'],
  ['URL', 'url'],
  ['Tracking ID', 'trackingId'],
  ['Error', 'error'],
  ['Message', 'message'],
];

const LABEL_BY_TEXT: ReadonlyMap<string, DebugLabel> = new Map(LABELS);
const ALTERNATION = LABELS.map(([text]) => text.replace(/[-]/g, '\\-')).join('|');
/**
 * Alternation of fixed strings: at most one attempt per label at each position, no nested repetition.
 * What precedes a label is checked by hand: a lookbehind here would stop the engine from skipping ahead
 * to the labels' first letters, and cost several times more on label-dense text.
 */
const LABEL_PATTERN = new RegExp(`(${ALTERNATION}) ?:`, 'g');
/** Characters after which a label may start (besides the start of the text). */
const BEFORE_LABEL = new Set(['\n', ' ', ',', ';', '(']);
/** Does a label start exactly here? (Used to notice where a cut JSON body ends.) */
const LABEL_AT = new RegExp(`(?:${ALTERNATION}) ?:`, 'y');

export interface DebugField {
  label: DebugLabel;
  /** Where the label itself starts. */
  labelIndex: number;
  valueStart: number;
  valueEnd: number;
  /** Trimmed. */
  value: string;
}

export function findDebugFields(text: string): DebugField[] {
  const hits: Array<{ label: DebugLabel; labelIndex: number; valueStart: number }> = [];
  LABEL_PATTERN.lastIndex = 0;
  for (let m = LABEL_PATTERN.exec(text); m !== null; m = LABEL_PATTERN.exec(text)) {
    if (m.index > 0 && !BEFORE_LABEL.has(text.charAt(m.index - 1))) {
      LABEL_PATTERN.lastIndex = m.index + 1; // glued to a word ("xStatus:"); a label may still start inside it
      continue;
    }
    const label = LABEL_BY_TEXT.get(m[1] ?? '');
    if (label !== undefined) hits.push({ label, labelIndex: m.index, valueStart: m.index + m[0].length });
  }
  // Hits are in order, so the next line break only moves forward: one search per line, not per hit.
  let lineEnd = -1;
  return hits.map((hit, k) => {
    if (lineEnd < hit.valueStart) {
      const found = text.indexOf('\n', hit.valueStart);
      lineEnd = found === -1 ? text.length : found;
    }
    const nextLabel = hits[k + 1]?.labelIndex ?? text.length;
    const valueEnd = Math.min(lineEnd, nextLabel);
    // Built field by field: an object spread here costs several times more on label-dense text.
    const field: DebugField = {
      label: hit.label,
      labelIndex: hit.labelIndex,
      valueStart: hit.valueStart,
      valueEnd,
      value: text.slice(hit.valueStart, valueEnd).trim(),
    };
    return field;
  });
}

export function labelStartsAt(text: string, index: number): boolean {
  LABEL_AT.lastIndex = index;
  return LABEL_AT.test(text);
}
