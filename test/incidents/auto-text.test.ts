import { describe, expect, it } from 'vitest';
import { FakeClock } from '../../src/domain/clock.ts';
import { atSentenceStart, polishList } from '../../src/domain/polish-text.ts';
import type { ComponentState } from '../../src/domain/types.ts';
import { writtenDateTime } from '../../src/domain/written-dates.ts';
import { autoIncidentText, autoRecoveredText, type AutoIncidentKind } from '../../src/incidents/auto-text.ts';
import { INCIDENT_TEMPLATES, templatesFor } from '../../src/incidents/templates.ts';
import { createLogger } from '../../src/logging/logger.ts';
import { runAutoIncidents } from '../../src/pipeline/auto-incidents.ts';
import { pl } from '../../src/i18n/pl.ts';
import { testConfig } from '../helpers/config.ts';
import { memoryStores } from '../helpers/stores.ts';

/** 7 December 2026, 14:05 in Warsaw. */
const SINCE = Date.parse('2026-12-07T13:05:00Z');
const MOBYWATEL = { pl: 'aplikacja mObywatel', en: 'mObywatel app' };
const PKO = { pl: 'PKO Bank Polski', en: 'PKO Bank Polski' };
const SANTANDER = { pl: 'Santander Bank Polska', en: 'Santander Bank Polska' };
const IMPACT_LABELS = [pl['incident.impact.minor'], pl['incident.impact.major'], pl['incident.impact.critical']];
const NUMERIC_DATE = /\b\d{1,2}\.\d{1,2}\.\d{4}\b/;

describe('Polish words for dates and names', () => {
  it.each([
    [SINCE, 'pl', '7 grudnia 2026, 14:05'],
    [SINCE, 'en', '7 December 2026, 14:05'],
    [Date.parse('2026-07-01T02:30:00Z'), 'pl', '1 lipca 2026, 4:30'],
  ] as const)('when %s is written in %s, then it reads "%s"', (ms, lang, text) => {
    expect(writtenDateTime(ms, lang)).toBe(text);
  });

  it.each([
    ['aplikacja mObywatel', 'Aplikacja mObywatel'],
    ['e-dowód', 'E-dowód'],
    ['mBank', 'mBank'],
    ['mojeID (KIR)', 'mojeID (KIR)'],
    ['login.gov.pl (Węzeł Krajowy)', 'login.gov.pl (Węzeł Krajowy)'],
    ['Profil Zaufany', 'Profil Zaufany'],
  ])('when "%s" starts a sentence, then it is written "%s"', (name, written) => {
    expect(atSentenceStart(name)).toBe(written);
  });

  it.each([
    [[], ''],
    [['A'], 'A'],
    [['A', 'B'], 'A i B'],
    [['A', 'B', 'C'], 'A, B i C'],
  ])('when %j are listed, then they read "%s"', (names, text) => {
    expect(polishList(names)).toBe(text);
  });
});

