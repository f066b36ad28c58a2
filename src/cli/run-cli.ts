import { isCodedError } from '../errors.js';
import { COMMANDS } from './commands/index.js';
import { EXIT_DIAGNOSABLE, EXIT_INTERNAL, EXIT_USAGE, PROGRAM_EXIT_CODES_HELP } from './exit-codes.js';
import type { CliIo } from './io.js';

const PROGRAM = 'azure-ad-doctor';

function help(): string {
  const width = Math.max(...COMMANDS.map((command) => command.name.length)) + 2;
  return `Usage: ${PROGRAM} <command> [options]

Diagnoses Webex Control Hub's "Azure AD integration error" from what Control Hub showed you.

Commands:
${COMMANDS.map((command) => `  ${command.name.padEnd(width)}${command.summary}`).join('\n')}

Options:
  -h, --help   Show this help; "${PROGRAM} <command> --help" shows a command's

${PROGRAM_EXIT_CODES_HELP}
`;
}

/** Runs the CLI with `argv` (without node and script) and returns the exit code. Never exits the process. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  if (name === '-h' || name === '--help' || name === 'help') {
    const command = COMMANDS.find((candidate) => candidate.name === args[0]);
    io.stdout.write(command === undefined ? help() : command.usage);
    return EXIT_DIAGNOSABLE;
  }
  if (name === undefined) {
    io.stderr.write(help());
    return EXIT_USAGE;
  }
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (command === undefined) {
    io.stderr.write(`${PROGRAM}: unknown command "${name}". Run "${PROGRAM} --help" for the list.\n`);
    return EXIT_USAGE;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    if (isCodedError(error)) {
      io.stderr.write(`${PROGRAM}: ${error.message}\n${error.hint === undefined ? '' : `${error.hint}\n`}`);
      return EXIT_USAGE;
    }
    io.stderr.write(`${PROGRAM}: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT_INTERNAL;
  }
}
