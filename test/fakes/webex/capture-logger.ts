import { pino } from 'pino';
import type { LevelWithSilent, Logger } from 'pino';

export interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

/** A real pino logger whose lines are kept in memory, so tests can assert what the operator would read. */
export function captureLogger(level: LevelWithSilent = 'debug'): { logger: Logger; lines: LogLine[]; text: () => string } {
  const lines: LogLine[] = [];
  const logger = pino({ level }, { write: (chunk: string) => void lines.push(JSON.parse(chunk) as LogLine) });
  return { logger, lines, text: () => lines.map((l) => JSON.stringify(l)).join('\n') };
}
