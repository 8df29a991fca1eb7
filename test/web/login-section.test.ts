import { describe, expect, it } from 'vitest';
import type { ComponentState, ComponentStatus, MaintenanceWindow } from '../../src/domain/types.ts';
import { timeFormat } from '../../src/i18n/format.ts';
import { translator, type Lang } from '../../src/i18n/index.ts';
import { loginSection, type LoginGroup } from '../../src/web/page/login-section.ts';
import { buildStatusView } from '../../src/status/status-view.ts';
import { fixtureConfig, T0 } from './fixture.ts';

const config = fixtureConfig();

function groups(down: Record<string, ComponentStatus>, windows: MaintenanceWindow[] = [], lang: Lang = 'pl'): Map<string, LoginGroup> {
  const states = new Map<string, ComponentState>(
    config.components.map((c) => [c.id, { id: c.id, status: down[c.id] ?? 'operational', reason: 'ok', rootCause: null, since: T0, lastCheckedAt: T0 }]),
  );
  const view = buildStatusView(config, states, windows, T0);
  const t = translator(lang);
  const names = new Map(config.components.map((c) => [c.id, c.name[lang]]));
  return new Map(loginSection({ view, methods: config.loginMethods, names, lang, t, fmt: timeFormat(t, T0) }).map((g) => [g.id, g]));
}

const window: MaintenanceWindow = {
  id: 'w1', source: 'manual', noticeKey: 'w1', kind: 'maintenance', components: ['login-gov'], start: T0 - 1_800_000, end: T0 + 5_400_000,
  title: 'Przerwa', text: '', link: null, publishedAt: null, firstSeenAt: T0, lastSeenAt: T0, updatedAt: T0, state: 'announced',
};

describe('Jak mogę się teraz zalogować?', () => {
  it('when everything works, then every method works and no alternatives are offered', () => {
    for (const g of groups({}).values()) {
      expect(g.line).toMatchObject({ works: true, worksText: 'Działa', why: null });
      expect(g.alternatives).toBeNull();
    }
  });

  it('when Profil Zaufany is down, then PZ methods name it as the cause and point to mojeID, mObywatel and e-dowód', () => {
    const g = groups({ 'profil-zaufany': 'outage' });
    expect(g.get('profil-zaufany')!.line.why).toBe('Ten sposób logowania nie działa, bo Profil Zaufany ma awarię.');
    const bank = g.get('pz-bank')!;
    expect(bank.banks!.map((b) => b.why)).toEqual([
      'Logowanie przez PKO Bank Polski nie działa, bo Profil Zaufany ma awarię.',
      'Logowanie przez Santander Bank Polska nie działa, bo Profil Zaufany ma awarię.',
    ]);
    expect(bank.alternatives).toEqual(['mojeID przez bank (mBank, Banki Spółdzielczej Grupy Bankowej (SGB))', 'aplikacja mObywatel', 'e-dowód']);
    expect(g.get('mojeid')!.alternatives).toBeNull();
  });

  it('when login.gov.pl has announced maintenance, then the cause says until when and no alternative is left', () => {
    const g = groups({ 'login-gov': 'maintenance' }, [window]);
    expect(g.get('mobywatel')!.line.why).toBe('Ten sposób logowania nie działa, bo login.gov.pl (Węzeł Krajowy) ma przerwę techniczną (do 27 stycznia, 23:00).');
    expect(g.get('mobywatel')!.line.status).toBe('maintenance');
    expect(g.get('e-dowod')!.alternatives).toEqual([]);
  });

  it('when only one bank of a method is down, then the method works only in some banks', () => {
    const g = groups({ 'bank:pko-bp': 'outage' }).get('pz-bank')!;
    expect(g.line).toMatchObject({ status: 'degraded', worksText: 'Działa tylko w niektórych bankach' });
    expect(g.banks!.map((b) => b.works)).toEqual([false, true]);
    expect(g.banks![0]!.why).toBe('Logowanie przez PKO Bank Polski nie działa, bo bank ma awarię.');
    expect(g.alternatives).toContain('aplikacja mObywatel');
  });

  it('when a bank is unknown, then its line says we do not know and names what we lack', () => {
    const g = groups({ 'bank:mbank': 'unknown' }).get('mojeid')!;
    expect(g.banks![0]).toMatchObject({ works: null, worksText: 'Nie wiemy', why: 'Brak aktualnych danych o: mBank.' });
  });

  it('when the page is English, then the sentence is English too', () => {
    const g = groups({ 'profil-zaufany': 'outage' }, [], 'en');
    expect(g.get('profil-zaufany')!.line.why).toBe('This login method does not work because Trusted Profile has an outage.');
  });
});
