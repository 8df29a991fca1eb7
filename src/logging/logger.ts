import { pino, type Logger } from 'pino';
import { redactLogLine } from './redact.ts';

export type { Logger };

/**
 * Creates the process logger: structured JSON on stdout. Every line is redacted as a whole
 * (PESEL-like digit runs, emails, credentials in any string field), see redact.ts.
 */
export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  return pino(
    {
      level,
      base: { service: 'ikp-status' },
      hooks: { streamWrite: redactLogLine },
    },
    destination ?? process.stdout,
  );
}
