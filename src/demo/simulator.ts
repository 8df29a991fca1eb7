import express from 'express';
import type { Request, Response } from 'express';
import { startWebServer, type WebServer } from '../web/server.ts';
import { DEMO_NOTICES, noticeList } from './notice-pages.ts';
import { loginChainRouter } from './login-chain.ts';
import { NOTICE_PAGES, SCENARIOS, UPSTREAMS, type ChainBreak, type Fault } from './scenarios.ts';

/** A running simulator of the upstream sites, with switchable scenarios. */
export interface Simulator extends WebServer {
  active: Set<string>;
  setScenario(name: string, on: boolean): void;
}

/** How long a `slow` upstream delays each answer, unless told otherwise (the demo's probes call 1.5 s slow). */
const SLOW_MS = 2_500;

/** Simulator knobs a test may need. */
export interface SimulatorOptions {
  /**
   * The delay of a `slow` upstream. Tests that probe every second with sub-second timeouts shorten
   * it, so slowness stays slowness and is not read as a timeout.
   */
  slowMs?: number;
}

/** Starts local fake upstreams (pacjent.gov.pl, login.gov.pl, pz.gov.pl, mojeID, banks) plus a control endpoint. */
export async function startSimulator(port = 0, host = '127.0.0.1', opts: SimulatorOptions = {}): Promise<Simulator> {
  const slowMs = opts.slowMs ?? SLOW_MS;
  const active = new Set<string>();
  const hanging = new Set<Response>();
  const app = express();
  app.use(express.json({ limit: '1kb' }));

  const faultFor = (upstream: string): Fault | undefined => {
    for (const name of active) {
      const fault = SCENARIOS[name]?.faults[upstream];
      if (fault) return fault;
    }
    return undefined;
  };

  const noticesOn = (upstream: string): string => {
    const shown = new Set(
      [...active].flatMap((name) => SCENARIOS[name]?.notices ?? []).filter((id) => NOTICE_PAGES[upstream]?.includes(id)),
    );
    return NOTICE_PAGES[upstream] ? noticeList([...shown].map((id) => DEMO_NOTICES[id](Date.now()))) : '';
  };

  app.get('/_control', (_req, res) => {
    res.json({ active: [...active], scenarios: SCENARIOS });
  });
  app.post('/_control/scenarios/:name', (req: Request<{ name: string }>, res) => {
    const name = req.params.name;
    if (!SCENARIOS[name]) {
      res.status(404).json({ error: { code: 'UNKNOWN_SCENARIO', known: Object.keys(SCENARIOS) } });
      return;
    }
    const on = (req.body as { on?: unknown } | undefined)?.on !== false;
    setScenario(name, on);
    res.json({ active: [...active] });
  });

  // Longest prefix first, so /bank/mbank/logowanie belongs to bank/mbank and not to bank/mbank/komunikaty's sibling.
  const prefixes = Object.keys(UPSTREAMS).sort((a, b) => b.length - a.length);
  const upstreamOf = (path: string): string | undefined => prefixes.find((u) => path === `/${u}` || path.startsWith(`/${u}/`));

  // Faults apply to every page under an upstream's prefix, including the login path's hops.
  app.use((req, res, next) => {
    const upstream = upstreamOf(req.path);
    const fault = upstream === undefined ? undefined : faultFor(upstream);
    if (fault === 'reset') return void res.socket?.destroy();
    if (fault === 'hang') return void hanging.add(res);
    if (fault === 'http-503') return void res.status(503).type('html').send(page(UPSTREAMS[upstream!] ?? '', 'Usługa chwilowo niedostępna'));
    if (fault === 'slow') return void setTimeout(next, slowMs);
    next();
  });

  for (const [upstream, title] of Object.entries(UPSTREAMS)) {
    app.get([`/${upstream}`, `/${upstream}/`], (_req, res) => {
      if (upstream === 'canary') res.status(204).end();
      else res.type('html').send(page(title, 'Zaloguj się', noticesOn(upstream)));
    });
  }
  const breaks = (): Set<ChainBreak> => new Set([...active].flatMap((name) => SCENARIOS[name]?.breaks ?? []));
  app.use(loginChainRouter(breaks));

  function setScenario(name: string, on: boolean): void {
    if (on) active.add(name);
    else active.delete(name);
  }

  const server = await startWebServer(app, port, host);
  return {
    ...server,
    active,
    setScenario,
    close: async () => {
      for (const res of hanging) res.socket?.destroy();
      await server.close();
    },
  };
}

function page(title: string, body: string, notices = ''): string {
  return `<!doctype html><html lang="pl"><head><meta charset="utf-8"><title>${title}</title></head><body><main><h1>${title}</h1>${notices}<p>${body}</p></main></body></html>`;
}
