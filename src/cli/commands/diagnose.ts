import { parseArgs } from 'node:util';
import { loadConfig } from '../../config.js';
import type { Diagnosis, Verdict } from '../../diagnosis/types.js';
import { normalizeLanguageTag } from '../../i18n/language.js';
import { LANGUAGES, type Language } from '../../i18n/message.js';
import { isDiagnosable, type Evidence } from '../../intake/evidence.js';
import { readPaste } from '../../intake/read-paste.js';
import { diagnosisReport } from '../diagnosis-report.js';
import { EXIT_BROKEN, EXIT_DIAGNOSABLE, EXIT_INCONCLUSIVE, EXIT_NOTHING_DIAGNOSABLE } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { readInput } from '../read-input.js';
import { cliDoctor, type TenantChoice } from '../tenant-doctor.js';
import { isParseArgsError, usageError, type CliCommand } from './command.js';

const USAGE = `Usage: azure-ad-doctor diagnose [FILE|-] [--json] [--lang xx]

Reads what Control Hub showed you (the "Azure AD integration error" toast, its "Copy Debug Info" block,
or a Microsoft AADSTS sign-in error) from FILE, or from standard input when FILE is "-" (or absent and
input is piped), runs the bot's checks once against your Microsoft Entra tenant and prints the cause,
the evidence, every check, the fix with its admin-consent link, how to confirm it, and a summary for
Cisco TAC. Without a paste it checks the tenant alone.

The tenant and credentials come from the same environment variables as the bot: AZURE_TENANT_ID,
AZURE_CLIENT_ID, AZURE_CLIENT_SECRET or AZURE_CLIENT_CERTIFICATE_PATH (or AZURE_USE_DEFAULT_CREDENTIAL),
AZURE_CLOUD, AZURE_AUTHORITY_HOST, GRAPH_BASE_URL, AUDIT_LOOKBACK_DAYS; TENANT_MAP picks the tenant by
the paste's Webex org. With none of them set, the diagnosis comes from the paste alone.

Options:
  --json       Print the diagnosis as JSON (the Diagnosis object the bot's cards are built from)
  --lang xx    Language of the report: ${LANGUAGES.join(', ')} (default: the paste's own)
  -h, --help   Show this help

Exit codes: 0 healthy, 3 broken (a cause was found), 4 inconclusive (something could not be checked),
1 nothing to diagnose (no paste and no tenant configured), 2 usage error, bad settings (the message names
the variable and what it expects), unreadable or too large input.
`;

const EXIT_BY_VERDICT: Record<Verdict, number> = { healthy: EXIT_DIAGNOSABLE, broken: EXIT_BROKEN, inconclusive: EXIT_INCONCLUSIVE };

interface Options {
  source: string | undefined;
  json: boolean;
  language: Language | undefined;
}

/** undefined: print the help. */
function parseOptions(args: string[]): Options | undefined {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: { json: { type: 'boolean' }, lang: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    if (isParseArgsError(error)) throw usageError('diagnose', error.message);
    throw error;
  }
  if (parsed.values.help === true) return undefined;
  if (parsed.positionals.length > 1) throw usageError('diagnose', `Expected one FILE, got ${parsed.positionals.length}.`);
  const tag = parsed.values.lang;
  const language = tag === undefined ? undefined : normalizeLanguageTag(tag);
  if (tag !== undefined && language === undefined) {
    throw usageError('diagnose', `Unknown language "${tag}": use one of ${LANGUAGES.join(', ')}.`);
  }
  return { source: parsed.positionals[0], json: parsed.values.json === true, language };
}

/** The paste's text, or '' for none: a terminal with no FILE means "check the tenant", not "wait for typing". */
async function readPasteText(source: string | undefined, io: CliIo): Promise<string> {
  if (source === undefined && io.stdinIsTty) return '';
  return readInput(source ?? '-', io);
}

/** What the operator should know about this run, on stderr so that --json output stays pure. */
function notes(evidence: Evidence, pasted: boolean, tenant: TenantChoice | undefined): string[] {
  const lines: string[] = [];
  if (tenant === undefined) {
    lines.push('paste only: no AZURE_TENANT_ID is set, so no tenant was checked live.');
  } else if (pasted && !isDiagnosable(evidence)) {
    lines.push('nothing in the paste looks like a Control Hub or Microsoft sign-in error: checking the tenant alone.');
  }
  if (tenant?.source === 'TENANT_MAP') lines.push(`checking tenant ${tenant.tenantId}, mapped by TENANT_MAP to the paste's Webex org.`);
  if (tenant !== undefined && evidence.entraTenantId !== undefined && evidence.entraTenantId !== tenant.tenantId) {
    lines.push(`the paste names Entra tenant ${evidence.entraTenantId}, but ${tenant.tenantId} (${tenant.source}) was checked.`);
  }
  return lines;
}

async function run(args: string[], io: CliIo): Promise<number> {
  const options = parseOptions(args);
  if (options === undefined) {
    io.stdout.write(USAGE);
    return EXIT_DIAGNOSABLE;
  }
  // Settings first: a wrong variable is reported before anything is read or sent.
  const setup = cliDoctor(loadConfig(io.env ?? {}));
  const text = await readPasteText(options.source, io);
  const evidence = readPaste(text);
  const tenant = setup.tenantFor(evidence);
  if (tenant === undefined && !isDiagnosable(evidence)) {
    io.stderr.write(
      `azure-ad-doctor: nothing to diagnose: ${text.trim() === '' ? 'no paste' : 'nothing in the paste looks like a Control Hub or Microsoft sign-in error'}, and no tenant is configured (AZURE_TENANT_ID).\n` +
        'Give the "Copy Debug Info" text of the error as FILE or on standard input, or set the AZURE_* variables to check the tenant.\n',
    );
    return EXIT_NOTHING_DIAGNOSABLE;
  }
  for (const note of notes(evidence, text.trim() !== '', tenant)) io.stderr.write(`azure-ad-doctor: ${note}\n`);

  const diagnosis: Diagnosis = await setup.doctor.diagnose(tenant?.tenantId, evidence);
  if (options.json) {
    io.stdout.write(`${JSON.stringify(diagnosis, null, 2)}\n`);
  } else {
    const report = diagnosisReport(diagnosis, { language: options.language ?? evidence.language, trustedOrigins: setup.trustedOrigins });
    for (const warning of report.warnings) io.stderr.write(`azure-ad-doctor: ${warning}\n`);
    io.stdout.write(report.text);
  }
  return EXIT_BY_VERDICT[diagnosis.verdict];
}

export const diagnoseCommand: CliCommand = {
  name: 'diagnose',
  summary: 'Check your Entra tenant against a pasted Control Hub error and print the cause and the fix',
  usage: USAGE,
  run,
};
