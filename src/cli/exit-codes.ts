/** The CLI's exit codes; documented in `azure-ad-doctor --help` and in each command's own help. */
export const EXIT_DIAGNOSABLE = 0;
export const EXIT_NOTHING_DIAGNOSABLE = 1;
/** Usage error, bad settings, unreadable input, input too large: the user can fix it. */
export const EXIT_USAGE = 2;
/** `diagnose`: a cause was found (0 is healthy, as for any command that succeeded). */
export const EXIT_BROKEN = 3;
/** `diagnose`: no verdict, because something could not be checked. */
export const EXIT_INCONCLUSIVE = 4;
/** A bug in this program (sysexits' EX_SOFTWARE), kept apart from the codes above. */
export const EXIT_INTERNAL = 70;

export const EXIT_CODES_HELP =
  'Exit codes: 0 found something to diagnose, 1 nothing diagnosable, 2 usage error or unreadable or too large input.';

/** Every command's codes at once, for the program's own --help. */
export const PROGRAM_EXIT_CODES_HELP = `Exit codes: 0 success (diagnose: healthy), 1 nothing to diagnose, 2 usage error, bad settings,
unreadable or too large input, 3 broken (diagnose), 4 inconclusive (diagnose), 70 internal error.`;
