/**
 * Realistic Polish notices (written for this project in the style of pacjent.gov.pl, CeZ,
 * gov.pl/COI and bank pages) with the exact parse we expect. Offsets: Europe/Warsaw is +01:00
 * in winter and +02:00 from 29 March 2026 02:00 to 25 October 2026 03:00 (2025: 30 March to 26 October).
 */
import type { ParsedNotice } from '../../src/notices/parser/index.ts';

/** One table row: a notice, when it was published, and what it must parse to. */
export interface CorpusCase {
  name: string;
  text: string;
  publishedAt: string;
  expected: Pick<ParsedNotice, 'kind' | 'windows' | 'components'>;
}

/** The table driven by test/notices/parser.test.ts. */
export const CORPUS: CorpusCase[] = [
  // Day + genitive month, with and without year and "r."
  {
    name: 'a genitive month with year, "r." and an en-dash range',
    text: '27 stycznia 2026 r. w godz. 22:00–23:00 Internetowe Konto Pacjenta będzie niedostępne z powodu prac serwisowych.',
    publishedAt: '2026-01-20T10:00:00+01:00',
    expected: { kind: 'maintenance', windows: [{ start: '2026-01-27T22:00:00.000+01:00', end: '2026-01-27T23:00:00.000+01:00' }], components: ['ikp'] },
  },
  {
    name: 'a genitive month with year and no "r." under "w godzinach"',
    text: 'W dniu 26 listopada 2025 w godzinach 20:00-22:00 zaplanowano prace techniczne systemu login.gov.pl.',
    publishedAt: '2025-11-20T09:00:00+01:00',
    expected: { kind: 'maintenance', windows: [{ start: '2025-11-26T20:00:00.000+01:00', end: '2025-11-26T22:00:00.000+01:00' }], components: ['login-gov'] },
  },
  {
    name: 'a genitive month without year and dotted times "od godz. … do godz."',
    text: 'Przerwa techniczna Profilu Zaufanego: 3 lutego od godz. 21.00 do godz. 23.30.',
    publishedAt: '2026-01-28T12:00:00+01:00',
    expected: { kind: 'maintenance', windows: [{ start: '2026-02-03T21:00:00.000+01:00', end: '2026-02-03T23:30:00.000+01:00' }], components: ['profil-zaufany'] },
  },
  {
    name: 'a date with "r." followed by hours in parentheses',
    text: 'Prace serwisowe w aplikacji mObywatel zaplanowano na 26 listopada 2025 r. (22:00–23:30).',
    publishedAt: '2025-11-21T15:00:00+01:00',
    expected: { kind: 'maintenance', windows: [{ start: '2025-11-26T22:00:00.000+01:00', end: '2025-11-26T23:30:00.000+01:00' }], components: ['mobywatel'] },
  },
  {
    name: 'hours in parentheses right after a date without year',
    text: '27 stycznia (22:00–23:00) aktualizacja systemu Profil Zaufany.',
    publishedAt: '2026-01-20T10:00:00+01:00',
    expected: { kind: 'maintenance', windows: [{ start: '2026-01-27T22:00:00.000+01:00', end: '2026-01-27T23:00:00.000+01:00' }], components: ['profil-zaufany'] },
  },
  // Numeric dates
  {
    name: 'a numeric date 9.06.2025 ending at 24:00',
    text: 'W dniu 9.06.2025 r. od godz. 20:00 do godz. 24:00 nastąpi przerwa techniczna w działaniu platformy P1 (e-recepta, e-skierowanie).',
    publishedAt: '2025-06-02T08:00:00+02:00',
    expected: { kind: 'maintenance', windows: [{ start: '2025-06-09T20:00:00.000+02:00', end: '2025-06-10T00:00:00.000+02:00' }], components: ['ikp'] },
  },
  {
    name: 'a numeric date 12.01.2025 with an end after midnight',
    text: '12.01.2025 w godz. 23:00-01:00 mogą wystąpić utrudnienia w logowaniu do IKP przez login.gov.pl.',
    publishedAt: '2025-01-08T10:00:00+01:00',
    expected: { kind: 'maintenance', windows: [{ start: '2025-01-12T23:00:00.000+01:00', end: '2025-01-13T01:00:00.000+01:00' }], components: ['ikp', 'login-gov'] },
  },
  {
    name: 'a day.month date 09.06 without year',
    text: '09.06 w godz. 18:00–20:00 planowana jest aktualizacja systemu mojeID.',
    publishedAt: '2025-06-02T08:00:00+02:00',
    expected: { kind: 'maintenance', windows: [{ start: '2025-06-09T18:00:00.000+02:00', end: '2025-06-09T20:00:00.000+02:00' }], components: ['mojeid'] },
  },
  {
    name: 'a numeric date with dotted hours 6.00-8.00 at a bank',
    text: 'Informujemy, że 15.02.2026 w godz. 6.00-8.00 bankowość internetowa iPKO będzie niedostępna, w tym logowanie do Profilu Zaufanego.',
    publishedAt: '2026-02-10T09:00:00+01:00',
    expected: { kind: 'maintenance', windows: [{ start: '2026-02-15T06:00:00.000+01:00', end: '2026-02-15T08:00:00.000+01:00' }], components: ['bank:pko-bp', 'profil-zaufany'] },
  },
  {
    name: 'a dotted date with dotted hours and a dash before a non-temporal word',
    text: 'Przerwa techniczna 14.03.2026 w godz. 20.00-22.00 - źródło: komunikat CeZ dotyczący pacjent.gov.pl.',
    publishedAt: '2026-03-10T12:00:00+01:00',
    expected: { kind: 'maintenance', windows: [{ start: '2026-03-14T20:00:00.000+01:00', end: '2026-03-14T22:00:00.000+01:00' }], components: ['ikp'] },
  },
  // Weekdays
  {
    name: '"w sobotę" alone resolved to the next Saturday',
    text: 'W sobotę w godz. 8:00–12:00 Internetowe Konto Pacjenta będzie niedostępne z powodu prac konserwacyjnych.',
    publishedAt: '2026-01-21T10:00:00+01:00',
    expected: { kind: 'maintenance', windows: [{ start: '2026-01-24T08:00:00.000+01:00', end: '2026-01-24T12:00:00.000+01:00' }], components: ['ikp'] },
  },
  {
    name: '"w niedzielę" published on that Sunday with "6 rano … 9 rano"',
    text: 'W niedzielę od 6 rano do 9 rano aplikacja mojeIKP nie będzie działać z powodu aktualizacji.',
    publishedAt: '2026-02-01T07:00:00+01:00',
    expected: { kind: 'maintenance', windows: [{ start: '2026-02-01T06:00:00.000+01:00', end: '2026-02-01T09:00:00.000+01:00' }], components: ['ikp'] },
  },
  {
    name: '"od piątku 19 stycznia … do poniedziałku 22 stycznia" spanning days',
    text: 'Od piątku 19 stycznia od godz. 22:00 do poniedziałku 22 stycznia do godz. 6:00 logowanie przez Profil Zaufany będzie niedostępne z powodu migracji systemu.',
    publishedAt: '2024-01-17T12:00:00+01:00',
    expected: { kind: 'maintenance', windows: [{ start: '2024-01-19T22:00:00.000+01:00', end: '2024-01-22T06:00:00.000+01:00' }], components: ['profil-zaufany'] },
  },
  {
    name: '"z soboty na niedzielę" night with hours',
    text: 'W nocy z soboty na niedzielę w godz. 23:00–5:00 serwis pacjent.gov.pl będzie niedostępny z powodu prac serwisowych.',
    publishedAt: '2026-02-04T09:00:00+01:00',
    expected: { kind: 'maintenance', windows: [{ start: '2026-02-07T23:00:00.000+01:00', end: '2026-02-08T05:00:00.000+01:00' }], components: ['ikp'] },
  },
  {
    name: 'hours before weekdays "od 22:00 w piątek do 6:00 w poniedziałek"',
    text: 'Prace modernizacyjne w mBanku potrwają od 22:00 w piątek do 6:00 w poniedziałek; w tym czasie logowanie przez mojeID nie będzie możliwe.',
    publishedAt: '2026-03-02T10:00:00+01:00',
    expected: { kind: 'maintenance', windows: [{ start: '2026-03-06T22:00:00.000+01:00', end: '2026-03-09T06:00:00.000+01:00' }], components: ['bank:mbank'] },
  },
  {
    name: 'a weekday night whose dates follow in parentheses',
    text: 'Z soboty na niedzielę (24/25 stycznia) od 23:00 do 4:00 nie będzie można zalogować się do IKP za pomocą aplikacji mObywatel – trwają prace serwisowe.',
    publishedAt: '2026-01-19T10:00:00+01:00',
    expected: { kind: 'maintenance', windows: [{ start: '2026-01-24T23:00:00.000+01:00', end: '2026-01-25T04:00:00.000+01:00' }], components: ['ikp', 'mobywatel'] },
  },
  {
    name: 'a weekday named in parentheses after the date',
    text: '24 stycznia (sobota) w godz. 6:00-10:00 planowana przerwa w dostępie do systemu e-recepta.',
    publishedAt: '2026-01-19T10:00:00+01:00',
    expected: { kind: 'maintenance', windows: [{ start: '2026-01-24T06:00:00.000+01:00', end: '2026-01-24T10:00:00.000+01:00' }], components: ['ikp'] },
  },
  // Nights
  {
    name: '"w nocy z 26 na 27 kwietnia 2026 r." with 22:00–6:00',
    text: 'W nocy z 26 na 27 kwietnia 2026 r. w godz. 22:00–6:00 Internetowe Konto Pacjenta będzie niedostępne z powodu prac serwisowych.',
    publishedAt: '2026-04-20T10:00:00+02:00',
    expected: { kind: 'maintenance', windows: [{ start: '2026-04-26T22:00:00.000+02:00', end: '2026-04-27T06:00:00.000+02:00' }], components: ['ikp'] },
  },
  {
    name: 'a night without year with hours in parentheses',
    text: 'W nocy z 12 na 13 marca (22:00-2:00) planowana jest przerwa techniczna węzła krajowego login.gov.pl.',
    publishedAt: '2026-03-05T11:00:00+01:00',
    expected: { kind: 'maintenance', windows: [{ start: '2026-03-12T22:00:00.000+01:00', end: '2026-03-13T02:00:00.000+01:00' }], components: ['login-gov'] },
  },
  {
    name: 'a night across months "z 31 stycznia na 1 lutego"',
    text: 'W nocy z 31 stycznia na 1 lutego w godz. 23:30–03:00 system e-recepta będzie niedostępny.',
    publishedAt: '2026-01-26T10:00:00+01:00',
    expected: { kind: 'maintenance', windows: [{ start: '2026-01-31T23:30:00.000+01:00', end: '2026-02-01T03:00:00.000+01:00' }], components: ['ikp'] },
  },
  {
    name: 'a night across years "z 31 grudnia na 1 stycznia" without years',
    text: 'W nocy z 31 grudnia na 1 stycznia w godz. 23:00–1:00 nie będzie możliwe wystawianie e-recept z powodu aktualizacji systemu P1.',
    publishedAt: '2025-12-28T10:00:00+01:00',
    expected: { kind: 'maintenance', windows: [{ start: '2025-12-31T23:00:00.000+01:00', end: '2026-01-01T01:00:00.000+01:00' }], components: ['ikp'] },
  },
  {
    name: 'a slash night "6/7 września" with hours after midnight',
    text: 'Prace serwisowe Santander Bank Polska: 6/7 września, w godz. 0:00–4:00 logowanie do Profilu Zaufanego przez bank będzie niedostępne.',
    publishedAt: '2026-09-01T10:00:00+02:00',
    expected: { kind: 'maintenance', windows: [{ start: '2026-09-07T00:00:00.000+02:00', end: '2026-09-07T04:00:00.000+02:00' }], components: ['bank:santander', 'profil-zaufany'] },
  },
  {
    name: 'a slash night without hours (documented 22:00–06:00 convention)',
    text: 'W nocy 6/7 września IKP może działać niestabilnie z powodu prac modernizacyjnych.',
    publishedAt: '2026-09-01T10:00:00+02:00',
    expected: { kind: 'maintenance', windows: [{ start: '2026-09-06T22:00:00.000+02:00', end: '2026-09-07T06:00:00.000+02:00' }], components: ['ikp'] },
  },
  {
    name: '"z 14 na 15 lutego" without "w nocy"',
    text: 'Z 14 na 15 lutego (23:00–2:00) nastąpi aktualizacja systemu Profil Zaufany.',
    publishedAt: '2026-02-10T10:00:00+01:00',
    expected: { kind: 'maintenance', windows: [{ start: '2026-02-14T23:00:00.000+01:00', end: '2026-02-15T02:00:00.000+01:00' }], components: ['profil-zaufany'] },
  },
  {
    name: '"dzisiejszej nocy" with hours after midnight',
    text: 'Dzisiejszej nocy w godz. 1:00–3:00 zaplanowano aktualizację systemu pacjent.gov.pl.',
    publishedAt: '2026-03-10T14:00:00+01:00',
    expected: { kind: 'maintenance', windows: [{ start: '2026-03-11T01:00:00.000+01:00', end: '2026-03-11T03:00:00.000+01:00' }], components: ['ikp'] },
  },
  // End before start, "następnego dnia", 24:00, 00:01
  {
    name: 'an end earlier than the start meaning the next day',
    text: 'Dnia 14 lutego w godz. 23:00-01:30 nastąpi aktualizacja oprogramowania Węzła Krajowego.',
    publishedAt: '2026-02-09T10:00:00+01:00',
    expected: { kind: 'maintenance', windows: [{ start: '2026-02-14T23:00:00.000+01:00', end: '2026-02-15T01:30:00.000+01:00' }], components: ['login-gov'] },
  },
  {
    name: '"do godz. 4:00 następnego dnia"',
    text: 'Prace techniczne rozpoczną się 18 marca o godz. 20:00 i potrwają do godz. 4:00 następnego dnia. Logowanie przez Bank Pekao do Profilu Zaufanego będzie w tym czasie niedostępne.',
    publishedAt: '2026-03-10T10:00:00+01:00',
    expected: { kind: 'maintenance', windows: [{ start: '2026-03-18T20:00:00.000+01:00', end: '2026-03-19T04:00:00.000+01:00' }], components: ['bank:pekao', 'profil-zaufany'] },
  },
  {
    name: '"od godz. 00:01 do godz. 24:00" a whole day',
    text: 'W dniu 1 marca 2026 r. od godz. 00:01 do godz. 24:00 z powodu migracji danych nie będzie dostępna usługa e-dowód.',
    publishedAt: '2026-02-20T10:00:00+01:00',
    expected: { kind: 'maintenance', windows: [{ start: '2026-03-01T00:01:00.000+01:00', end: '2026-03-02T00:00:00.000+01:00' }], components: ['e-dowod'] },
  },
  {
    name: 'a spaced em dash between bare-context hours',
    text: 'Przerwa serwisowa w ING: 5 lutego, godz. 1:00 — 3:00. Logowanie do IKP przez ING w tym czasie nie będzie możliwe.',
    publishedAt: '2026-02-01T10:00:00+01:00',
    expected: { kind: 'maintenance', windows: [{ start: '2026-02-05T01:00:00.000+01:00', end: '2026-02-05T03:00:00.000+01:00' }], components: ['bank:ing', 'ikp'] },
  },
  {
    name: 'a spaced en dash ending at 23:59',
    text: '13 marca w godz. 21:00 – 23:59 aktualizacja aplikacji mojeIKP.',
    publishedAt: '2026-03-10T10:00:00+01:00',
    expected: { kind: 'maintenance', windows: [{ start: '2026-03-13T21:00:00.000+01:00', end: '2026-03-13T23:59:00.000+01:00' }], components: ['ikp'] },
  },
  // Bare hours
  {
    name: '"od 3 w nocy" an ongoing outage with no end',
    text: 'Od 3 w nocy występują problemy z logowaniem do Internetowego Konta Pacjenta przez Profil Zaufany. Trwają prace nad przywróceniem działania.',
    publishedAt: '2026-02-10T07:15:00+01:00',
    expected: { kind: 'outage', windows: [{ start: '2026-02-10T03:00:00.000+01:00', end: null }], components: ['ikp', 'profil-zaufany'] },
  },
  {
    name: 'bare hours "w godz. 22-24" tomorrow',
    text: 'Jutro w godz. 22-24 planujemy prace serwisowe systemu mojeID.',
    publishedAt: '2026-01-20T15:00:00+01:00',
    expected: { kind: 'maintenance', windows: [{ start: '2026-01-21T22:00:00.000+01:00', end: '2026-01-22T00:00:00.000+01:00' }], components: ['mojeid'] },
  },
  {
    name: 'bare hours "w godzinach od 22 do 6"',
    text: 'W dniu 2 czerwca w godzinach od 22 do 6 planowana przerwa techniczna IKP.',
    publishedAt: '2026-05-28T10:00:00+02:00',
    expected: { kind: 'maintenance', windows: [{ start: '2026-06-02T22:00:00.000+02:00', end: '2026-06-03T06:00:00.000+02:00' }], components: ['ikp'] },
  },
  {
    name: '"od 8 wieczorem do 6 rano" today',
    text: 'Dziś od 8 wieczorem do 6 rano aplikacja mObywatel będzie niedostępna z powodu aktualizacji.',
    publishedAt: '2026-02-12T10:00:00+01:00',
    expected: { kind: 'maintenance', windows: [{ start: '2026-02-12T20:00:00.000+01:00', end: '2026-02-13T06:00:00.000+01:00' }], components: ['mobywatel'] },
  },
  // Relative and open-ended
  {
    name: '"dziś od godzin porannych" (morning = 06:00) open-ended outage',
    text: 'Dziś od godzin porannych występują utrudnienia w logowaniu przez login.gov.pl. Pracujemy nad rozwiązaniem problemu.',
    publishedAt: '2026-02-16T10:30:00+01:00',
    expected: { kind: 'outage', windows: [{ start: '2026-02-16T06:00:00.000+01:00', end: null }], components: ['login-gov'] },
  },
  {
    name: '"od godz. 12.00" open-ended on the publication day',
    text: 'Od godz. 12.00 Profil Zaufany działa niestabilnie, możliwe są problemy z logowaniem.',
    publishedAt: '2026-02-16T12:40:00+01:00',
    expected: { kind: 'outage', windows: [{ start: '2026-02-16T12:00:00.000+01:00', end: null }], components: ['profil-zaufany'] },
  },
  {
    name: '"jutro" with a short maintenance at Inteligo',
    text: 'Jutro w godz. 6:00-7:00 przerwa techniczna w Inteligo.',
    publishedAt: '2026-03-03T18:00:00+01:00',
    expected: { kind: 'maintenance', windows: [{ start: '2026-03-04T06:00:00.000+01:00', end: '2026-03-04T07:00:00.000+01:00' }], components: ['bank:pko-bp'] },
  },
  {
    name: '"pojutrze" at Credit Agricole',
    text: 'Pojutrze od 21:00 do 23:00 Credit Agricole przeprowadzi prace serwisowe bankowości internetowej.',
    publishedAt: '2026-03-03T18:00:00+01:00',
    expected: { kind: 'maintenance', windows: [{ start: '2026-03-05T21:00:00.000+01:00', end: '2026-03-05T23:00:00.000+01:00' }], components: ['bank:credit-agricole'] },
  },
  {
    name: '"jutro" published late in the UTC evening uses the Warsaw date',
    text: 'Jutro w godz. 8:00–9:00 prace serwisowe IKP.',
    publishedAt: '2026-01-20T23:30:00Z',
    expected: { kind: 'maintenance', windows: [{ start: '2026-01-22T08:00:00.000+01:00', end: '2026-01-22T09:00:00.000+01:00' }], components: ['ikp'] },
  },
  {
    name: '"od dziś do odwołania" open from the start of today',
    text: 'Od dziś do odwołania logowanie przez BOŚ Bank do Profilu Zaufanego jest niedostępne.',
    publishedAt: '2026-05-04T09:00:00+02:00',
    expected: { kind: 'outage', windows: [{ start: '2026-05-04T00:00:00.000+02:00', end: null }], components: ['bank:bos', 'profil-zaufany'] },
  },
  {
    name: '"dziś do godz. 14:00" starting at publication',
    text: 'Dziś do godz. 14:00 mogą wystąpić utrudnienia w logowaniu do IKP przez mojeID.',
    publishedAt: '2026-03-12T09:20:00+01:00',
    expected: { kind: 'maintenance', windows: [{ start: '2026-03-12T09:20:00.000+01:00', end: '2026-03-12T14:00:00.000+01:00' }], components: ['ikp', 'mojeid'] },
  },
  {
    name: '"od 1 kwietnia 2026 r." open-ended maintenance',
    text: 'Od 1 kwietnia 2026 r. trwają prace modernizacyjne w Envelo Banku; logowanie do Profilu Zaufanego przez Envelo może być chwilowo niedostępne.',
    publishedAt: '2026-03-30T10:00:00+02:00',
    expected: { kind: 'maintenance', windows: [{ start: '2026-04-01T00:00:00.000+02:00', end: null }], components: ['bank:envelo', 'profil-zaufany'] },
  },
  {
    name: '"jutro po południu" (afternoon = 12:00–18:00)',
    text: 'Jutro po południu możliwe są krótkie przerwy w dostępie do IKP w związku z aktualizacją.',
    publishedAt: '2026-04-14T09:00:00+02:00',
    expected: { kind: 'maintenance', windows: [{ start: '2026-04-15T12:00:00.000+02:00', end: '2026-04-15T18:00:00.000+02:00' }], components: ['ikp'] },
  },
  {
    name: 'a past outage today with start and end',
    text: 'Od godz. 7:40 do 9:10 występowała awaria logowania przez login.gov.pl.',
    publishedAt: '2026-05-06T09:30:00+02:00',
    expected: { kind: 'outage', windows: [{ start: '2026-05-06T07:40:00.000+02:00', end: '2026-05-06T09:10:00.000+02:00' }], components: ['login-gov'] },
  },
  {
    name: 'an outage since a dotted hour at a bank',
    text: 'Dziś od godz. 10:15 występują utrudnienia w logowaniu do Profilu Zaufanego przez Bank Pekao.',
    publishedAt: '2026-03-09T11:00:00+01:00',
    expected: { kind: 'outage', windows: [{ start: '2026-03-09T10:15:00.000+01:00', end: null }], components: ['bank:pekao', 'profil-zaufany'] },
  },
  // Missing year
  {
    name: 'a missing year rolls to next year when the date passed long ago',
    text: '2 stycznia w godz. 0:00-2:00 prace serwisowe w Alior Banku.',
    publishedAt: '2025-12-20T10:00:00+01:00',
    expected: { kind: 'maintenance', windows: [{ start: '2026-01-02T00:00:00.000+01:00', end: '2026-01-02T02:00:00.000+01:00' }], components: ['bank:alior'] },
  },
  {
    name: 'a missing year keeps this year for a date a few days back',
    text: 'Przypominamy, że 27 stycznia w godz. 22:00–23:00 trwała przerwa techniczna IKP.',
    publishedAt: '2026-01-29T10:00:00+01:00',
    expected: { kind: 'maintenance', windows: [{ start: '2026-01-27T22:00:00.000+01:00', end: '2026-01-27T23:00:00.000+01:00' }], components: ['ikp'] },
  },
  // DST
  {
    name: 'an autumn DST night lasting 9 real hours',
    text: 'W nocy z 24 na 25 października 2026 r. (zmiana czasu z letniego na zimowy) w godz. 22:00–6:00 Internetowe Konto Pacjenta będzie niedostępne.',
    publishedAt: '2026-10-19T10:00:00+02:00',
    expected: { kind: 'maintenance', windows: [{ start: '2026-10-24T22:00:00.000+02:00', end: '2026-10-25T06:00:00.000+01:00' }], components: ['ikp'] },
  },
  {
    name: '"w nocy ze zmianą czasu z letniego na zimowy" without a date',
    text: 'W nocy ze zmianą czasu z letniego na zimowy w godz. 1:00–4:00 potrwa przerwa techniczna w systemie e-recepta.',
    publishedAt: '2026-10-20T10:00:00+02:00',
    expected: { kind: 'maintenance', windows: [{ start: '2026-10-25T01:00:00.000+02:00', end: '2026-10-25T04:00:00.000+01:00' }], components: ['ikp'] },
  },
  {
    name: 'an ambiguous autumn 02:30 taking the earlier (+02:00) instant',
    text: '25 października od godz. 2:30 do 5:00 nastąpi aktualizacja systemu mojeID (noc zmiany czasu na czas zimowy).',
    publishedAt: '2026-10-20T10:00:00+02:00',
    expected: { kind: 'maintenance', windows: [{ start: '2026-10-25T02:30:00.000+02:00', end: '2026-10-25T05:00:00.000+01:00' }], components: ['mojeid'] },
  },
  {
    name: '"2:30 czasu zimowego" taking the later (+01:00) instant',
    text: '25 października od godz. 2:30 czasu zimowego do godz. 4:00 potrwają prace serwisowe w VeloBanku.',
    publishedAt: '2026-10-20T10:00:00+02:00',
    expected: { kind: 'maintenance', windows: [{ start: '2026-10-25T02:30:00.000+01:00', end: '2026-10-25T04:00:00.000+01:00' }], components: ['bank:velobank'] },
  },
  {
    name: 'a spring DST night lasting 7 real hours',
    text: 'W nocy z 28 na 29 marca 2026 r. w godz. 22:00–6:00 (zmiana czasu na letni) system Profil Zaufany będzie niedostępny.',
    publishedAt: '2026-03-23T10:00:00+01:00',
    expected: { kind: 'maintenance', windows: [{ start: '2026-03-28T22:00:00.000+01:00', end: '2026-03-29T06:00:00.000+02:00' }], components: ['profil-zaufany'] },
  },
  {
    name: 'a spring-gap 02:30 moved forward to 03:30+02:00',
    text: '29 marca w godz. 2:30–4:00 prace serwisowe w Millennium.',
    publishedAt: '2026-03-23T10:00:00+01:00',
    expected: { kind: 'maintenance', windows: [{ start: '2026-03-29T03:30:00.000+02:00', end: '2026-03-29T04:00:00.000+02:00' }], components: ['bank:millennium'] },
  },
  {
    name: '"w nocy ze zmianą czasu z zimowego na letni" without a date',
    text: 'W nocy ze zmianą czasu z zimowego na letni w godz. 23:00–5:00 mogą wystąpić przerwy w dostępie do pacjent.gov.pl.',
    publishedAt: '2026-03-20T10:00:00+01:00',
    expected: { kind: 'maintenance', windows: [{ start: '2026-03-28T23:00:00.000+01:00', end: '2026-03-29T05:00:00.000+02:00' }], components: ['ikp'] },
  },
  {
    name: 'a two-date range across the 2025 autumn change',
    text: 'Od 25 października 2025 r. godz. 22:00 do 26 października 2025 r. godz. 4:00 planowana przerwa w BNP Paribas.',
    publishedAt: '2025-10-20T10:00:00+02:00',
    expected: { kind: 'maintenance', windows: [{ start: '2025-10-25T22:00:00.000+02:00', end: '2025-10-26T04:00:00.000+01:00' }], components: ['bank:bnp-paribas'] },
  },
  // Several windows
  {
    name: 'two nights joined by "oraz w nocy z 27 na 28"',
    text: 'Planowane prace serwisowe: w nocy z 26 na 27 kwietnia w godz. 22:00–6:00 oraz w nocy z 27 na 28 kwietnia w godz. 23:00–5:00. W tym czasie Internetowe Konto Pacjenta będzie niedostępne.',
    publishedAt: '2026-04-20T10:00:00+02:00',
    expected: {
      kind: 'maintenance',
      windows: [
        { start: '2026-04-26T22:00:00.000+02:00', end: '2026-04-27T06:00:00.000+02:00' },
        { start: '2026-04-27T23:00:00.000+02:00', end: '2026-04-28T05:00:00.000+02:00' },
      ],
      components: ['ikp'],
    },
  },
  {
    name: 'a first night borrowing its month from the second',
    text: 'Przerwy techniczne w systemie P1 zaplanowano w nocy z 10 na 11 (23:00–1:00) oraz z 11 na 12 marca (23:00–1:00).',
    publishedAt: '2026-03-02T10:00:00+01:00',
    expected: {
      kind: 'maintenance',
      windows: [
        { start: '2026-03-10T23:00:00.000+01:00', end: '2026-03-11T01:00:00.000+01:00' },
        { start: '2026-03-11T23:00:00.000+01:00', end: '2026-03-12T01:00:00.000+01:00' },
      ],
      components: ['ikp'],
    },
  },
  {
    name: 'two dates separated by a comma, each with hours',
    text: 'Prace serwisowe systemu e-skierowanie: 10 lutego w godz. 20:00–22:00, 12 lutego w godz. 20:00–22:00.',
    publishedAt: '2026-02-05T10:00:00+01:00',
    expected: {
      kind: 'maintenance',
      windows: [
        { start: '2026-02-10T20:00:00.000+01:00', end: '2026-02-10T22:00:00.000+01:00' },
        { start: '2026-02-12T20:00:00.000+01:00', end: '2026-02-12T22:00:00.000+01:00' },
      ],
      components: ['ikp'],
    },
  },
  {
    name: 'one day with two ranges "oraz w godz."',
    text: '27 stycznia w godz. 8:00–9:00 oraz w godz. 22:00–23:00 aktualizacja systemu PZ.',
    publishedAt: '2026-01-20T10:00:00+01:00',
    expected: {
      kind: 'maintenance',
      windows: [
        { start: '2026-01-27T08:00:00.000+01:00', end: '2026-01-27T09:00:00.000+01:00' },
        { start: '2026-01-27T22:00:00.000+01:00', end: '2026-01-27T23:00:00.000+01:00' },
      ],
      components: ['profil-zaufany'],
    },
  },
  {
    name: 'a day list "3 i 4 marca" sharing hours',
    text: 'W dniach 3 i 4 marca w godz. 22:00–23:00 przerwa techniczna w Nest Banku.',
    publishedAt: '2026-02-25T10:00:00+01:00',
    expected: {
      kind: 'maintenance',
      windows: [
        { start: '2026-03-03T22:00:00.000+01:00', end: '2026-03-03T23:00:00.000+01:00' },
        { start: '2026-03-04T22:00:00.000+01:00', end: '2026-03-04T23:00:00.000+01:00' },
      ],
      components: ['bank:nest'],
    },
  },
  {
    name: 'three windows: two dates and a night',
    text: 'Planowane przerwy w działaniu IKP: 2 marca (22:00–23:00), 3 marca (22:00–23:00) oraz w nocy z 4 na 5 marca (23:00–3:00).',
    publishedAt: '2026-02-25T10:00:00+01:00',
    expected: {
      kind: 'maintenance',
      windows: [
        { start: '2026-03-02T22:00:00.000+01:00', end: '2026-03-02T23:00:00.000+01:00' },
        { start: '2026-03-03T22:00:00.000+01:00', end: '2026-03-03T23:00:00.000+01:00' },
        { start: '2026-03-04T23:00:00.000+01:00', end: '2026-03-05T03:00:00.000+01:00' },
      ],
      components: ['ikp'],
    },
  },
  {
    name: 'a day range "26–27 lutego" without hours',
    text: 'W dniach 26–27 lutego 2026 r. usługa e-dowód będzie niedostępna z powodu modernizacji.',
    publishedAt: '2026-02-20T10:00:00+01:00',
    expected: { kind: 'maintenance', windows: [{ start: '2026-02-26T00:00:00.000+01:00', end: '2026-02-28T00:00:00.000+01:00' }], components: ['e-dowod'] },
  },
  {
    name: 'hours written before the date',
    text: 'W godz. 22:00–23:30 w dniu 19 maja nastąpi przerwa techniczna systemu login.gov.pl.',
    publishedAt: '2026-05-12T10:00:00+02:00',
    expected: { kind: 'maintenance', windows: [{ start: '2026-05-19T22:00:00.000+02:00', end: '2026-05-19T23:30:00.000+02:00' }], components: ['login-gov'] },
  },
  {
    name: 'a range between two numeric dates with "dnia"',
    text: 'Od godz. 22:00 dnia 20.03.2026 do godz. 6:00 dnia 21.03.2026 r. potrwa przerwa serwisowa w bankowości SGB; nie będzie możliwe logowanie do Profilu Zaufanego.',
    publishedAt: '2026-03-15T10:00:00+01:00',
    expected: { kind: 'maintenance', windows: [{ start: '2026-03-20T22:00:00.000+01:00', end: '2026-03-21T06:00:00.000+01:00' }], components: ['bank:sgb', 'profil-zaufany'] },
  },
  // Context across sentences, whole days
  {
    name: 'a date in one sentence and its hours in the next',
    text: '27 stycznia nastąpi aktualizacja systemu mObywatel. Przerwa potrwa od 22:00 do 23:30.',
    publishedAt: '2026-01-20T10:00:00+01:00',
    expected: { kind: 'maintenance', windows: [{ start: '2026-01-27T22:00:00.000+01:00', end: '2026-01-27T23:30:00.000+01:00' }], components: ['mobywatel'] },
  },
  {
    name: 'a date without hours covering the whole day',
    text: '12 lutego Internetowe Konto Pacjenta będzie niedostępne z powodu prac serwisowych.',
    publishedAt: '2026-02-05T10:00:00+01:00',
    expected: { kind: 'maintenance', windows: [{ start: '2026-02-12T00:00:00.000+01:00', end: '2026-02-13T00:00:00.000+01:00' }], components: ['ikp'] },
  },
  // Banks and other components
  {
    name: 'a Santander notice naming PZ and mObywatel',
    text: 'Santander Bank Polska: w dniu 8 marca 2026 r. w godz. 0:30–4:30 logowanie do usług publicznych (Profil Zaufany, mObywatel) przez bankowość internetową będzie niedostępne.',
    publishedAt: '2026-03-02T10:00:00+01:00',
    expected: { kind: 'maintenance', windows: [{ start: '2026-03-08T00:30:00.000+01:00', end: '2026-03-08T04:30:00.000+01:00' }], components: ['bank:santander', 'mobywatel', 'profil-zaufany'] },
  },
  {
    name: 'e-dowód named by its long form',
    text: 'W dniu 17 kwietnia w godz. 19:00–21:00 logowanie dowodem osobistym z warstwą elektroniczną będzie niedostępne.',
    publishedAt: '2026-04-10T10:00:00+02:00',
    expected: { kind: 'maintenance', windows: [{ start: '2026-04-17T19:00:00.000+02:00', end: '2026-04-17T21:00:00.000+02:00' }], components: ['e-dowod'] },
  },
  {
    name: 'the abbreviation PZ before the date',
    text: 'PZ: aktualizacja systemu 21 stycznia w godz. 21:00-21:30.',
    publishedAt: '2026-01-15T10:00:00+01:00',
    expected: { kind: 'maintenance', windows: [{ start: '2026-01-21T21:00:00.000+01:00', end: '2026-01-21T21:30:00.000+01:00' }], components: ['profil-zaufany'] },
  },
  {
    name: 'mojeID in Bank Millennium with hours before the date',
    text: 'Logowanie przez mojeID w Banku Millennium będzie niedostępne w godz. 1:00-3:00 w dniu 11 czerwca.',
    publishedAt: '2026-06-05T10:00:00+02:00',
    expected: { kind: 'maintenance', windows: [{ start: '2026-06-11T01:00:00.000+02:00', end: '2026-06-11T03:00:00.000+02:00' }], components: ['bank:millennium'] },
  },
  {
    name: 'an all-caps notice',
    text: 'PRZERWA TECHNICZNA: 20 MAJA 2026 R. W GODZ. 22:00–23:00 SYSTEM LOGIN.GOV.PL BĘDZIE NIEDOSTĘPNY.',
    publishedAt: '2026-05-15T10:00:00+02:00',
    expected: { kind: 'maintenance', windows: [{ start: '2026-05-20T22:00:00.000+02:00', end: '2026-05-20T23:00:00.000+02:00' }], components: ['login-gov'] },
  },
  // No time reference: no window
  {
    name: 'maintenance without any time reference',
    text: 'Trwają prace serwisowe w systemie Profil Zaufany. Przepraszamy za utrudnienia.',
    publishedAt: '2026-02-10T10:00:00+01:00',
    expected: { kind: 'maintenance', windows: [], components: ['profil-zaufany'] },
  },
  {
    name: 'an outage without any time reference',
    text: 'Awaria mObywatela: nie działa logowanie kodem QR do pacjent.gov.pl.',
    publishedAt: '2026-02-10T10:00:00+01:00',
    expected: { kind: 'outage', windows: [], components: ['ikp', 'mobywatel'] },
  },
  {
    name: 'a bank outage naming two banks',
    text: 'Uwaga! Występują problemy z logowaniem do Profilu Zaufanego przez PKO Bank Polski i Inteligo.',
    publishedAt: '2026-02-10T10:00:00+01:00',
    expected: { kind: 'outage', windows: [], components: ['bank:pko-bp', 'profil-zaufany'] },
  },
  {
    name: 'a helpdesk note with a phone number',
    text: 'W razie pytań prosimy o kontakt z infolinią 19 239 lub mailowo: ikp-pomoc@cez.gov.pl.',
    publishedAt: '2026-02-10T10:00:00+01:00',
    expected: { kind: 'none', windows: [], components: ['ikp'] },
  },
  {
    name: 'an outage whose restoration is only promised',
    text: 'Trwa awaria węzła krajowego login.gov.pl; dostęp zostanie przywrócony najszybciej, jak to możliwe.',
    publishedAt: '2026-02-10T10:00:00+01:00',
    expected: { kind: 'outage', windows: [], components: ['login-gov'] },
  },
  // Resolutions and denials: never a window
  {
    name: '"usunęliśmy awarię"',
    text: 'Usunęliśmy awarię systemu login.gov.pl. Logowanie do IKP działa już poprawnie.',
    publishedAt: '2026-02-10T12:00:00+01:00',
    expected: { kind: 'resolved', windows: [], components: ['ikp', 'login-gov'] },
  },
  {
    name: '"awaria … została usunięta" with a dated reference',
    text: 'Awaria Profilu Zaufanego z dnia 15 stycznia 2024 r. została usunięta.',
    publishedAt: '2024-01-16T09:00:00+01:00',
    expected: { kind: 'resolved', windows: [], components: ['profil-zaufany'] },
  },
  {
    name: '"wszystkie systemy działają poprawnie" after earlier trouble',
    text: 'Po porannych utrudnieniach wszystkie systemy działają poprawnie.',
    publishedAt: '2026-02-10T12:00:00+01:00',
    expected: { kind: 'resolved', windows: [], components: [] },
  },
  {
    name: '"przywrócono" at Pekao',
    text: 'Przywrócono możliwość logowania do Internetowego Konta Pacjenta przez bankowość Pekao.',
    publishedAt: '2026-02-10T12:00:00+01:00',
    expected: { kind: 'resolved', windows: [], components: ['bank:pekao', 'ikp'] },
  },
  {
    name: '"problem … został rozwiązany" at mBank',
    text: 'Problem z logowaniem przez mojeID w mBanku został rozwiązany.',
    publishedAt: '2026-02-10T12:00:00+01:00',
    expected: { kind: 'resolved', windows: [], components: ['bank:mbank'] },
  },
  {
    name: '"prace serwisowe zakończone"',
    text: 'Prace serwisowe zakończone – IKP i aplikacja mojeIKP są dostępne.',
    publishedAt: '2026-02-10T06:10:00+01:00',
    expected: { kind: 'resolved', windows: [], components: ['ikp'] },
  },
  {
    name: '"wszystkie systemy działają prawidłowo" with no earlier problem',
    text: 'Wszystkie systemy działają prawidłowo.',
    publishedAt: '2026-02-10T12:00:00+01:00',
    expected: { kind: 'none', windows: [], components: [] },
  },
  {
    name: '"nie planujemy przerw"',
    text: 'W okresie świątecznym nie planujemy przerw technicznych w działaniu pacjent.gov.pl.',
    publishedAt: '2025-12-20T10:00:00+01:00',
    expected: { kind: 'none', windows: [], components: ['ikp'] },
  },
  {
    name: '"informacja o awarii jest nieprawdziwa"',
    text: 'Informacja o awarii systemu e-recepta, która pojawiła się w mediach społecznościowych, jest nieprawdziwa. Wszystkie systemy działają poprawnie.',
    publishedAt: '2026-02-10T12:00:00+01:00',
    expected: { kind: 'none', windows: [], components: ['ikp'] },
  },
  {
    name: 'a resolution naming the past hours',
    text: 'Awaria z 20 stycznia w godz. 8:00–11:30 została usunięta, logowanie przez Profil Zaufany działa już poprawnie.',
    publishedAt: '2026-01-20T12:00:00+01:00',
    expected: { kind: 'resolved', windows: [], components: ['profil-zaufany'] },
  },
  {
    name: 'a bank denying any problem',
    text: 'Bank Millennium informuje, że nie odnotowaliśmy żadnych problemów z logowaniem do Profilu Zaufanego.',
    publishedAt: '2026-02-10T12:00:00+01:00',
    expected: { kind: 'none', windows: [], components: ['bank:millennium', 'profil-zaufany'] },
  },
  {
    name: '"po zakończeniu prac serwisowych usługi działają bez zakłóceń"',
    text: 'Po zakończeniu prac serwisowych usługi działają bez zakłóceń.',
    publishedAt: '2026-02-10T06:05:00+01:00',
    expected: { kind: 'resolved', windows: [], components: [] },
  },
  {
    name: '"działa już normalnie" for mObywatel',
    text: 'Logowanie przez mObywatel działa już normalnie.',
    publishedAt: '2026-02-10T12:00:00+01:00',
    expected: { kind: 'resolved', windows: [], components: ['mobywatel'] },
  },
  // Repeated hours, ranges of days, connectors
  {
    name: 'a weekday list "w sobotę i niedzielę" sharing hours',
    text: 'W sobotę i niedzielę w godz. 8:00–10:00 prace serwisowe w bankowości Inteligo.',
    publishedAt: '2026-01-20T10:00:00+01:00',
    expected: {
      kind: 'maintenance',
      windows: [
        { start: '2026-01-24T08:00:00.000+01:00', end: '2026-01-24T10:00:00.000+01:00' },
        { start: '2026-01-25T08:00:00.000+01:00', end: '2026-01-25T10:00:00.000+01:00' },
      ],
      components: ['bank:pko-bp'],
    },
  },
  {
    name: '"od poniedziałku … do piątku … w godz." repeating every day',
    text: 'Od poniedziałku 26 stycznia do piątku 30 stycznia w godz. 22:00–23:00 prace serwisowe IKP.',
    publishedAt: '2026-01-20T10:00:00+01:00',
    expected: {
      kind: 'maintenance',
      windows: [
        { start: '2026-01-26T22:00:00.000+01:00', end: '2026-01-26T23:00:00.000+01:00' },
        { start: '2026-01-27T22:00:00.000+01:00', end: '2026-01-27T23:00:00.000+01:00' },
        { start: '2026-01-28T22:00:00.000+01:00', end: '2026-01-28T23:00:00.000+01:00' },
        { start: '2026-01-29T22:00:00.000+01:00', end: '2026-01-29T23:00:00.000+01:00' },
        { start: '2026-01-30T22:00:00.000+01:00', end: '2026-01-30T23:00:00.000+01:00' },
      ],
      components: ['ikp'],
    },
  },
  {
    name: '"w dniach 27-28 stycznia w godz. 8-16" repeating every day',
    text: 'W dniach 27-28 stycznia w godz. 8-16 przerwa techniczna mObywatela.',
    publishedAt: '2026-01-20T10:00:00+01:00',
    expected: {
      kind: 'maintenance',
      windows: [
        { start: '2026-01-27T08:00:00.000+01:00', end: '2026-01-27T16:00:00.000+01:00' },
        { start: '2026-01-28T08:00:00.000+01:00', end: '2026-01-28T16:00:00.000+01:00' },
      ],
      components: ['mobywatel'],
    },
  },
  {
    name: '"od 2 do 4 lutego" whole days',
    text: 'Od 2 do 4 lutego prace serwisowe w aplikacji mObywatel.',
    publishedAt: '2026-01-20T10:00:00+01:00',
    expected: { kind: 'maintenance', windows: [{ start: '2026-02-02T00:00:00.000+01:00', end: '2026-02-05T00:00:00.000+01:00' }], components: ['mobywatel'] },
  },
  {
    name: '"między godz. 20:00 a 22:00"',
    text: 'W środę 21 stycznia między godz. 20:00 a 22:00 planowana aktualizacja systemu Profil Zaufany.',
    publishedAt: '2026-01-20T10:00:00+01:00',
    expected: { kind: 'maintenance', windows: [{ start: '2026-01-21T20:00:00.000+01:00', end: '2026-01-21T22:00:00.000+01:00' }], components: ['profil-zaufany'] },
  },
  {
    name: '"do ok. godz. 19:00"',
    text: 'Szanowni Państwo, 30.01.2026 r. od godz. 17:00 do ok. godz. 19:00 prowadzone będą prace serwisowe, w trakcie których mogą wystąpić problemy z dostępem do IKP.',
    publishedAt: '2026-01-20T10:00:00+01:00',
    expected: { kind: 'maintenance', windows: [{ start: '2026-01-30T17:00:00.000+01:00', end: '2026-01-30T19:00:00.000+01:00' }], components: ['ikp'] },
  },
  {
    name: '"od północy do 4:00" on a weekday with date',
    text: 'Prace serwisowe mojeID w niedzielę 1 lutego od północy do 4:00.',
    publishedAt: '2026-01-20T10:00:00+01:00',
    expected: { kind: 'maintenance', windows: [{ start: '2026-02-01T00:00:00.000+01:00', end: '2026-02-01T04:00:00.000+01:00' }], components: ['mojeid'] },
  },
  {
    name: '"w godzinach nocnych" (night = 22:00–06:00)',
    text: 'W dniu 3 lutego 2026 roku w godzinach nocnych planowane są prace techniczne IKP.',
    publishedAt: '2026-01-20T10:00:00+01:00',
    expected: { kind: 'maintenance', windows: [{ start: '2026-02-03T22:00:00.000+01:00', end: '2026-02-04T06:00:00.000+01:00' }], components: ['ikp'] },
  },
  {
    name: 'a range "7 lutego 2026, godz. 22.00 – 8 lutego 2026, godz. 2.00"',
    text: 'Przerwa techniczna węzła krajowego: 7 lutego 2026, godz. 22.00 – 8 lutego 2026, godz. 2.00.',
    publishedAt: '2026-01-20T10:00:00+01:00',
    expected: { kind: 'maintenance', windows: [{ start: '2026-02-07T22:00:00.000+01:00', end: '2026-02-08T02:00:00.000+01:00' }], components: ['login-gov'] },
  },
  {
    name: 'a weekday night followed by "(23/24.01.2026)"',
    text: 'Informujemy, że z powodu prac technicznych w nocy z piątku na sobotę (23/24.01.2026) w godzinach 23:00-02:00 może być utrudnione logowanie przez login.gov.pl.',
    publishedAt: '2026-01-20T10:00:00+01:00',
    expected: { kind: 'maintenance', windows: [{ start: '2026-01-23T23:00:00.000+01:00', end: '2026-01-24T02:00:00.000+01:00' }], components: ['login-gov'] },
  },
  {
    name: 'a referenced past date "komunikat z 15 stycznia" ignored',
    text: 'Komunikat z 15 stycznia: w dniu 27 stycznia w godz. 22-23 przerwa techniczna systemu e-recepta.',
    publishedAt: '2026-01-20T10:00:00+01:00',
    expected: { kind: 'maintenance', windows: [{ start: '2026-01-27T22:00:00.000+01:00', end: '2026-01-27T23:00:00.000+01:00' }], components: ['ikp'] },
  },
  {
    name: 'helpdesk opening hours ignored next to a real window',
    text: 'Infolinia 19 239 czynna jest w godz. 8:00–18:00. Prace serwisowe IKP zaplanowano na 30 stycznia w godz. 20:00–22:00.',
    publishedAt: '2026-01-20T10:00:00+01:00',
    expected: { kind: 'maintenance', windows: [{ start: '2026-01-30T20:00:00.000+01:00', end: '2026-01-30T22:00:00.000+01:00' }], components: ['ikp'] },
  },
  {
    name: 'a later "do godz. 15:00" closing an outage open "od rana"',
    text: 'Awaria logowania przez Profil Zaufany trwa od rana. Dostęp zostanie przywrócony do godz. 15:00.',
    publishedAt: '2026-01-20T10:00:00+01:00',
    expected: { kind: 'outage', windows: [{ start: '2026-01-20T06:00:00.000+01:00', end: '2026-01-20T15:00:00.000+01:00' }], components: ['profil-zaufany'] },
  },
  {
    name: 'future "zostaną zakończone do godz. 6:00" staying maintenance',
    text: 'Prace serwisowe rozpoczną się dziś o godz. 22:00 i zostaną zakończone do godz. 6:00.',
    publishedAt: '2026-01-20T10:00:00+01:00',
    expected: { kind: 'maintenance', windows: [{ start: '2026-01-20T22:00:00.000+01:00', end: '2026-01-21T06:00:00.000+01:00' }], components: [] },
  },
  {
    name: '"wszystkie usługi działają poprawnie" followed by a planned night',
    text: 'Informujemy, że wszystkie usługi działają poprawnie. W nocy z 28 na 29 stycznia planowana jest przerwa techniczna w godz. 0:00-2:00.',
    publishedAt: '2026-01-20T10:00:00+01:00',
    expected: { kind: 'maintenance', windows: [{ start: '2026-01-29T00:00:00.000+01:00', end: '2026-01-29T02:00:00.000+01:00' }], components: [] },
  },
  {
    name: '"awaria nie została jeszcze usunięta" still an outage',
    text: 'Awaria Profilu Zaufanego nie została jeszcze usunięta.',
    publishedAt: '2026-01-20T10:00:00+01:00',
    expected: { kind: 'outage', windows: [], components: ['profil-zaufany'] },
  },
  {
    name: '"pracujemy nad rozwiązaniem problemu" an outage',
    text: 'Pracujemy nad rozwiązaniem problemu z logowaniem do pacjent.gov.pl.',
    publishedAt: '2026-01-20T10:00:00+01:00',
    expected: { kind: 'outage', windows: [], components: ['ikp'] },
  },
  {
    name: '"przerwa techniczna zakończyła się"',
    text: 'Przerwa techniczna w systemie mObywatel zakończyła się o 5:00.',
    publishedAt: '2026-01-20T05:10:00+01:00',
    expected: { kind: 'resolved', windows: [], components: ['mobywatel'] },
  },
  // Without Polish diacritics
  {
    name: 'no diacritics: "usunelismy awarie"',
    text: 'Usunelismy awarie systemu e-recepta, wszystko dziala poprawnie.',
    publishedAt: '2026-02-10T12:00:00+01:00',
    expected: { kind: 'resolved', windows: [], components: ['ikp'] },
  },
  {
    name: 'no diacritics: a denial "jest nieprawdziwa"',
    text: 'Informacja o awarii Profilu Zaufanego jest nieprawdziwa, nie planujemy zadnych przerw.',
    publishedAt: '2026-02-10T12:00:00+01:00',
    expected: { kind: 'none', windows: [], components: ['profil-zaufany'] },
  },
  {
    name: 'no diacritics: a night "bedzie niedostepne"',
    text: 'W nocy z 26 na 27 kwietnia w godz. 22:00-6:00 Internetowe Konto Pacjenta bedzie niedostepne z powodu prac serwisowych.',
    publishedAt: '2026-04-20T10:00:00+02:00',
    expected: { kind: 'maintenance', windows: [{ start: '2026-04-26T22:00:00.000+02:00', end: '2026-04-27T06:00:00.000+02:00' }], components: ['ikp'] },
  },
  {
    name: 'no diacritics: "w sobote"',
    text: 'W sobote w godz. 10:00-12:00 przerwa techniczna w systemie Profil Zaufany (pz.gov.pl).',
    publishedAt: '2026-01-21T10:00:00+01:00',
    expected: { kind: 'maintenance', windows: [{ start: '2026-01-24T10:00:00.000+01:00', end: '2026-01-24T12:00:00.000+01:00' }], components: ['profil-zaufany'] },
  },
  {
    name: 'no diacritics: "w niedziele"',
    text: 'W niedziele od godz. 7:00 do 9:00 aktualizacja aplikacji mObywatel.',
    publishedAt: '2026-01-21T10:00:00+01:00',
    expected: { kind: 'maintenance', windows: [{ start: '2026-01-25T07:00:00.000+01:00', end: '2026-01-25T09:00:00.000+01:00' }], components: ['mobywatel'] },
  },
  {
    name: 'no diacritics: "6/7 wrzesnia"',
    text: '6/7 wrzesnia w godz. 23:00-3:00 prace serwisowe w Alior Banku.',
    publishedAt: '2026-09-01T10:00:00+02:00',
    expected: { kind: 'maintenance', windows: [{ start: '2026-09-06T23:00:00.000+02:00', end: '2026-09-07T03:00:00.000+02:00' }], components: ['bank:alior'] },
  },
  {
    name: 'no diacritics: an autumn DST night "pazdziernika"',
    text: 'W nocy z 24 na 25 pazdziernika w godz. 23:00-5:00 (zmiana czasu z letniego na zimowy) system e-recepta bedzie niedostepny.',
    publishedAt: '2026-10-19T10:00:00+02:00',
    expected: { kind: 'maintenance', windows: [{ start: '2026-10-24T23:00:00.000+02:00', end: '2026-10-25T05:00:00.000+01:00' }], components: ['ikp'] },
  },
  {
    name: 'no diacritics: "dzis od godz." outage via "wezel krajowy"',
    text: 'Dzis od godz. 9:00 wystepuja problemy z logowaniem do IKP przez wezel krajowy.',
    publishedAt: '2026-02-18T09:40:00+01:00',
    expected: { kind: 'outage', windows: [{ start: '2026-02-18T09:00:00.000+01:00', end: null }], components: ['ikp', 'login-gov'] },
  },
  {
    name: 'no diacritics: "jutro" and "e-dowod"',
    text: 'Jutro w godz. 1:00-2:00 modernizacja systemu e-dowod.',
    publishedAt: '2026-02-18T17:00:00+01:00',
    expected: { kind: 'maintenance', windows: [{ start: '2026-02-19T01:00:00.000+01:00', end: '2026-02-19T02:00:00.000+01:00' }], components: ['e-dowod'] },
  },
  {
    name: 'no diacritics: "z soboty na niedziele" with bare hours',
    text: 'Z soboty na niedziele w godz. 23-4 planowane sa prace serwisowe w Banku BPS.',
    publishedAt: '2026-01-28T10:00:00+01:00',
    expected: { kind: 'maintenance', windows: [{ start: '2026-01-31T23:00:00.000+01:00', end: '2026-02-01T04:00:00.000+01:00' }], components: ['bank:bps'] },
  },
  {
    name: 'no diacritics: "od 3 w nocy nie dziala" at SGB',
    text: 'Od 3 w nocy nie dziala logowanie do IKP przez mojeID w bankach spoldzielczych SGB.',
    publishedAt: '2026-03-04T08:00:00+01:00',
    expected: { kind: 'outage', windows: [{ start: '2026-03-04T03:00:00.000+01:00', end: null }], components: ['bank:sgb', 'ikp'] },
  },
  {
    name: 'no diacritics: "dzisiaj od 22:00 do polnocy"',
    text: 'Dzisiaj od 22:00 do polnocy trwac beda prace techniczne w systemie mojeID.',
    publishedAt: '2026-02-20T11:00:00+01:00',
    expected: { kind: 'maintenance', windows: [{ start: '2026-02-20T22:00:00.000+01:00', end: '2026-02-21T00:00:00.000+01:00' }], components: ['mojeid'] },
  },
  {
    name: 'no diacritics: "nastepnego dnia" after a numeric date',
    text: 'Prace konserwacyjne potrwaja od 23:00 dnia 10.02.2026 do 2:00 nastepnego dnia (Credit Agricole).',
    publishedAt: '2026-02-05T10:00:00+01:00',
    expected: { kind: 'maintenance', windows: [{ start: '2026-02-10T23:00:00.000+01:00', end: '2026-02-11T02:00:00.000+01:00' }], components: ['bank:credit-agricole'] },
  },
  {
    name: 'no diacritics: a genitive month "stycznia" with "godz."',
    text: 'Przerwa techniczna IKP 29 stycznia w godz. 21:00-22:00, zrodlo: pacjent.gov.pl.',
    publishedAt: '2026-01-26T10:00:00+01:00',
    expected: { kind: 'maintenance', windows: [{ start: '2026-01-29T21:00:00.000+01:00', end: '2026-01-29T22:00:00.000+01:00' }], components: ['ikp'] },
  },
  // Issue 13 patterns, written independently of the dev set (other banks, dates and wording).
  {
    name: 'a night with a precise "między … a …" range gives only the precise window',
    text: 'Bank Pekao: w nocy z 5 na 6 września 2026, między 00:30 a 04:30, nie zadziała aplikacja PeoPay.',
    publishedAt: '2026-09-01T10:00:00+02:00',
    expected: { kind: 'maintenance', windows: [{ start: '2026-09-06T00:30:00.000+02:00', end: '2026-09-06T04:30:00.000+02:00' }], components: ['bank:pekao'] },
  },
  {
    name: 'a date with "od północy do godziny 13:00" gives no whole-day window',
    text: 'Alior Bank informuje, że 21 września od północy do godziny 13:00 bankowość internetowa będzie niedostępna.',
    publishedAt: '2026-09-15T10:00:00+02:00',
    expected: { kind: 'maintenance', windows: [{ start: '2026-09-21T00:00:00.000+02:00', end: '2026-09-21T13:00:00.000+02:00' }], components: ['bank:alior'] },
  },
  {
    name: 'a named night plus weekday-to-weekday hours gives one window',
    text: 'Przerwa techniczna w nocy z 29 na 30 września: od godz. 23:00 w piątek do 5:00 w sobotę nie będzie można zalogować się do Profilu Zaufanego.',
    publishedAt: '2028-09-25T10:00:00+02:00',
    expected: { kind: 'maintenance', windows: [{ start: '2028-09-29T23:00:00.000+02:00', end: '2028-09-30T05:00:00.000+02:00' }], components: ['profil-zaufany'] },
  },
  {
    name: 'bare hours "pomiędzy godziną 23 a 9" end the next morning',
    text: 'Bank Millennium zapowiada prace: 14 listopada pomiędzy godziną 23 a 9 nie będzie działać Millenet.',
    publishedAt: '2026-11-09T10:00:00+01:00',
    expected: { kind: 'maintenance', windows: [{ start: '2026-11-14T23:00:00.000+01:00', end: '2026-11-15T09:00:00.000+01:00' }], components: ['bank:millennium'] },
  },
  {
    name: 'glued "godz.10.00" and "2026r." across the new year ending at 24:00',
    text: 'Bankowość internetowa BOŚ będzie niedostępna od godz.10.00 dnia 31.12.2025 r. do godz. 24:00 dnia 01.01.2026r.',
    publishedAt: '2025-12-20T10:00:00+01:00',
    expected: { kind: 'maintenance', windows: [{ start: '2025-12-31T10:00:00.000+01:00', end: '2026-01-02T00:00:00.000+01:00' }], components: ['bank:bos'] },
  },
  {
    name: 'times in parentheses after each day of a range',
    text: 'Centrum e-Zdrowia: od 19 stycznia (godz. 20:00) do 20 stycznia (godz. 16:00) system e-recepta będzie niedostępny z powodu migracji.',
    publishedAt: '2027-01-12T10:00:00+01:00',
    expected: { kind: 'maintenance', windows: [{ start: '2027-01-19T20:00:00.000+01:00', end: '2027-01-20T16:00:00.000+01:00' }], components: ['ikp'] },
  },
  {
    name: '"w piątek o godz. 23:59 … do godz. 6.00 w sobotę" with a future verb between',
    text: 'ING: w piątek o godz. 23:59 rozpoczniemy prace, które potrwają do godz. 6.00 w sobotę. Moje ING będzie wtedy niedostępne.',
    publishedAt: '2026-02-02T10:00:00+01:00',
    expected: { kind: 'maintenance', windows: [{ start: '2026-02-06T23:59:00.000+01:00', end: '2026-02-07T06:00:00.000+01:00' }], components: ['bank:ing'] },
  },
  {
    name: 'times annotated "(czasu zimowego)" and "(czasu letniego)" on the spring night are read in those offsets',
    text: 'Santander Bank Polska: w nocy z 28 na 29 marca 2026 od 3 w nocy (czasu zimowego) do 7 rano (czasu letniego) bankowość będzie niedostępna.',
    publishedAt: '2026-03-20T10:00:00+01:00',
    expected: { kind: 'maintenance', windows: [{ start: '2026-03-29T04:00:00.000+02:00', end: '2026-03-29T07:00:00.000+02:00' }], components: ['bank:santander'] },
  },
  {
    name: 'an implied window: available until 18:30, restarted on a later date',
    text: '31 grudnia przelewy BLIK w Alior Banku będą dostępne do 18:30. Ponowne uruchomienie nastąpi 2 stycznia o godz. 8:00.',
    publishedAt: '2026-12-20T10:00:00+01:00',
    expected: { kind: 'maintenance', windows: [{ start: '2026-12-31T18:30:00.000+01:00', end: '2027-01-02T08:00:00.000+01:00' }], components: ['bank:alior'] },
  },
  {
    name: 'two windows for two services in plain ASCII stay two',
    text: 'Ministerstwo Cyfryzacji: 3 marca w godz. 20:00-22:00 niedostepny bedzie Profil Zaufany, a 4 marca w godz. 6:00-7:00 aplikacja mObywatel.',
    publishedAt: '2027-02-25T10:00:00+01:00',
    expected: {
      kind: 'maintenance',
      windows: [
        { start: '2027-03-03T20:00:00.000+01:00', end: '2027-03-03T22:00:00.000+01:00' },
        { start: '2027-03-04T06:00:00.000+01:00', end: '2027-03-04T07:00:00.000+01:00' },
      ],
      components: ['mobywatel', 'profil-zaufany'],
    },
  },
  {
    name: 'overlapping sub-windows of one service merge into one',
    text: 'W nocy z 10 na 11 pazdziernika w godz. 23:00-2:00 oraz w godz. 1:00-4:00 nie bedzie dzialac serwis Pekao24.',
    publishedAt: '2026-10-05T10:00:00+02:00',
    expected: { kind: 'maintenance', windows: [{ start: '2026-10-10T23:00:00.000+02:00', end: '2026-10-11T04:00:00.000+02:00' }], components: ['bank:pekao'] },
  },
  {
    name: 'a warning "ostrzega przed problemami" is planned work',
    text: 'mBank ostrzega przed problemami z logowaniem do aplikacji: w sobote 7 marca od 22:00 do 23:00 trwac beda prace.',
    publishedAt: '2026-03-02T10:00:00+01:00',
    expected: { kind: 'maintenance', windows: [{ start: '2026-03-07T22:00:00.000+01:00', end: '2026-03-07T23:00:00.000+01:00' }], components: ['bank:mbank'] },
  },
  {
    name: 'a denial "działają i działały bez problemu" is none',
    text: 'Wszystkie nasze systemy działają i działały bez problemu – zapewnia Alior Bank.',
    publishedAt: '2026-03-02T10:00:00+01:00',
    expected: { kind: 'none', windows: [], components: ['bank:alior'] },
  },
  {
    name: 'a refuted rumour is none',
    text: 'Ministerstwo zdementowało plotki o awarii mObywatela zaplanowanej rzekomo na 5 maja.',
    publishedAt: '2026-04-28T10:00:00+02:00',
    expected: { kind: 'none', windows: [], components: ['mobywatel'] },
  },
  {
    name: '"wraca do normy" is resolved',
    text: 'Logowanie przez Profil Zaufany wraca do normy po porannej awarii.',
    publishedAt: '2026-04-28T12:00:00+02:00',
    expected: { kind: 'resolved', windows: [], components: ['profil-zaufany'] },
  },
  {
    name: 'present-tense trouble at PKO BP (IKO) is an outage',
    text: 'Aktualnie występują problemy z logowaniem do aplikacji IKO. Pracujemy nad przywróceniem pełnej funkcjonalności.',
    publishedAt: '2026-04-28T12:00:00+02:00',
    expected: { kind: 'outage', windows: [], components: ['bank:pko-bp'] },
  },
  {
    name: 'Santander Consumer Bank is its own bank',
    text: 'Santander Consumer Bank: 12 maja w godz. 1:00-3:00 przerwa techniczna w systemie kredytowym.',
    publishedAt: '2026-05-05T10:00:00+02:00',
    expected: { kind: 'maintenance', windows: [{ start: '2026-05-12T01:00:00.000+02:00', end: '2026-05-12T03:00:00.000+02:00' }], components: ['bank:santander-consumer'] },
  },
  {
    name: 'a bank named in a comparison ("jak u Santandera") is not attributed',
    text: 'Tak jak u Santandera w zeszłym tygodniu, teraz ING planuje przerwę: 9 maja od 0:00 do 2:00 nie zalogujesz się do Mojego ING.',
    publishedAt: '2026-05-05T10:00:00+02:00',
    expected: { kind: 'maintenance', windows: [{ start: '2026-05-09T00:00:00.000+02:00', end: '2026-05-09T02:00:00.000+02:00' }], components: ['bank:ing'] },
  },
  {
    name: 'an unconfigured cooperative bank is its own bs-<town>, and "nie dotyczy" drops SGB',
    text: 'Bank Spółdzielczy w Starym Sączu informuje: 15 czerwca od 20:00 do 22:00 bankowość internetowa będzie niedostępna. Przerwa nie dotyczy kart SGB.',
    publishedAt: '2026-06-10T10:00:00+02:00',
    expected: { kind: 'maintenance', windows: [{ start: '2026-06-15T20:00:00.000+02:00', end: '2026-06-15T22:00:00.000+02:00' }], components: ['bank:bs-stary-sacz'] },
  },
  {
    name: 'a bank notice headed "mBank (mojeID)" is about the bank, not all of mojeID',
    text: 'mBank (mojeID): 20 maja w godz. 0:00-1:00 nie bedzie mozna potwierdzic tozsamosci w mBanku.',
    publishedAt: '2026-05-15T10:00:00+02:00',
    expected: { kind: 'maintenance', windows: [{ start: '2026-05-20T00:00:00.000+02:00', end: '2026-05-20T01:00:00.000+02:00' }], components: ['bank:mbank'] },
  },
  {
    name: 'weekday hours with the night in parentheses give one window',
    text: 'Od godz. 22:00 w sobotę do godz. 3:00 w niedzielę (noc z 14 na 15 marca) nie zadziała BLIK w VeloBanku.',
    publishedAt: '2026-03-10T10:00:00+01:00',
    expected: { kind: 'maintenance', windows: [{ start: '2026-03-14T22:00:00.000+01:00', end: '2026-03-15T03:00:00.000+01:00' }], components: ['bank:velobank'] },
  },
  {
    name: 'a dated sentence with hours later in it gives no whole-day window',
    text: 'W piątek 16 października 2026 r. Internetowe Konto Pacjenta będzie niedostępne od 6:00 do 8:00.',
    publishedAt: '2026-10-12T10:00:00+02:00',
    expected: { kind: 'maintenance', windows: [{ start: '2026-10-16T06:00:00.000+02:00', end: '2026-10-16T08:00:00.000+02:00' }], components: ['ikp'] },
  },
  {
    name: 'a deadline in a headline is none',
    text: 'Ostateczny termin na złożenie wniosku o e-dowód mija 15 maja; wnioski można składać do godz. 18:00.',
    publishedAt: '2026-05-05T10:00:00+02:00',
    expected: { kind: 'none', windows: [], components: ['e-dowod'] },
  },
];
