/** The CLI's exit codes; documented in `azure-ad-doctor --help`. */
export const EXIT_DIAGNOSABLE = 0;
export const EXIT_NOTHING_DIAGNOSABLE = 1;
/** Usage error, unreadable input, input too large: the user can fix it. */
export const EXIT_USAGE = 2;
/** A bug in this program (sysexits' EX_SOFTWARE), kept apart from the codes above. */
export const EXIT_INTERNAL = 70;

export const EXIT_CODES_HELP =
  'Exit codes: 0 found something to diagnose, 1 nothing diagnosable, 2 usage error or unreadable or too large input.';
