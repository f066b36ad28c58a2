import type { CliCommand } from './command.js';
import { diagnoseCommand } from './diagnose.js';
import { parseCommand } from './parse.js';

/** Every subcommand, in the order `--help` lists them. */
export const COMMANDS: readonly CliCommand[] = [parseCommand, diagnoseCommand];
