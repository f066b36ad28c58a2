import { parseArgs } from 'node:util';
import { describeEvidence } from '../../intake/describe.js';
import { isDiagnosable } from '../../intake/evidence.js';
import { readPaste } from '../../intake/read-paste.js';
import { EXIT_CODES_HELP, EXIT_DIAGNOSABLE, EXIT_NOTHING_DIAGNOSABLE } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { readInput } from '../read-input.js';
import { isParseArgsError, usageError, type CliCommand } from './command.js';

const USAGE = `Usage: azure-ad-doctor parse [FILE|-] [--json]

Reads what Control Hub showed you (the "Azure AD integration error" toast, its "Copy Debug Info"
block, a Microsoft AADSTS sign-in error, or just a tracking id) from FILE, or from standard input
when FILE is "-" or absent, and prints what it found and what it did not.

Options:
  --json       Print {"diagnosable": true|false, "evidence": {…}} as JSON
  -h, --help   Show this help

${EXIT_CODES_HELP}
`;

async function run(args: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    if (isParseArgsError(error)) throw usageError('parse', error.message);
    throw error;
  }
  if (parsed.values.help === true) {
    io.stdout.write(USAGE);
    return EXIT_DIAGNOSABLE;
  }
  if (parsed.positionals.length > 1) throw usageError('parse', `Expected one FILE, got ${parsed.positionals.length}.`);

  const evidence = readPaste(await readInput(parsed.positionals[0] ?? '-', io));
  const diagnosable = isDiagnosable(evidence);
  io.stdout.write(parsed.values.json === true ? `${JSON.stringify({ diagnosable, evidence }, null, 2)}\n` : `${describeEvidence(evidence)}\n`);
  return diagnosable ? EXIT_DIAGNOSABLE : EXIT_NOTHING_DIAGNOSABLE;
}

export const parseCommand: CliCommand = {
  name: 'parse',
  summary: 'Show what a pasted Control Hub error contains (tracking id, org, status, codes…)',
  usage: USAGE,
  run,
};
