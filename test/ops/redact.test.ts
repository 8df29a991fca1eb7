import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logging/logger.ts';
import { CENSOR, redactDeep, redactLogLine, redactString } from '../../src/logging/redact.ts';

const PESEL = '44051401359';
const EMAIL = 'jan.kowalski@example.com';

/** A logger whose output lines are collected (pino writes one JSON line per call). */
function capture(level = 'trace'): { logger: ReturnType<typeof createLogger>; out: () => string; lines: () => Record<string, unknown>[] } {
  let out = '';
  const stream = new Writable({
    write(chunk: Buffer, _enc, cb) {
      out += chunk.toString();
      cb();
    },
  });
  const logger = createLogger(level, stream);
  return { logger, out: () => out, lines: () => out.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe('redactString', () => {
  it.each([
    ['a bare PESEL', PESEL, CENSOR.pesel],
    ['a PESEL inside words', `pesel=${PESEL}&x=1`, `pesel=${CENSOR.pesel}&x=1`],
    ['a PESEL in a URL path', `/api/v1/triage/${PESEL}`, `/api/v1/triage/${CENSOR.pesel}`],
    ['a longer digit run (account number)', '61109010140000071219812874', CENSOR.pesel],
    ['an email address', `write to ${EMAIL} please`, `write to ${CENSOR.email} please`],
    ['a bearer token', 'Authorization: Bearer abc.def-123', `Authorization: Bearer ${CENSOR.secret}`],
    ['basic credentials', 'basic dXNlcjpwYXNz', `basic ${CENSOR.secret}`],
    ['ten digits (not a PESEL)', 'phone 1923900000', 'phone 1923900000'],
    ['an ISO date-time', '2026-11-22T10:00:00.000Z', '2026-11-22T10:00:00.000Z'],
    ['plain text', 'probe fired', 'probe fired'],
  ])('when the string holds %s, then it becomes the redacted form', (_what, input, expected) => {
    expect(redactString(input)).toBe(expected);
  });
});

describe('redactDeep and redactLogLine', () => {
  it('when an object nests PESELs, emails and auth headers at any depth, then only those are replaced and numbers stay numbers', () => {
    const input = {
      req: { headers: { Authorization: 'Bearer x', cookie: 's=1', 'user-agent': 'curl' }, body: { note: `mój PESEL ${PESEL}`, list: [EMAIL, 1] } },
      at: 1_732_255_200_000,
      [PESEL]: 'key',
    };
    expect(redactDeep(input)).toEqual({
      req: { headers: { Authorization: CENSOR.secret, cookie: CENSOR.secret, 'user-agent': 'curl' }, body: { note: `mój PESEL ${CENSOR.pesel}`, list: [CENSOR.email, 1] } },
      at: 1_732_255_200_000,
      [CENSOR.pesel]: 'key',
    });
  });

  it('when a serialized line is redacted, then it stays one valid JSON line', () => {
    const line = `${JSON.stringify({ level: 30, time: 1_732_255_200_000, msg: `pesel ${PESEL}` })}\n`;
    const out = redactLogLine(line);
    expect(out.endsWith('\n')).toBe(true);
    expect(JSON.parse(out)).toEqual({ level: 30, time: 1_732_255_200_000, msg: `pesel ${CENSOR.pesel}` });
  });
});

describe('createLogger', () => {
  const cases: [string, (l: ReturnType<typeof createLogger>) => void][] = [
    ['the message', (l) => l.info(`login failed for ${PESEL}`)],
    ['a format argument', (l) => l.info('login failed for %s', PESEL)],
    ['an object format argument', (l) => l.info('body %o', { pesel: PESEL })],
    ['a nested field', (l) => l.info({ req: { body: { text: `PESEL: ${PESEL}`, mail: EMAIL } } }, 'triage')],
    ['an error message and stack', (l) => l.error({ err: new Error(`cannot parse ${PESEL} for ${EMAIL}`) }, 'failed')],
    ['an error logged alone', (l) => l.error(new Error(`bad input ${PESEL}`))],
    ['an error cause', (l) => l.error({ err: new Error('outer', { cause: new Error(`inner ${PESEL}`) }) }, 'failed')],
    ['a child binding', (l) => l.child({ url: `/x?pesel=${PESEL}` }).info('request')],
    ['an auth header', (l) => l.info({ headers: { authorization: 'Bearer s3cret-token' } }, 'upstream')],
  ];

  it.each(cases)('when a PESEL, email or credential is in %s, then the written line does not contain it', (_where, log) => {
    const { logger, out, lines } = capture();
    log(logger);
    expect(out()).not.toContain(PESEL);
    expect(out()).not.toContain(EMAIL);
    expect(out()).not.toContain('s3cret-token');
    expect(lines()).toHaveLength(1);
  });

  it('when an error is logged, then its type, redacted message and stack survive', () => {
    const { logger, lines } = capture();
    logger.error({ err: Object.assign(new Error(`bad ${PESEL}`), { code: 'E_BAD' }) }, 'failed');
    const err = lines()[0]!.err as { type: string; message: string; stack: string; code: string };
    expect(err).toMatchObject({ type: 'Error', message: `bad ${CENSOR.pesel}`, code: 'E_BAD' });
    expect(err.stack).toContain(`Error: bad ${CENSOR.pesel}`);
  });

  it.each([
    ['warn', 'info', 0],
    ['info', 'info', 1],
    ['debug', 'info', 1],
    ['silent', 'error', 0],
  ])('when the configured level is %s and a line is logged at %s, then %i line is written', (level, at, count) => {
    const { logger, lines } = capture(level);
    logger[at as 'info' | 'error']('hello');
    expect(lines()).toHaveLength(count);
  });
});