describe('automatic incident words', () => {
  it.each([
    {
      kind: 'outage',
      root: MOBYWATEL,
      dependants: [],
      impact: 'major',
      title: 'Aplikacja mObywatel nie działa',
      body: 'Aplikacja mObywatel nie działa od 7 grudnia 2026, 14:05. Wykryliśmy to automatycznie i sprawdzamy przyczynę.',
    },
    {
      kind: 'outage',
      root: { pl: 'Profil Zaufany', en: 'Trusted Profile' },
      dependants: [PKO, SANTANDER],
      impact: 'major',
      title: 'Profil Zaufany nie działa',
      body: 'Profil Zaufany nie działa od 7 grudnia 2026, 14:05. Przez to nie działa też: PKO Bank Polski i Santander Bank Polska. Wykryliśmy to automatycznie i sprawdzamy przyczynę.',
    },
    {
      kind: 'partial',
      root: { pl: 'login.gov.pl', en: 'login.gov.pl' },
      dependants: [],
      impact: 'minor',
      title: 'Część sposobów logowania nie działa',
      body: 'Od 7 grudnia 2026, 14:05 część sposobów logowania nie działa, inne działają. Dotyczy: login.gov.pl. Wykryliśmy to automatycznie i sprawdzamy przyczynę. Sprawdź na stronie, który sposób logowania teraz działa.',
    },
    {
      kind: 'slow',
      root: { pl: 'IKP', en: 'IKP' },
      dependants: [],
      impact: 'minor',
      title: 'Logowanie działa wolniej',
      body: 'Od 7 grudnia 2026, 14:05 logowanie trwa dłużej niż zwykle. Dotyczy: IKP. Wykryliśmy to automatycznie i sprawdzamy przyczynę.',
    },
  ] as const)('when an automatic $kind incident opens for $root.pl, then its Polish title is "$title"', ({ kind, root, dependants, impact, title, body }) => {
    const text = autoIncidentText(kind, root, [...dependants], SINCE);
    expect(text.impact).toBe(impact);
    expect(text.title.pl).toBe(title);
    expect(text.body.pl).toBe(body);
  });

  it.each(['outage', 'partial', 'slow'] as const)('when an automatic %s incident is shown as "impact: title", then nothing is doubled, no date is numeric and "wolniej" means slow alone', (kind: AutoIncidentKind) => {
    const text = autoIncidentText(kind, PKO, [SANTANDER], SINCE);
    for (const label of IMPACT_LABELS) expect(text.title.pl.toLowerCase()).not.toContain(label.toLowerCase().split(' ').at(-1)!);
    expect(text.title.pl).not.toMatch(/^(Awaria|Utrudnienia)\b/);
    for (const words of [text.title.pl, text.body.pl, text.title.en, text.body.en]) expect(words).not.toMatch(NUMERIC_DATE);
    expect(/wolniej/.test(`${text.title.pl} ${text.body.pl}`)).toBe(kind === 'slow');
  });

  it.each([
    [[MOBYWATEL], 'Aplikacja mObywatel znów działa. Wykryliśmy to automatycznie.'],
    [[{ pl: 'e-dowód', en: 'e-ID card' }, { pl: 'mBank', en: 'mBank' }], 'E-dowód i mBank znów działają. Wykryliśmy to automatycznie.'],
  ])('when %j recover, then the closing post reads "%s"', (names, text) => {
    expect(autoRecoveredText(names).pl).toBe(text);
  });

  it('when the pipeline opens an automatic incident for a long outage, then it is worded for an outage with a Polish date', async () => {
    const clock = new FakeClock(SINCE);
    const config = testConfig({
      components: [
        { id: 'mobywatel', name: MOBYWATEL },
        { id: 'login-gov', name: { pl: 'login.gov.pl', en: 'login.gov.pl' } },
      ],
      loginMethods: [{ id: 'mobywatel', name: MOBYWATEL, path: ['login-gov', 'mobywatel'] }],
      incidents: { autoOpenAfter: '10m' },
    });
    const stores = await memoryStores(clock);
    const down: ComponentState = { id: 'mobywatel', status: 'outage', since: SINCE, lastCheckedAt: SINCE, reason: 'timeout', rootCause: null };
    clock.advance(10 * 60_000);
    await runAutoIncidents({ config, stores, clock, logger: createLogger('silent') }, [down]);
    const [opened] = await stores.operator.getIncidents();
    expect(opened).toMatchObject({ impact: 'major', title: { pl: 'Aplikacja mObywatel nie działa', en: 'mObywatel app is down' } });
    expect(opened!.updates[0]!.body.pl).toBe('Aplikacja mObywatel nie działa od 7 grudnia 2026, 14:05. Wykryliśmy to automatycznie i sprawdzamy przyczynę.');
    await stores.lifecycle.close();
  });
});

describe('incident templates by meaning', () => {
  it.each([
    ['slow', ['slow-login']],
    ['partial', ['partial-login']],
    ['unverified', []],
    ['works', []],
  ])('when the public meaning is %s, then the fitting templates are %j', (meaning, ids) => {
    expect(templatesFor(meaning).map((t) => t.id)).toEqual(ids);
  });

  it.each(INCIDENT_TEMPLATES.map((t) => [t.id, t] as const))('when template %s is read, then it says "wolniej" only if it describes slowness and dates nothing numerically', (_id, t) => {
    const words = `${t.title.pl} ${t.body.pl}`;
    expect(/wolniej|dłużej/.test(words)).toBe(t.meaning === 'slow');
    expect(words).not.toMatch(NUMERIC_DATE);
  });

  it('when a partial failure is announced from a template, then it is minor and says that some ways of signing in do not work', () => {
    const [partial] = templatesFor('partial');
    expect(partial).toMatchObject({ impact: 'minor', title: { pl: 'Część sposobów logowania nie działa' } });
  });
});
