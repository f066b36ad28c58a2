/**
 * An error that carries a stable machine-readable `code` (for logs, tests and the card's
 * "what went wrong" line) and a `hint` telling the operator what to do about it.
 * Messages and hints never contain secrets: they are logged and sometimes shown to users.
 */
export class CodedError extends Error {
  readonly code: string;
  readonly hint: string | undefined;

  constructor(code: string, message: string, hint?: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CodedError';
    this.code = code;
    this.hint = hint;
  }
}
