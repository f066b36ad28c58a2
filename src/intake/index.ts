/** The paste reader: text in, Evidence out. */
export type { AadstsMention, Evidence, EvidenceField, RequestUrlFacts } from './evidence.js';
export { isDiagnosable } from './evidence.js';
export { readPaste, type ReadPasteOptions } from './read-paste.js';
export { describeEvidence } from './describe.js';
export { DEFAULT_MAX_BYTES, DEFAULT_REFUSE_ABOVE_BYTES, PASTE_TOO_LARGE, PasteTooLargeError } from './limits.js';
