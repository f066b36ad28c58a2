/**
 * What a CLI command may touch of the outside world. Tests pass fakes; main.ts passes the process's own.
 */
export interface CliIo {
  stdin: AsyncIterable<Uint8Array | string>;
  /** True when stdin is a terminal: the user is about to type (or paste) rather than pipe. */
  stdinIsTty: boolean;
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  /** FILE arguments are resolved against this directory. */
  cwd: string;
}

export function processIo(): CliIo {
  return {
    stdin: process.stdin,
    stdinIsTty: process.stdin.isTTY === true,
    stdout: process.stdout,
    stderr: process.stderr,
    cwd: process.cwd(),
  };
}
