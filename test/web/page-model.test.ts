import { describe, expect, it } from 'vitest';
import type { IncidentView } from '../../src/status/incident-view.ts';
import { pageModel } from '../../src/web/page/page-model.ts';
import { buildStatusView } from '../../src/status/status-view.ts';
import { loadViews } from '../../src/web/page/render.ts';
import { excerpt } from '../../src/web/page/windows-section.ts';
import { T0, webFixture } from './fixture.ts';

const assets = { css: '/static/x/app.css', js: '/static/x/live.js', favicon: '/static/x/favicon.svg' };
const incident: IncidentView = {
  id: 'inc-7',
  title: { pl: 'Logowanie przez bank <b>przerywa</b>' },
  impact: 'minor',
  state: 'investigating',
  components: ['bank:pko-bp'],
  createdAt: new Date(T0 - 1_200_000).toISOString(),
  updatedAt: new Date(T0 - 300_000).toISOString(),
  resolvedAt: null,
  updates: [{ at: new Date(T0 - 300_000).toISOString(), state: 'investigating', body: 'Sprawdzamy <img src=x onerror=alert(1)>', bodyEn: 'Checking' }],
};

describe('page model and views', () => {
  it('when an incident is open while every component works, then the page never says "Wszystko działa" and shows the incident escaped', async () => {
    const f = await webFixture('ok');
    try {
      const { history, version } = f.snapshot.current();
      const [states, windows] = [await f.stores.results.getComponentStates(), await f.stores.windows.getWindows()];
      // Incidents go through the public state like every other input: no face adds them on its own.
      const viewWith = (incidents: IncidentView[]) => buildStatusView(f.config, states, windows, T0, incidents);
      const render = (incidents: IncidentView[]) => loadViews().page(pageModel({ config: f.config, view: viewWith(incidents), history, version, lang: 'pl', now: T0, assets }));
      expect(render([])).toContain('Wszystko działa');
      const html = render([incident]);
      expect(html).not.toContain('Wszystko działa');
      expect(html).toContain('Zgłoszono problem z logowaniem do IKP');
      expect(html).toContain('Utrudnienia: Logowanie przez bank &lt;b&gt;przerywa&lt;/b&gt;. Dotyczy: PKO Bank Polski.');
      expect(html).toContain('Logowanie przez bank &lt;b&gt;przerywa&lt;/b&gt;');
      expect(html).toContain('Sprawdzamy &lt;img src=x onerror=alert(1)&gt;');
      expect(html).toContain('id="incident-inc-7"');
      const en = loadViews().fragment(pageModel({ config: f.config, view: viewWith([incident]), history, version, lang: 'en', now: T0, assets }));
      // Update bodies are operator Markdown, rendered below the time and state line.
      expect(en).toContain('Investigating</strong></p><div class="md"><p>Checking</p>');
      expect(en).toContain('Logowanie przez bank &lt;b&gt;przerywa&lt;/b&gt;');
    } finally {
      await f.close();
    }
  });

  it('when the monitor is blind, then the page says plainly that it cannot check and when it last did', async () => {
    const f = await webFixture('blind');
    try {
      const { view, history, version } = f.snapshot.current();
      const en = pageModel({ config: f.config, view, history, version, lang: 'en', now: T0, assets });
      expect(en.banner).toMatchObject({ kind: 'blind', title: 'We cannot check right now whether logging in to IKP works', lastCheck: 'Last check: 27 January, 21:18 (12 min. ago).' });
      const html = loadViews().fragment(pageModel({ config: f.config, view, history, version, lang: 'pl', now: T0, assets }));
      expect(html).toContain('Nie możemy teraz sprawdzić, czy logowanie do IKP działa');
      expect(html).toContain('Ostatnie sprawdzenie: 27 stycznia, 21:18 (12 min temu).');
      expect(html).not.toContain('Wszystko działa');
    } finally {
      await f.close();
    }
  });

  it.each([
    ['short text', 'krótki', 'krótki'],
    ['extra whitespace', '  a \n\n b  ', 'a b'],
    ['a long notice', `${'słowo '.repeat(100)}`, `${'słowo '.repeat(66).trim()}…`],
  ])('when a notice has %s, then the page shows a readable excerpt', (_what, text, expected) => {
    expect(excerpt(text)).toBe(expected);
  });
});
