import type { BaseLogger } from 'pino';

/** The part of a pino logger the Webex plumbing uses; a full `Logger` from src/log.ts fits. */
export type WebexLogger = Pick<BaseLogger, 'debug' | 'info' | 'warn' | 'error'>;
