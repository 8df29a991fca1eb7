import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { deflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { journeyProbeSchema, type JourneyProbeConfig } from '../../src/config/journey-schema.ts';
import { isCredentialField } from '../../src/domain/credential-fields.ts';
import { journeyProber } from '../../src/probes/journey.ts';
import { samlRequestProblem } from '../../src/probes/journey/saml.ts';

type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;

let server: Server;
let base: string;
const routes = new Map<string, Handler>();
const seen: { method: string; path: string; cookie: string | undefined; body: string }[] = [];

const page = (body: string, title = 'Strona'): string => `<!doctype html><html><head><title>${title}</title></head><body>${body}</body></html>`;
const send = (status: number, html: string, headers: Record<string, string | string[]> = {}): Handler => (_req, res) => {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', ...headers });
  res.end(html);
};

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      seen.push({ method: req.method ?? '', path, cookie: req.headers.cookie, body });
      const h = routes.get(`${req.method} ${path}`);
      if (h) h(req, res, body);
      else send(404, page('nie ma'))(req, res, body);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});
beforeEach(() => {
  routes.clear();
  seen.length = 0;
});

function journey(steps: unknown[], extra: Record<string, unknown> = {}): JourneyProbeConfig {
  return journeyProbeSchema.parse({ id: 'j', kind: 'journey', component: 'profil-zaufany', interval: '1m', timeout: '5s', journey: { stepTimeout: '2s', steps, ...extra } });
}
const ctx = () => ({ signal: new AbortController().signal, userAgent: 'ikp-status-test', clock: { now: () => Date.now() } });

const AUTHN = Buffer.from('<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_1" Version="2.0"/>').toString('base64');

describe('journey probe: refusing credentials', () => {
  it('when an auto-submit form has a password field, then the journey refuses it and sends nothing', async () => {
    routes.set('GET /start', send(200, page(`<form method="post" action="/login"><input type="hidden" name="SAMLRequest" value="${AUTHN}"><input name="RelayState" value="r"><input type="password" name="x1"></form>`)));
    routes.set('POST /login', send(200, page('zalogowano')));
    const out = await journeyProber(journey([{ id: 'start', get: `${base}/start` }, { id: 'next', submit: { fields: ['SAMLRequest', 'RelayState'] } }]), ctx());
    expect(out).toMatchObject({ ok: false, reason: 'journey_step_failed', detail: 'refused_credential_field:x1', failedStep: { id: 'start' } });
    expect(seen.filter((r) => r.method === 'POST')).toEqual([]);
  });

  it.each(['loginForm:hasło', 'haslo', 'userPassword', 'pin', 'can', 'smsCode', 'otp', 'kod_sms', 'pesel'])(
    'when a form carries a field named %s, then it is refused before sending',
    async (name) => {
      routes.set('GET /start', send(200, page(`<form method="post" action="/go"><input type="hidden" name="RelayState" value="r"><input type="text" name="${name}" value="1"></form>`)));
      const out = await journeyProber(journey([{ id: 'start', get: `${base}/start` }, { id: 'next', submit: { fields: ['RelayState'] } }]), ctx());
      expect(out.detail).toBe(`refused_credential_field:${name}`);
      expect(seen.some((r) => r.method === 'POST')).toBe(false);
    },
  );

  it('when a refused field name carries markup, then the detail keeps only a short plain form of it', async () => {
    routes.set('GET /start', send(200, page(`<form method="post" action="/go"><input type="hidden" name="RelayState" value="r"><input type="password" name="&lt;img src=x onerror=alert(1)&gt;${'a'.repeat(80)}"></form>`)));
    const out = await journeyProber(journey([{ id: 'start', get: `${base}/start` }, { id: 'next', submit: { fields: ['RelayState'] } }]), ctx());
    expect(out.detail).toMatch(/^refused_credential_field:[\p{L}\p{N}:._-]{1,40}$/u);
    expect(out.detail).not.toContain('<');
  });

  it('when a config asks a submit step to send a credential field, then the config is rejected naming the field', () => {
    const r = journeyProbeSchema.safeParse({
      id: 'j', kind: 'journey', component: 'x', interval: '1m', timeout: '5s',
      journey: { steps: [{ id: 'a', get: 'https://pz.gov.pl/' }, { id: 'b', submit: { fields: ['loginForm:login', 'loginForm:hasło'] } }] },
    });
    expect(r.success).toBe(false);
    expect(JSON.stringify(r.error?.issues)).toContain('\\"loginForm:hasło\\" is a credential field');
  });

  it.each([
    ['SAMLRequest', false], ['RelayState', false], ['javax.faces.ViewState', false], ['loginForm:login', false], ['canal', false],
    ['loginForm:hasło', true], ['j_password', true], ['PIN', true], ['cardCan', true], ['sms-code', true], ['otp1', true],
  ] as const)('when a field is named %s, then isCredentialField says %s', (name, secret) => {
    expect(isCredentialField(name)).toBe(secret);
  });
});

