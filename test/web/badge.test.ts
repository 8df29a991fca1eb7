import { XMLParser } from 'fast-xml-parser';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/schema.ts';
import { badgeSvg, escapeXml } from '../../src/web/page/badge-svg.ts';
import { webFixture, type WebFixture } from './fixture.ts';

const HOSTILE_NAME = 'Bank <script>alert(1)</script> & "Spółka"';
const config = configSchema.parse({
  store: { snapshotFile: '' },
  components: [
    { id: 'login-gov', name: { pl: 'login.gov.pl', en: 'login.gov.pl' } },
    { id: 'profil-zaufany', name: { pl: 'Profil Zaufany', en: 'Trusted Profile' }, dependsOn: ['login-gov'] },
    { id: 'bank:zly', kind: 'bank', name: { pl: HOSTILE_NAME, en: HOSTILE_NAME } },
  ],
});

// superagent treats image/* as binary; read SVG as text.
const asText = (res: request.Response, done: (err: Error | null, body: string) => void): void => {
  let data = '';
  res.setEncoding('utf8');
  res.on('data', (chunk: string) => (data += chunk));
  res.on('end', () => done(null, data));
};
const svgText = (path: string, app: WebFixture['app']) => request(app).get(path).buffer(true).parse(asText);

describe('SVG badges', () => {
  let f: WebFixture;
  beforeAll(async () => {
    f = await webFixture('outage', config);
  });
  afterAll(async () => f.close());

  it.each([
    ['/badge/profil-zaufany.svg', 'Profil Zaufany: ✕ Nie działa'],
    ['/badge/profil-zaufany.svg?lang=en', 'Trusted Profile: ✕ Not working'],
    ['/badge/login-gov.svg', 'login.gov.pl: ✓ Działa'],
  ])('when %s is requested, then the badge names the component and its status in words and a symbol', async (path, label) => {
    const res = await svgText(path, f.app).expect(200).expect('content-type', /image\/svg\+xml/);
    const svg = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(res.body as string).svg;
    expect(svg['@aria-label']).toBe(label);
    expect(svg.title).toBe(label);
    expect(res.headers['cross-origin-resource-policy']).toBe('cross-origin');
    expect(res.headers['cache-control']).toBe('public, max-age=15');
  });

  it('when a component name holds markup, then the badge escapes it and stays well-formed XML', async () => {
    const res = await svgText('/badge/bank:zly.svg', f.app).expect(200);
    const text = res.body as string;
    expect(text).not.toContain('<script');
    expect(text).toContain('&lt;script&gt;');
    const svg = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(text).svg;
    expect(svg.title).toContain(HOSTILE_NAME);
  });

  it.each(['/badge/no-such.svg', '/badge/%3Cscript%3E.svg'])('when %s is requested, then the answer is a JSON 404 UNKNOWN_COMPONENT', async (path) => {
    const res = await request(f.app).get(path).expect(404);
    expect(res.body.error.code).toBe('UNKNOWN_COMPONENT');
  });

  it('when a badge is asked again with its ETag, then the answer is 304', async () => {
    const first = await request(f.app).get('/badge/login-gov.svg').expect(200);
    await request(f.app).get('/badge/login-gov.svg').set('if-none-match', first.headers.etag!).expect(304);
  });

  it.each([
    ['a & b', 'a &amp; b'],
    ['<x y="1">', '&lt;x y=&quot;1&quot;&gt;'],
    ["it's", 'it&apos;s'],
  ])('when %s is escaped for XML, then it reads %s', (raw, escaped) => {
    expect(escapeXml(raw)).toBe(escaped);
  });

  it('when a badge is drawn, then the two text runs fit their boxes', () => {
    const svg = badgeSvg('IKP', 'Działa', 'operational');
    const width = Number(/width="(\d+)"/.exec(svg)![1]);
    const lengths = [...svg.matchAll(/textLength="(\d+)"/g)].map((m) => Number(m[1]));
    expect(lengths.reduce((a, b) => a + b, 0) + 24).toBe(width);
  });
});
