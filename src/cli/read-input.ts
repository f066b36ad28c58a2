import { Buffer } from 'node:buffer';
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { CodedError } from '../errors.js';
import { DEFAULT_REFUSE_ABOVE_BYTES, PasteTooLargeError } from '../intake/limits.js';
import type { CliIo } from './io.js';

/**
 * Reads the paste from a file or stdin ("-"), refusing more than the reader accepts before reading it
 * all, and decodes it: UTF-8 (with or without BOM), or UTF-16 with a BOM, as Windows editors save it.
 */

export const INPUT_UNREADABLE = 'INPUT_UNREADABLE';

function decode(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  return new TextDecoder('utf-8').decode(bytes); // strips a UTF-8 BOM; bad bytes become U+FFFD
}

async function readStdin(io: CliIo, limitBytes: number): Promise<Uint8Array> {
  if (io.stdinIsTty) io.stderr.write('Paste the text, then press Ctrl-D (Ctrl-Z then Enter on Windows).\n');
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of io.stdin) {
    const bytes = typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk;
    total += bytes.length;
    if (total > limitBytes) throw new PasteTooLargeError(limitBytes); // stop reading: leaving the loop ends the stream
    chunks.push(bytes);
  }
  return Buffer.concat(chunks);
}

function unreadable(source: string, reason: string): CodedError {
  return new CodedError(INPUT_UNREADABLE, `Cannot read ${source}: ${reason}.`, 'Give the path of a text file, or "-" to read standard input.');
}

async function readFileLimited(io: CliIo, source: string, limitBytes: number): Promise<Uint8Array> {
  const path = resolve(io.cwd, source);
  try {
    const info = await stat(path);
    if (!info.isFile()) throw unreadable(source, 'it is not a file');
    if (info.size > limitBytes) throw new PasteTooLargeError(limitBytes, info.size);
    return await readFile(path);
  } catch (error) {
    if (error instanceof CodedError) throw error;
    const code = (error as { code?: unknown }).code;
    if (code === 'ENOENT') throw unreadable(source, 'no such file');
    if (code === 'EACCES' || code === 'EPERM') throw unreadable(source, 'permission denied');
    throw unreadable(source, code === undefined ? 'unknown error' : String(code));
  }
}

/** The paste's text; `source` is a path or "-" for stdin. */
export async function readInput(source: string, io: CliIo, limitBytes = DEFAULT_REFUSE_ABOVE_BYTES): Promise<string> {
  const bytes = source === '-' ? await readStdin(io, limitBytes) : await readFileLimited(io, source, limitBytes);
  return decode(bytes);
}
