import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateToken } from '../../src/domain/token-hash.ts';
import type { RunningApp } from '../../src/main.ts';
import { pollUntil } from '../helpers/poll.ts';
import { startReplicaPair } from '../helpers/replicas.ts';
import { ConsoleClient } from './client.ts';

describe('operator console across two replicas on one Redis', () => {
  let a: RunningApp;
  let b: RunningApp;
  let stop: () => Promise<void>;
  const token = generateToken();

  beforeAll(async () => {
    ({ a, b, stop } = await startReplicaPair(token));
  });
  afterAll(async () => stop?.());

  const feed = async (app: RunningApp) => (await fetch(`${app.url}/feed.atom`)).text();
  const status = async (app: RunningApp) => (await fetch(`${app.url}/api/v1/status`)).json() as Promise<{ incidents: { title: { pl: string } }[]; maintenance: { upcoming: { title: string }[] }; components: { id: string; status: string }[] }>;

  it('when an operator signs in on one replica, then the same session works on the other', async () => {
    const onA = new ConsoleClient(a.url);
    await onA.signIn(token);
    const cookie = (await onA.get('/admin')).request.cookies;
    const onB = await fetch(`${b.url}/admin`, { headers: { cookie } });
    expect(await onB.text()).toContain('Zalogowano jako alice');
  });

  it('when an incident, a window and an override are posted on replica A, then replica B shows each on its page, API and feed', async () => {
    const console = new ConsoleClient(a.url);
    await console.signIn(token);
    expect((await console.submit('/admin/incidents', '/admin/incidents', { title_pl: 'Awaria Profilu Zaufanego (replika)', body_pl: 'Opis', impact: 'major', state: 'investigating', components: ['profil-zaufany'], action: 'create' })).status).toBe(303);
    await pollUntil('incident on B', async () => ((await status(b)).incidents.some((i) => i.title.pl.includes('(replika)')) ? true : undefined), 10_000);
    await pollUntil('incident in B feed', async () => ((await feed(b)).includes('(replika)') ? true : undefined), 10_000);
    const page = await (await fetch(`${b.url}/`)).text();
    expect(page).toContain('Awaria Profilu Zaufanego (replika)');

    expect((await console.submit('/admin/maintenance', '/admin/maintenance', { title: 'Prace serwisowe (replika)', start: '2030-01-10T22:00', end: '2030-01-11T02:00', components: ['ikp'] })).status).toBe(303);
    await pollUntil('window on B', async () => ((await status(b)).maintenance.upcoming.some((w) => w.title.includes('(replika)')) ? true : undefined), 10_000);

    expect((await console.submit('/admin/overrides', '/admin/overrides', { component: 'login-gov', status: 'outage', reason: 'Test replik', for: '1h' })).status).toBe(303);
    await pollUntil('override on B', async () => ((await status(b)).components.find((c) => c.id === 'login-gov')?.status === 'outage' ? true : undefined), 10_000);
    expect((await console.submit('/admin/overrides', '/admin/overrides/login-gov/clear', {})).status).toBe(303);
    await pollUntil('override lifted on B', async () => ((await status(b)).components.find((c) => c.id === 'login-gov')?.status !== 'outage' ? true : undefined), 10_000);

    // The audit trail is shared too: B's console lists A's actions.
    const onB = new ConsoleClient(b.url);
    await onB.signIn(token);
    const audit = (await onB.get('/admin/audit')).text;
    expect(audit).toContain('utworzenie incydentu');
    expect(audit).toContain('zaplanowanie przerwy');
    expect(audit).toContain('zdjęcie wymuszenia');
  });
});