describe('journey probe: hops, cookies and pages', () => {
  it('when hops set cookies on redirects, then each later request to that host carries them, and the POST is form-encoded as the page built it', async () => {
    routes.set('GET /ikp', send(200, page(`<form method="post" action="/sso"><input type="hidden" name="SAMLRequest" value="${AUTHN}"><input type="hidden" name="RelayState" value="abc"><noscript><button type="submit" name="go">Dalej</button></noscript></form>`)));
    routes.set('POST /sso', send(303, '', { location: '/chooser?sid=1', 'set-cookie': 'WK=s1; Path=/; HttpOnly' }));
    routes.set('GET /chooser', (req, res, b) => send(req.headers.cookie?.includes('WK=s1') ? 200 : 400, page('<a class="tile" id="t-93" href="/pz?urlt=tok"><img alt="Profil Zaufany"></a>'))(req, res, b));
    routes.set('GET /pz', send(200, page('<form id="loginForm"><input name="loginForm:login"><input type="password" name="loginForm:hasło"></form>')));
    const out = await journeyProber(
      journey([
        { id: 'ikp-entry', component: 'ikp', get: `${base}/ikp`, expect: { samlRequest: 'AuthnRequest' } },
        { id: 'chooser', component: 'login-gov', submit: { fields: ['SAMLRequest', 'RelayState'] } },
        { id: 'pz-form', follow: { text: 'profil zaufany', method: 'profil-zaufany' }, expect: { form: ['loginForm:login', 'loginForm:hasło'] } },
      ]),
      ctx(),
    );
    expect(out).toMatchObject({ ok: true, reason: 'ok' });
    expect(out.steps?.map((s) => [s.id, s.status, s.url])).toEqual([
      ['ikp-entry', 200, `${base}/ikp`],
      ['chooser', 200, `${base}/chooser`],
      ['pz-form', 200, `${base}/pz`],
    ]);
    const post = seen.find((r) => r.method === 'POST');
    expect(Object.fromEntries(new URLSearchParams(post?.body))).toEqual({ SAMLRequest: AUTHN, RelayState: 'abc' });
    expect(seen.find((r) => r.path === '/pz')?.cookie).toContain('WK=s1');
  });

  it.each([
    ['an Incapsula block page', 403, 'Request unsuccessful. Incapsula incident ID: 1-2', {}, 'blocked', 'waf:incapsula'],
    ['a Cloudflare challenge', 403, '<script>window._cf_chl_opt={}</script>', { 'cf-mitigated': 'challenge' }, 'blocked', 'waf:cloudflare'],
    ['a maintenance page with 200', 200, '<h1>Przerwa techniczna</h1><p>Zapraszamy później.</p>', {}, 'maintenance_page', 'maintenance_page'],
    ['a maintenance page with 503', 503, '<p>Trwają prace serwisowe systemu.</p>', {}, 'maintenance_page', 'maintenance_page'],
    ['a plain 502', 502, '<p>Bad gateway</p>', {}, 'journey_step_failed', 'status:502'],
  ] as const)('when a hop answers %s, then the reason is %s', async (_n, status, body, headers, reason, detail) => {
    routes.set('GET /x', send(status, page(body), headers));
    const out = await journeyProber(journey([{ id: 'x', get: `${base}/x` }]), ctx());
    expect(out).toMatchObject({ ok: false, reason, detail, failedStep: { id: 'x', component: 'profil-zaufany' } });
  });

  it('when a long normal page merely mentions a past maintenance in a news item, then it is not a maintenance page', async () => {
    routes.set('GET /x', send(200, page(`<h1>Logowanie</h1><p>${'Aktualności. '.repeat(200)}</p><p>W sobotę odbyła się przerwa techniczna.</p>`)));
    const out = await journeyProber(journey([{ id: 'x', get: `${base}/x` }]), ctx());
    expect(out.reason).toBe('ok');
  });

  it('when redirects loop, then the step fails with redirect_loop and the run ends', async () => {
    routes.set('GET /a', send(302, '', { location: '/b' }));
    routes.set('GET /b', send(302, '', { location: '/a' }));
    const out = await journeyProber(journey([{ id: 'loop', get: `${base}/a` }]), ctx());
    expect(out).toMatchObject({ ok: false, reason: 'journey_step_failed', detail: 'redirect_loop', failedStep: { id: 'loop' } });
  });

  it('when a hop never answers, then the step budget ends it as a timeout of that step', async () => {
    routes.set('GET /hang', () => undefined);
    const out = await journeyProber(journey([{ id: 'hang', get: `${base}/hang`, timeout: '300ms' }]), ctx());
    // The hop never answers, so only a budget can end the step; the detail names the step's own
    // budget, not the journey's, which is all that is asserted (no bound on how long it took).
    expect(out).toMatchObject({ ok: false, reason: 'journey_step_failed', detail: 'timeout:step_budget', failedStep: { id: 'hang' } });
  });

  it('when a page is larger than maxBodyBytes, then it is not parsed and the step fails as too_large', async () => {
    routes.set('GET /big', send(200, page('x'.repeat(20_000))));
    const out = await journeyProber(journey([{ id: 'big', get: `${base}/big` }], { maxBodyBytes: 10_000 }), ctx());
    expect(out).toMatchObject({ ok: false, detail: 'too_large' });
  });

  it.each([
    ['a missing selector', { present: ['#loginForm'] }, 'page_changed', 'selector_missing:#loginForm'],
    ['an error box present', { absent: ['.error'] }, 'journey_step_failed', 'selector_present:.error'],
    ['a missing text', { text: ['Wybierz sposób logowania'] }, 'journey_step_failed', 'text_missing:Wybierz sposób logowania'],
    ['a forbidden text', { notText: ['wystąpił błąd'] }, 'journey_step_failed', 'text_present:wystąpił błąd'],
    ['another host', { host: 'pz.gov.pl' }, 'journey_step_failed', 'host:127.0.0.1'],
    ['no SAMLRequest', { samlRequest: 'AuthnRequest' }, 'journey_step_failed', 'saml_missing'],
  ] as const)('when the page has %s, then the check fails as %s', async (_n, expectation, reason, detail) => {
    routes.set('GET /p', send(200, page('<div class="error">Wystąpił błąd</div>')));
    const out = await journeyProber(journey([{ id: 'p', get: `${base}/p`, expect: expectation }]), ctx());
    expect(out).toMatchObject({ ok: false, reason, detail: detail.replace('127.0.0.1', new URL(base).host) });
  });

  it('when a link to follow is missing without a method, then it is markup drift (page_changed), with the previous page blamed', async () => {
    routes.set('GET /p', send(200, page('<a href="/q">Inny link</a>')));
    const out = await journeyProber(journey([{ id: 'p', component: 'login-gov', get: `${base}/p` }, { id: 'q', follow: { text: 'Dalej' } }]), ctx());
    expect(out).toMatchObject({ reason: 'page_changed', detail: 'link_missing:Dalej', failedStep: { id: 'p', component: 'login-gov' } });
    expect(out.steps?.map((s) => s.id)).toEqual(['p']);
  });
});

describe('SAMLRequest decoding', () => {
  it.each([
    ['POST binding (plain base64)', AUTHN, null],
    ['redirect binding (deflated)', deflateRawSync(Buffer.from('<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol"/>')).toString('base64'), null],
    ['a LogoutRequest', Buffer.from('<samlp:LogoutRequest xmlns:samlp="x"/>').toString('base64'), 'saml_not_authn_request:LogoutRequest'],
    ['not base64', '%%%', 'saml_not_base64'],
    ['empty', '', 'saml_missing'],
  ])('when the value is %s, then the problem is %s', (_n, value, problem) => {
    expect(samlRequestProblem(value)).toBe(problem);
  });
});
