import type { CliIo } from '../../src/cli/io.js';
import { projectPath } from '../../src/paths.js';

export interface FakeIo extends CliIo {
  out(): string;
  err(): string;
  /** How many stdin chunks the command pulled. */
  chunksRead(): number;
}

/** Stdio for runCli: stdin yields `chunks`, stdout and stderr are captured; FILE paths resolve from the repo root. */
export function fakeIo(chunks: Array<string | Uint8Array> = [], options: { tty?: boolean } = {}): FakeIo {
  let out = '';
  let err = '';
  let read = 0;
  async function* stdin(): AsyncGenerator<string | Uint8Array> {
    for (const chunk of chunks) {
      read++;
      yield chunk;
    }
  }
  return {
    stdin: stdin(),
    stdinIsTty: options.tty === true,
    stdout: { write: (text: string) => (out += text) },
    stderr: { write: (text: string) => (err += text) },
    cwd: projectPath(),
    out: () => out,
    err: () => err,
    chunksRead: () => read,
  };
}
