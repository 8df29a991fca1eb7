import { randomBytes } from 'node:crypto';
import express, { type Request, type Response, type Router } from 'express';
import type { ChainBreak } from './scenarios.ts';

/**
 * The login path as the simulator serves it (DESIGN §6), every hop under its upstream's path prefix
 * so the scenarios' faults apply to it: IKP's auto-POST SAML form, login.gov.pl's SSO endpoint and
 * method chooser, PZ's JSF-like form with bank logos, banks' login pages, mojeID's hand-off, the
 * mObywatel QR page and the eDO App page. Every form stops where a credential would be typed.
 */

/** Banks that appear as logos on the PZ page (PZ via bank) and on the chooser (mojeID). */
const PZ_BANKS: Record<string, string> = { 'pko-bp': 'PKO Bank Polski', santander: 'Santander Bank Polska' };
const MOJEID_BANKS: Record<string, string> = { mbank: 'mBank', sgb: 'Banki Spółdzielcze SGB' };
const BANK_NAMES: Record<string, string> = { ...PZ_BANKS, ...MOJEID_BANKS };

function html(title: string, body: string, extraHead = ''): string {
  return `<!doctype html><html lang="pl"><head><meta charset="utf-8"><title>${title}</title>${extraHead}</head><body><main>${body}</main></body></html>`;
}

function authnRequest(acs: string): string {
  const id = `_${randomBytes(16).toString('hex')}`;
  const xml =
    `<?xml version="1.0" encoding="UTF-8"?><saml2p:AuthnRequest xmlns:saml2p="urn:oasis:names:tc:SAML:2.0:protocol" ` +
    `xmlns:saml2="urn:oasis:names:tc:SAML:2.0:assertion" ID="${id}" Version="2.0" IssueInstant="${new Date().toISOString()}" ` +
    `ProtocolBinding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Artifact" AssertionConsumerServiceURL="${acs}">` +
    `<saml2:Issuer>https://pacjent.gov.pl</saml2:Issuer></saml2p:AuthnRequest>`;
  return Buffer.from(xml).toString('base64');
}

const MAINTENANCE_PAGE = html(
  'Przerwa techniczna – login.gov.pl',
  '<h1>Przerwa techniczna</h1><p>Trwają prace serwisowe. Zapraszamy później.</p>',
);
const INCAPSULA_PAGE =
  '<html><head><META NAME="robots" CONTENT="noindex,nofollow"></head><body><iframe id="main-iframe" src="/_Incapsula_Resource?CWUDNSAI=1"></iframe>' +
  'Request unsuccessful. Incapsula incident ID: 000000000000000000-000000000000000000</body></html>';

const SESSION = 'WKSESSION';

