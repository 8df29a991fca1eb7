import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { journeyProbeSchema } from '../../src/config/journey-schema.ts';
import { journeyProber } from '../../src/probes/journey.ts';
import { startUpstream, type Upstream } from '../helpers/upstream.ts';

let upstream: Upstream;
beforeAll(async () => {
  upstream = await startUpstream();
});
afterAll(() => upstream.close());

const page = (head: string, body: string): string => `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;
const LOGIN_TEXT = `<h1>Wybierz sposób logowania</h1><p>${'Zaloguj się do Internetowego Konta Pacjenta. '.repeat(20)}</p>`;

/** Pages a hop may answer with instead of the site's own, as the WAF vendors document them. */
const ANSWERS: [string, number, string, Record<string, string>][] = [
  ['too many requests', 429, page('<title>Too Many Requests</title>', '<p>Too Many Requests</p>'), { 'retry-after': '30' }],
  // Imperva's JavaScript challenge: an empty page running a script from /_Incapsula_Resource.
  ['an Imperva JavaScript challenge', 200, page('<meta name="robots" content="noindex,nofollow"><script src="/_Incapsula_Resource?SWJIYLWA=719d34d31c8e3a6e6fffd425f7e032f3"></script>', ''), {}],
  // Imperva's CAPTCHA and block pages frame the challenge from /_Incapsula_Resource.
  ['an Imperva CAPTCHA frame', 403, page('<meta name="robots" content="noindex,nofollow">', '<iframe id="main-iframe" src="/_Incapsula_Resource?CWUDNSAI=24&xinfo=8-1-0&incident_id=0-1&edet=15" frameborder="0" width="100%" height="100%"></iframe>'), {}],
  ['an Imperva Advanced Bot Protection page', 403, page('<title>Pardon Our Interruption</title>', '<h1>Pardon Our Interruption</h1><p>As you were browsing something about your browser made us think you were a bot.</p>'), {}],
  // Every Imperva-protected page loads that script: a page with content of its own is the site's answer.
  ['the login page of an Imperva-protected site', 200, page('<script src="/_Incapsula_Resource?SWJIYLWA=719d34d31c8e3a6e6fffd425f7e032f3"></script>', LOGIN_TEXT), {}],
];

describe('a hop that pushes the monitor back', () => {
  it('when a hop answers 429 or an Imperva challenge, then the journey is blocked (never a failed step), and a protected site\'s own page still passes', async () => {
    const seen: Record<string, string> = {};
    for (const [name, status, html, headers] of ANSWERS) {
      const path = `/${encodeURIComponent(name)}`;
      upstream.route(path, (_req, res) => void res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', ...headers }).end(html));
      const probe = journeyProbeSchema.parse({
        id: 'j',
        kind: 'journey',
        component: 'login-gov',
        interval: '1m',
        timeout: '5s',
        journey: { stepTimeout: '2s', steps: [{ id: 'login-gov-chooser', get: upstream.url(path), expect: { text: ['Wybierz sposób logowania'] } }] },
      });
      const out = await journeyProber(probe, { signal: new AbortController().signal, userAgent: 'ikp-status-test', clock: { now: () => Date.now() } });
      seen[name] = `${out.reason}${out.detail ? ` ${out.detail}` : ''}`;
    }
    expect(seen).toEqual({
      'too many requests': 'blocked rate_limited:429',
      'an Imperva JavaScript challenge': 'blocked waf:incapsula',
      'an Imperva CAPTCHA frame': 'blocked waf:incapsula',
      'an Imperva Advanced Bot Protection page': 'blocked waf:imperva',
      'the login page of an Imperva-protected site': 'ok',
    });
  });
});
