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
  /** The settings (AZURE_*, TENANT_MAP…) for commands that read them; absent means none are set. */
  env?: NodeJS.ProcessEnv;
}

export function processIo(): CliIo {
  return {
    stdin: process.stdin,
    stdinIsTty: process.stdin.isTTY === true,
    stdout: process.stdout,
    stderr: process.stderr,
    cwd: process.cwd(),
    env: process.env,
  };
}
