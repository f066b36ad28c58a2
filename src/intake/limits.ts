import { CodedError } from '../errors.js';

/**
 * How much of a paste is read. A Webex message holds at most ~7 KB, so large inputs come from files
 * (the CLI, attachments): a browser's HAR export or a log with the toast somewhere inside.
 * - Up to `maxBytes` (default 1 MiB) of UTF-8 is read; the rest is ignored and `truncated` is set.
 * - Above `refuseAboveBytes` (default 2 MiB) the paste is refused with PASTE_TOO_LARGE: that is not a
 *   paste, and reading it would only cost time.
 */
export const DEFAULT_MAX_BYTES = 1024 * 1024;
export const DEFAULT_REFUSE_ABOVE_BYTES = 2 * 1024 * 1024;

export const PASTE_TOO_LARGE = 'PASTE_TOO_LARGE';

export class PasteTooLargeError extends CodedError {
  /** `bytes`: the size when known exactly (a file's), else undefined ("more than the limit"). */
  constructor(
    readonly limitBytes: number,
    readonly bytes?: number,
  ) {
    super(
      PASTE_TOO_LARGE,
      `The text is ${bytes === undefined ? 'larger than' : `${formatBytes(bytes)}, over`} the ${formatBytes(limitBytes)} ` +
        'this reader accepts. Paste only the Control Hub error and its "Copy Debug Info" block.',
      'In Control Hub, click "Copy Debug Info" on the error and paste that: it is a few hundred bytes.',
    );
    this.name = 'PasteTooLargeError';
  }
}

/** "2 MiB" for round limits, "2,097,153 bytes" for actual sizes, so a size just over a limit never reads as equal to it. */
function formatBytes(bytes: number): string {
  const MiB = 1024 * 1024;
  if (bytes > 0 && bytes % MiB === 0) return `${bytes / MiB} MiB`;
  if (bytes > 0 && bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes.toLocaleString('en-US')} bytes`;
}

function utf8Length(codeUnit: number, next: number): number {
  if (codeUnit < 0x80) return 1;
  if (codeUnit < 0x800) return 2;
  const pair = codeUnit >= 0xd800 && codeUnit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff;
  return pair ? 4 : 3;
}

/**
 * Measures the text in UTF-8 bytes, stopping early once past `stopAbove`.
 * Returns the total (or a number above `stopAbove`) and how many UTF-16 units fit in `fitBytes`.
 */
export function measureUtf8(text: string, fitBytes: number, stopAbove: number): { bytes: number; fittingLength: number } {
  let bytes = 0;
  let fittingLength = text.length;
  for (let i = 0; i < text.length; i++) {
    const size = utf8Length(text.charCodeAt(i), text.charCodeAt(i + 1));
    if (bytes + size > fitBytes && fittingLength === text.length) fittingLength = i;
    bytes += size;
    if (size === 4) i++; // both halves of a surrogate pair counted at once
    if (bytes > stopAbove) break;
  }
  return { bytes, fittingLength };
}
