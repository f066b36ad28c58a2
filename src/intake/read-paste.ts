import type { Evidence } from './evidence.js';
import { extractEvidence } from './extract.js';
import { DEFAULT_MAX_BYTES, DEFAULT_REFUSE_ABOVE_BYTES, PasteTooLargeError, measureUtf8 } from './limits.js';
import { normalizePaste } from './normalize.js';

export interface ReadPasteOptions {
  /** UTF-8 bytes read; the rest is ignored and `truncated` set. Default 1 MiB. */
  maxBytes?: number;
  /** Above this many UTF-8 bytes the paste is refused (PasteTooLargeError). Default 2 MiB, never below maxBytes. */
  refuseAboveBytes?: number;
}

/**
 * Reads what an admin pasted (Control Hub's toast, its "Copy Debug Info" block, an AADSTS error, a bare
 * tracking id, in any of the UI's languages, as plain text, Markdown or HTML) into Evidence.
 * Pure: no I/O, no clock. Linear time in the input. Never throws except PasteTooLargeError.
 */
export function readPaste(text: string, options: ReadPasteOptions = {}): Evidence {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const refuseAbove = Math.max(options.refuseAboveBytes ?? DEFAULT_REFUSE_ABOVE_BYTES, maxBytes);
  const { bytes, fittingLength } = measureUtf8(text, maxBytes, refuseAbove);
  if (bytes > refuseAbove) throw new PasteTooLargeError(refuseAbove);
  const truncated = fittingLength < text.length;
  return extractEvidence(normalizePaste(truncated ? text.slice(0, fittingLength) : text), truncated);
}