/** Builds the chain's routes; `breaks()` says which hops the active scenarios break. */
export function loginChainRouter(breaks: () => ReadonlySet<ChainBreak>): Router {
  const r = express.Router();
  r.use(express.urlencoded({ extended: false, limit: '16kb' }));

  // IKP: the service answers with an auto-submitting SAML POST form (noscript button as fallback).
  r.get('/pacjent/ikp/zaloguj', (req, res) => {
    const base = `${req.protocol}://${req.get('host') ?? ''}`;
    const saml = breaks().has('ikp-saml-broken') ? Buffer.from('<Error>brak konfiguracji</Error>').toString('base64') : authnRequest(`${base}/pacjent/ikp/acs`);
    res.cookie('IKP_SESSION', randomBytes(8).toString('hex'), { path: '/pacjent', httpOnly: true });
    res.type('html').send(
      html(
        'Internetowe Konto Pacjenta – przekierowanie',
        `<form id="saml" method="post" action="/login-gov/login/SingleSignOnService">` +
          `<input type="hidden" name="SAMLRequest" value="${saml}"><input type="hidden" name="RelayState" value="${randomBytes(6).toString('hex')}">` +
          `<noscript><button type="submit">Dalej</button></noscript></form><script>document.getElementById('saml').submit()</script>`,
      ),
    );
  });

  // login.gov.pl SSO endpoint: accepts the AuthnRequest, starts a session, sends the browser to the chooser.
  r.post('/login-gov/login/SingleSignOnService', (req: Request, res: Response) => {
    if (breaks().has('waf-block')) return void res.status(403).type('html').send(INCAPSULA_PAGE);
    if (breaks().has('login-gov-maintenance-page')) return void res.status(503).type('html').send(MAINTENANCE_PAGE);
    const body = req.body as Record<string, string | undefined>;
    const decoded = Buffer.from(body.SAMLRequest ?? '', 'base64').toString('utf8');
    if (!decoded.includes(':AuthnRequest') || !body.RelayState) {
      return void res.status(400).type('html').send(html('Błąd – login.gov.pl', '<h1>Wystąpił błąd</h1><p>Nieprawidłowe żądanie uwierzytelnienia.</p>'));
    }
    res.cookie(SESSION, randomBytes(8).toString('hex'), { path: '/login-gov', httpOnly: true, sameSite: 'lax' });
    res.redirect(303, `/login-gov/login/wybor?sid=${randomBytes(4).toString('hex')}`);
  });

  // The chooser: tiles with generated ids, matched by visible text or logo alt text.
  r.get('/login-gov/login/wybor', (req, res) => {
    if (!String(req.headers.cookie ?? '').includes(`${SESSION}=`)) {
      return void res.status(400).type('html').send(html('Sesja wygasła – login.gov.pl', '<h1>Sesja wygasła</h1>'));
    }
    const tile = (href: string, inner: string): string => `<a class="tile" id="t-${randomBytes(3).toString('hex')}" href="${href}">${inner}</a>`;
    const tiles = [
      breaks().has('login-gov-chooser-missing-pz') ? '' : tile('/login-gov/login/metoda/pz', '<span>Profil Zaufany</span>'),
      tile('/login-gov/login/metoda/edowod', '<span>e-dowód</span>'),
      tile('/login-gov/login/metoda/mobywatel', '<span>aplikacja mObywatel</span>'),
      ...Object.entries(MOJEID_BANKS).map(([id, name]) => tile(`/login-gov/login/metoda/mojeid?bank=${id}`, `<img src="/logo/${id}.svg" alt="${name}">`)),
    ].join('');
    if (breaks().has('login-gov-chooser-js')) {
      // The tiles exist only after the script runs, as DESIGN §6 guesses for the real chooser.
      const script = `document.querySelector('nav.tiles').innerHTML = ${JSON.stringify(tiles).replaceAll('<', '\\u003c')};`;
      return void res.type('html').send(html('Wybierz sposób logowania – login.gov.pl', `<h1>Wybierz sposób logowania</h1><nav class="tiles"></nav><script>${script}</script>`));
    }
    res.type('html').send(html('Wybierz sposób logowania – login.gov.pl', `<h1>Wybierz sposób logowania</h1><nav class="tiles">${tiles}</nav>`));
  });
  r.get('/login-gov/login/metoda/pz', (_req, res) => res.redirect(302, `/pz/dt/login/login?urlt=${randomBytes(8).toString('hex')}`));
  r.get('/login-gov/login/metoda/edowod', (_req, res) => res.redirect(302, '/e-dowod/login'));
  r.get('/login-gov/login/metoda/mobywatel', (_req, res) => res.redirect(302, '/mobywatel/login/qr'));
  r.get('/login-gov/login/metoda/mojeid', (req, res) => res.redirect(302, `/mojeid/oauth2/authorize?bank=${encodeURIComponent(String(req.query.bank ?? ''))}`));

  // Profil Zaufany: a JSF form (login and password are never filled) plus "log in with your bank" logos.
  r.get('/pz/dt/login/login', (_req, res) => {
    const [login, password] = breaks().has('pz-form-changed') ? ['form1:username', 'form1:secret'] : ['loginForm:login', 'loginForm:hasło'];
    const banks = Object.entries(PZ_BANKS)
      .map(([id, name]) => `<li><a href="/pz/dt/login/bank?b=${id}"><img src="/logo/${id}.svg" alt="${name}"></a></li>`)
      .join('');
    res.cookie('JSESSIONID', randomBytes(8).toString('hex'), { path: '/pz', httpOnly: true });
    res.type('html').send(
      html(
        'Profil Zaufany – logowanie',
        `<h1>Zaloguj się</h1><form id="loginForm" method="post" action="/pz/dt/login/login">` +
          `<input type="text" name="${login}"><input type="password" name="${password}">` +
          `<input type="hidden" name="javax.faces.ViewState" value="${randomBytes(6).toString('hex')}"><input type="submit" name="loginForm:loginButton" value="Zaloguj się"></form>` +
          `<a href="/pz/dt/reset">Nie pamiętam hasła</a> <a href="/pz/dt/remind">Nie pamiętam nazwy użytkownika</a>` +
          `<h2>Zaloguj się przez bankowość elektroniczną</h2><ul class="banks">${banks}</ul>`,
      ),
    );
  });
  r.get('/pz/dt/login/bank', (req, res) => res.redirect(302, `/bank/${encodeURIComponent(String(req.query.b ?? ''))}/logowanie`));

  // mojeID (KIR): hands the patient over to the chosen bank.
  r.get('/mojeid/oauth2/authorize', (req, res) => res.redirect(302, `/bank/${encodeURIComponent(String(req.query.bank ?? ''))}/logowanie?client=mojeid`));

  // Banks' login pages (the identifier field only; nothing is typed).
  r.get('/bank/:bank/logowanie', (req: Request<{ bank: string }>, res) => {
    const name = BANK_NAMES[req.params.bank];
    if (name === undefined) return void res.status(404).type('html').send(html('Nie znaleziono', '<h1>Nie znaleziono</h1>'));
    res.type('html').send(
      html(`${name} – logowanie`, `<h1>Logowanie do bankowości</h1><form method="post" action="/bank/${req.params.bank}/logowanie"><input type="text" name="login" autocomplete="username"><button type="submit">Dalej</button></form>`),
    );
  });

  // mObywatel: a QR code to scan; e-dowód: the eDO App page (CAN and PIN come later, in the app).
  r.get('/mobywatel/login/qr', (_req, res) => {
    res.type('html').send(html('Zaloguj się aplikacją mObywatel', '<h1>Zeskanuj kod QR</h1><img class="qr" alt="Kod QR do zeskanowania w aplikacji mObywatel" src="/qr.png">'));
  });
  r.get('/e-dowod/login', (_req, res) => {
    res.type('html').send(html('Zaloguj się e-dowodem', '<h1>Użyj eDO App</h1><img class="qr" alt="Kod QR dla eDO App" src="/qr.png"><p>Użyj eDO App albo czytnika.</p>'));
  });
  return r;
}
