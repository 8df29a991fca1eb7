import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeDigitText } from '../../src/domain/digits.ts';
import { safePercentDecode } from '../../src/logging/percent-decode.ts';
import { containsPesel } from '../../src/triage/pesel.ts';
import { isSaneRequestId } from '../../src/web/request-context.ts';
import { faultApp, type FaultApp } from './harness.ts';

// A valid PESEL (fictional), the one the log excerpts show.
const PESEL = '44051401458';
const enc = (s: string): string => [...Buffer.from(s, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0').toUpperCase()}`).join('');
const fullWidth = (s: string): string => s.replace(/\d/g, (d) => String.fromCodePoint(0xff10 + Number(d)));

/** Every spelling of the PESEL the issue found in logs or in triage, plus a few more of the same kind. */
const SPELLINGS: [string, string][] = [
  ['plain', PESEL],
  ['space-separated', '440514 01458'],
  ['plus-separated', '440514+01458'],
  ['dash-grouped', '440-514-014-58'],
  ['dot-grouped', '44.05.14.01458'],
  ['slash-separated', '440514/01458'],
  ['underscore-separated', '440514_01458'],
  ['full-width digits', fullWidth(PESEL)],
  ['zero-width spaces', '440514\u200b01458'],
  ['a zero-width joiner between every digit', [...PESEL].join('\u200d')],
  ['non-breaking spaces', '440\u00a0514\u00a001458'],
  ['narrow non-breaking and ideographic spaces', '440514\u202f014\u300058'],
  ['Arabic-Indic digits', PESEL.replace(/\d/g, (d) => String.fromCodePoint(0x0660 + Number(d)))],
];

/** How each spelling is put into a URL path, a query string or a header. */
const URLS: [string, (s: string) => string][] = [
  ['a query value, every byte percent-encoded', (s) => `/nope?pesel=${enc(s)}`],
  ['a query value, as written', (s) => `/nope?pesel=${encodeURIComponent(s)}`],
  ['a query parameter name', (s) => `/nope?${encodeURIComponent(s)}=1`],
  ['the path', (s) => `/nope/${encodeURIComponent(s)}`],
  ['the path, double-encoded', (s) => `/nope/${enc(s).replace(/%/g, '%25')}`],
  ['an admin path parameter', (s) => `/api/v1/admin/incidents/${encodeURIComponent(s)}`],
];

/** True when any string field of a log line, decoded and normalised, holds the PESEL's digits in order. */
function leaks(line: Record<string, unknown>, needle: string): boolean {
  const strings: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string') strings.push(v);
    else if (v && typeof v === 'object') Object.entries(v).forEach(([k, x]) => (strings.push(k), walk(x)));
  };
  walk(line);
  return strings.some((s) => normalizeDigitText(safePercentDecode(s)).replace(/\D/g, '').includes(needle));
}

describe('log redaction by shape (issue 10 item 8)', () => {
  let h: FaultApp;
  beforeAll(async () => {
    h = await faultApp({ level: 'debug' });
  });
  afterAll(() => h.close());

  const cases = SPELLINGS.flatMap(([what, s]) => URLS.map(([where, put]): [string, string, string] => [what, where, put(s)]));
  it.each(cases)('when a PESEL written %s is in %s, then the access log holds no PESEL digits', async (_what, _where, url) => {
    const before = h.lines().length;
    const res = await request(h.app).get(url);
    expect(res.status).toBeLessThan(500);
    const lines = h.lines().slice(before);
    expect(lines.some((l) => l.msg === 'request')).toBe(true);
    expect(lines.filter((l) => leaks(l, PESEL))).toEqual([]);
  });

  it.each(SPELLINGS.filter(([, s]) => /^[\x21-\x7e]+$/.test(s)))('when x-request-id carries a PESEL written %s, then a fresh id is used and logged', async (_what, s) => {
    const id = `req-${s}`;
    const before = h.lines().length;
    const res = await request(h.app).get('/nope').set('x-request-id', id);
    expect(res.headers['x-request-id']).not.toBe(id);
    expect(h.lines().slice(before).filter((l) => leaks(l, PESEL))).toEqual([]);
  });

  it('when x-request-id is req-440514-01458, then it is refused as unsafe', () => {
    expect(isSaneRequestId('req-440514-01458')).toBe(false);
    expect(isSaneRequestId('req-440514-0145')).toBe(true);
  });

  it.each<[string, (t: string) => { url: string; headers?: Record<string, string> }]>([
    ['?token=', (t) => ({ url: `/api/v1/admin/incidents?token=${t}` })],
    ['?access_token=', (t) => ({ url: `/api/v1/admin/incidents?access_token=${t}` })],
    ['?token= percent-encoded', (t) => ({ url: `/api/v1/admin/incidents?token=${enc(t)}` })],
    ['the path', (t) => ({ url: `/api/v1/admin/incidents/${t}` })],
    ['an unknown path', (t) => ({ url: `/${t}/x` })],
    ['x-request-id', (t) => ({ url: '/api/v1/admin/incidents', headers: { 'x-request-id': t } })],
    ['a bad Authorization header', (t) => ({ url: '/api/v1/admin/incidents', headers: { authorization: `Bearer ${t}x` } })],
    ['a POST with the token as the id', (t) => ({ url: `/api/v1/admin/incidents/${t}/updates` })],
  ])('when the operator token is in %s, then it appears nowhere in the log', async (_where, make) => {
    const { url, headers } = make(h.token);
    const before = h.log().length;
    const req = url.endsWith('/updates') ? request(h.app).post(url).send({}) : request(h.app).get(url);
    for (const [k, v] of Object.entries(headers ?? {})) req.set(k, v);
    const res = await req;
    expect(res.status).toBeLessThan(500);
    const written = h.log().slice(before);
    expect(written).toContain('"msg":"request"');
    expect(written).not.toContain(h.token);
    expect(safePercentDecode(written)).not.toContain(h.token);
    // Not even a recognisable part of it.
    expect(written).not.toContain(h.token.slice(4, 24));
  });

  it('when a query string is logged, then only parameter names remain', async () => {
    const before = h.lines().length;
    await request(h.app).get('/nope?lang=pl&note=hello');
    const line = h.lines().slice(before).find((l) => l.msg === 'request')!;
    expect(line.url).toBe('/nope?lang=[redacted]&note=[redacted]');
  });
});

describe('triage PESEL guard (issue 10 item 8)', () => {
  it.each(SPELLINGS)('when a PESEL is written %s, then the triage guard finds it', (_what, s) => {
    expect(containsPesel(`mój numer ${s} nie działa`)).toBe(true);
  });

  it.each(SPELLINGS)('when a PESEL written %s is posted to the triage API, then it is rejected with PESEL_REJECTED', async (_what, s) => {
    const h = await faultApp();
    try {
      const res = await request(h.app).post('/api/v1/triage').send({ method: 'profil-zaufany', errorText: `błąd ${s}` });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('PESEL_REJECTED');
    } finally {
      await h.close();
    }
  });

  it.each([
    ['a date and time', '2026-05-01 10:30'],
    ['a phone number', '+48 22 123 45 67 wew. 1'],
    ['an 11-digit run failing the checksum', '440514 01459'],
  ])('when the text holds %s, then it is not taken for a PESEL', (_what, s) => {
    expect(containsPesel(s)).toBe(false);
  });
});
