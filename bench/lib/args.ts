/**
 * The bench's command line: `--only a,b` runs some suites, `--quick` a smoke run (smaller samples, under a
 * minute), `--out FILE` writes the JSON elsewhere. Only a full run of every suite replaces the committed
 * bench/results/latest.json; anything partial goes to a git-ignored `*.tmp.json`, so a smoke run can never
 * pass itself off as the published numbers.
 */

export interface BenchArgs {
  only: string[] | undefined;
  quick: boolean;
  out: string | undefined;
}

export class UsageError extends Error {}

export const USAGE = `usage: npm run bench -- [--quick] [--only SUITE[,SUITE…]] [--out FILE]`;

export function parseArgs(argv: readonly string[], suiteIds: readonly string[]): BenchArgs {
  const args: BenchArgs = { only: undefined, quick: false, out: undefined };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const next = inline ?? argv[++i];
      if (next === undefined || next === '') throw new UsageError(`${flag} needs a value\n${USAGE}`);
      return next;
    };
    if (flag === '--quick') args.quick = true;
    else if (flag === '--only') args.only = [...(args.only ?? []), ...value().split(',').map((s) => s.trim()).filter(Boolean)];
    else if (flag === '--out') args.out = value();
    else throw new UsageError(`unknown argument ${arg}\n${USAGE}`);
  }
  const unknown = (args.only ?? []).filter((id) => !suiteIds.includes(id));
  if (unknown.length > 0) throw new UsageError(`unknown suite ${unknown.join(', ')}; suites: ${suiteIds.join(', ')}`);
  return args;
}

/** latest.json only for a full, complete run. */
export function defaultOutPath(args: BenchArgs, suiteIds: readonly string[]): string {
  const complete = !args.quick && (args.only === undefined || suiteIds.every((id) => args.only?.includes(id)));
  return complete ? 'bench/results/latest.json' : `bench/results/${args.quick ? 'quick' : 'partial'}.tmp.json`;
}
