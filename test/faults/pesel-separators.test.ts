import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeDigitText } from '../../src/domain/digits.ts';
import { safePercentDecode } from '../../src/logging/percent-decode.ts';
import { CENSOR, redactString } from '../../src/logging/redact.ts';
import { redactUrl } from '../../src/logging/redact-url.ts';
import { startWebServer, type WebServer } from '../../src/web/server.ts';
import { containsPesel } from '../../src/triage/pesel.ts';
import { pollUntil } from '../helpers/poll.ts';
import { faultApp, type FaultApp } from './harness.ts';

// A valid PESEL (fictional).
const PESEL = '44051401458';

/** Separators people (and their phones' autocorrect) put between digit groups: every kind of dash and punctuation. */
const SEPARATORS: [string, string][] = [
  ['an en dash', '\u2013'],
  ['an em dash', '\u2014'],
  ['a figure dash', '\u2012'],
  ['a horizontal bar', '\u2015'],
  ['a Unicode hyphen', '\u2010'],
  ['a non-breaking hyphen', '\u2011'],
  ['a minus sign', '\u2212'],
  ['a small hyphen-minus', '\ufe63'],
  ['a full-width hyphen-minus', '\uff0d'],
  ['a comma', ','],
  ['a colon', ':'],
  ['a semicolon', ';'],
  ['a dot', '.'],
  ['a slash', '/'],
  ['an underscore', '_'],
  ['a space', ' '],
  ['a non-breaking space', '\u00a0'],
  ['a thin space', '\u2009'],
  ['a narrow non-breaking space', '\u202f'],
  ['a full-width comma', '\uff0c'],
  ['an apostrophe', "'"],
  ['a middle dot', '\u00b7'],
];

/** How the groups are laid out around the separator. */
const LAYOUTS: [string, (sep: string) => string][] = [
  ['between date and serial', (s) => `440514${s}01458`],
  ['between every pair', (s) => `44${s}05${s}14${s}01${s}458`],
  ['spaced around', (s) => `440514 ${s} 01458`],
];

const SPELLINGS = SEPARATORS.flatMap(([what, sep]) => LAYOUTS.map(([layout, put]): [string, string] => [`${what} ${layout}`, put(sep)]));

const enc = (s: string): string => [...Buffer.from(s, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0').toUpperCase()}`).join('');
// ASCII separators that are legal in a path are sent raw, as a browser would; the rest as a browser encodes them.
const asBrowserSends = (s: string): string => [...s].map((c) => (/[0-9,:;._'\-]/.test(c) ? c : encodeURIComponent(c))).join('');

/** How the spelling reaches the URL path of a request. */
const PATHS: [string, (s: string) => string][] = [
  ['as a browser sends it', (s) => `/nope/${asBrowserSends(s)}`],
  ['every byte percent-encoded', (s) => `/nope/${enc(s)}`],
  ['double-encoded', (s) => `/nope/${enc(s).replace(/%/g, '%25')}`],
];

/** True when the text, decoded and normalised, still holds the PESEL's digits in order. */
const holdsPesel = (text: string): boolean => normalizeDigitText(safePercentDecode(text)).replace(/\D/g, '').includes(PESEL);

describe('PESEL with any dash or punctuation separator: the shape', () => {
  it.each(SPELLINGS)('when a PESEL is written with %s, then redactString removes it', (_what, s) => {
    const out = redactString(`/api/v1/x/${s}/y`);
    expect(out).toContain(CENSOR.pesel);
    expect(holdsPesel(out)).toBe(false);
  });

  it.each(SPELLINGS)('when a PESEL written with %s is percent-encoded in a path, then redactUrl removes it', (_what, s) => {
    for (const [, put] of PATHS) expect(holdsPesel(redactUrl(put(s)))).toBe(false);
  });

  it.each(SPELLINGS)('when a PESEL is written with %s, then the triage guard finds it', (_what, s) => {
    expect(containsPesel(`mój numer ${s} nie działa`)).toBe(true);
  });

  it.each([
    ['an ISO date-time', '2026-11-22T10:00:00.000Z, PESEL 440514\u201301458', '2026-11-22T10:00:00.000Z, PESEL [redacted:pesel]'],
    ['a time range', 'przerwa 10:00\u201312:30, numer 4405:1401:458', 'przerwa 10:00\u201312:30, numer [redacted:pesel]'],
    ['a list of codes', 'kody 401, 403, 429; pesel 44,05,14,01458', 'kody 401, 403, 429; pesel [redacted:pesel]'],
    ['a Polish date and time', 'zgłoszenie z 7 grudnia 2026, 14:05: numer 44\u201305\u201314\u201301458', 'zgłoszenie z 7 grudnia 2026, 14:05: numer [redacted:pesel]'],
  ])('when a line holds %s next to a PESEL, then only the PESEL is redacted', (_what, line, expected) => {
    expect(redactString(line)).toBe(expected);
  });

  it.each([
    ['the server\u2019s own URL', '{"url":"http://127.0.0.1:33513"}'],
    ['a log timestamp with seconds', 'at 2026-11-22 10:00:00 the probe ran'],
    ['a log timestamp with milliseconds', 'at 2026-11-22 10:00:00,123 the probe ran'],
  ])('when a line holds %s, then it is kept: the shapes a log needs are never read as a PESEL', (_what, line) => {
    expect(redactString(line)).toBe(line);
  });

  it.each([
    ['an address-like grouping without a port', '/x/440.514.014.58'],
    ['a timestamp-like grouping that is no valid time', '/x/4405-14-01 45:8'],
  ])('when a PESEL is written as %s, then it is still redacted', (_what, line) => {
    expect(holdsPesel(redactString(line))).toBe(false);
  });
});

describe('PESEL with any dash or punctuation separator: the access log of a running server', () => {
  let h: FaultApp;
  let server: WebServer;
  beforeAll(async () => {
    h = await faultApp({ level: 'debug' });
    server = await startWebServer(h.app, 0, '127.0.0.1');
  });
  afterAll(async () => {
    await server.close();
    await h.close();
  });

  const cases = SPELLINGS.flatMap(([what, s]) => PATHS.map(([how, put]): [string, string, string] => [what, how, put(s)]));
  it.each(cases)('when a PESEL written with %s is in the path (%s), then the logged request line holds no PESEL', async (_what, _how, path) => {
    const before = h.lines().length;
    const res = await fetch(`${server.url}${path}`);
    await res.arrayBuffer();
    expect(res.status).toBeLessThan(500);
    // The access line is written when the response finishes, which may be just after the client has it.
    const logged = await pollUntil('the access log line', async () => h.lines().slice(before).find((l) => l.msg === 'request'), 10_000, 5);
    const lines = h.lines().slice(before);
    expect(String(logged.url)).toContain(CENSOR.pesel);
    expect(lines.filter((l) => Object.values(l).some((v) => typeof v === 'string' && holdsPesel(v)))).toEqual([]);
  });
});
