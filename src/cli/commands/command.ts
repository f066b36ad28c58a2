import { CodedError } from '../../errors.js';
import type { CliIo } from '../io.js';

/** One subcommand: `azure-ad-doctor <name> …`. Add one file per command and list it in commands/index.ts. */
export interface CliCommand {
  name: string;
  /** One line for the command list in `--help`. */
  summary: string;
  /** The command's own `--help` text. */
  usage: string;
  /** Returns the exit code; throws CodedError for what the user can fix (exit 2). */
  run(args: string[], io: CliIo): Promise<number>;
}

export const USAGE_ERROR = 'USAGE';

export function usageError(command: string, message: string): CodedError {
  return new CodedError(USAGE_ERROR, message, `Run "azure-ad-doctor ${command} --help" for usage.`);
}

/** node:util parseArgs reports bad options as TypeErrors with ERR_PARSE_ARGS_* codes. */
export function isParseArgsError(error: unknown): error is Error {
  return error instanceof TypeError && String((error as { code?: unknown }).code).startsWith('ERR_PARSE_ARGS');
}
