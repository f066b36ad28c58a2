/**
 * An error with a stable, machine-readable code, so callers branch on `code` instead of
 * matching message text. The message says what happened and what to do; `hint` carries
 * an optional extra step (a command to run, a setting to change) for humans.
 */
export class CodedError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'CodedError';
  }
}

export function isCodedError(value: unknown): value is CodedError {
  return value instanceof CodedError;
}
