import { pino, type Logger } from 'pino';

export type { Logger };

/** Creates the process logger: structured JSON on stdout, secrets redacted. */
export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  return pino(
    {
      level,
      base: { service: 'ikp-status' },
      redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'headers.authorization'], censor: '[redacted]' },
    },
    destination ?? process.stdout,
  );
}
