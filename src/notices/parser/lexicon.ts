/**
 * Word tables the parser matches against. Every entry is already normalized
 * (lower case, no diacritics), because matching happens after normalizeText().
 */

/** Genitive month names ("27 stycznia") mapped to month numbers. */
export const MONTHS: Readonly<Record<string, number>> = {
  stycznia: 1,
  lutego: 2,
  marca: 3,
  kwietnia: 4,
  maja: 5,
  czerwca: 6,
  lipca: 7,
  sierpnia: 8,
  wrzesnia: 9,
  pazdziernika: 10,
  listopada: 11,
  grudnia: 12,
};

/** Weekday forms (nominative, accusative, genitive, instrumental) mapped to ISO weekday (1 = Monday). */
export const WEEKDAYS: Readonly<Record<string, number>> = {
  poniedzialek: 1,
  poniedzialku: 1,
  poniedzialkiem: 1,
  wtorek: 2,
  wtorku: 2,
  wtorkiem: 2,
  sroda: 3,
  srode: 3,
  srody: 3,
  czwartek: 4,
  czwartku: 4,
  czwartkiem: 4,
  piatek: 5,
  piatku: 5,
  piatkiem: 5,
  sobota: 6,
  sobote: 6,
  soboty: 6,
  niedziela: 7,
  niedziele: 7,
  niedzieli: 7,
};

/** Words naming a day relative to the publication date, as a day offset. */
export const RELATIVE_DAYS: Readonly<Record<string, number>> = {
  dzis: 0,
  dzisiaj: 0,
  jutro: 1,
  jutra: 1,
  pojutrze: 2,
  pojutrza: 2,
  wczoraj: -1,
  przedwczoraj: -2,
};

/** Adjectives before "nocy" that name a night starting N days after publication ("dzisiejszej nocy"). */
export const RELATIVE_NIGHTS: Readonly<Record<string, number>> = {
  dzisiejszej: 0,
  najblizszej: 0,
  nadchodzacej: 0,
  jutrzejszej: 1,
};

/**
 * Ordinal hours written as words ("od północy do piątej rano", "o dwudziestej drugiej"): the
 * tokenizer turns them into numbers, which still need a time context to count as hours.
 */
export const HOUR_WORDS: Readonly<Record<string, number>> = {
  pierwszej: 1,
  drugiej: 2,
  trzeciej: 3,
  czwartej: 4,
  piatej: 5,
  szostej: 6,
  siodmej: 7,
  osmej: 8,
  dziewiatej: 9,
  dziesiatej: 10,
  jedenastej: 11,
  dwunastej: 12,
  trzynastej: 13,
  czternastej: 14,
  pietnastej: 15,
  szesnastej: 16,
  siedemnastej: 17,
  osiemnastej: 18,
  dziewietnastej: 19,
  dwudziestej: 20,
};

/** Verbs that close a window whose start came earlier: "zacznie się o 22:30, a skończy o 4:00". */
export const END_VERBS: ReadonlySet<string> = new Set(['skonczy', 'skoncza', 'zakonczy', 'zakoncza', 'konczy', 'koncza', 'potrwa', 'potrwaja', 'trwac']);

/** Words announcing that a service comes back: the time after them ends the window ("ponowne uruchomienie nastąpi 4 stycznia"). */
export const RESTART_WORDS: ReadonlySet<string> = new Set(['przywrocimy', 'uruchomimy', 'wznowimy', 'wznowienie', 'uruchomienie', 'przywrocenie', 'przywrocona', 'przywrocony', 'przywrocone']);

/** Word starts meaning "available"; "dostępne do 16:00" starts an outage window at 16:00. */
export const AVAILABLE_PREFIXES: readonly string[] = ['dostepn', 'realizowan', 'czynn', 'mozliw'];

/** Words that switch bare numbers into hours ("w godz. 22-6"). */
export const TIME_INTRODUCERS: ReadonlySet<string> = new Set([
  'godz',
  'godzina',
  'godziny',
  'godzinach',
  'godzinie',
  'godzin',
  'godzine',
]);

/** A part of the day as a conventional span of hours (documented conventions, not guesses per notice). */
export interface DayPart {
  startHour: number;
  endHour: number;
}

/**
 * Parts of the day: "od godzin porannych" = from 06:00; "w godzinach nocnych" = 22:00-06:00.
 * Morning 06-12, afternoon 12-18, evening 18-22, night 22-06.
 */
export const DAY_PARTS: Readonly<Record<string, DayPart>> = {
  porannych: { startHour: 6, endHour: 12 },
  rannych: { startHour: 6, endHour: 12 },
  rana: { startHour: 6, endHour: 12 },
  rano: { startHour: 6, endHour: 12 },
  przedpoludniowych: { startHour: 6, endHour: 12 },
  popoludniowych: { startHour: 12, endHour: 18 },
  wieczornych: { startHour: 18, endHour: 22 },
  wieczorem: { startHour: 18, endHour: 22 },
  nocnych: { startHour: 22, endHour: 6 },
};

/** Words ending in a period that is an abbreviation mark, not the end of a sentence. */
export const ABBREVIATIONS: ReadonlySet<string> = new Set([
  'godz',
  'r',
  'ok',
  'tj',
  'np',
  'ul',
  'nr',
  'dn',
  'tel',
  'm',
  'in',
  'ds',
  'zob',
  'al',
  'pn',
  'wt',
  'sr',
  'czw',
  'pt',
  'sob',
  'ndz',
  'ws',
  'pkt',
]);

/** Word starts that mark a clause about helpdesk opening hours rather than a service window. */
export const ASIDE_PREFIXES: readonly string[] = ['infolini', 'konsultan', 'helpdesk', 'czynna', 'czynny', 'czynne'];

/** Words after which a connector ("oraz", "i") starts a new window rather than joining names. */
export const WINDOW_LEADS: ReadonlySet<string> = new Set(['w', 'we', 'od', 'z', 'ze', 'do', 'dnia', 'nastepnego', 'kolejnego']);

/**
 * Component keywords (componentId -> keywords). A keyword is a normalized phrase; a word
 * ending in '*' matches any word starting with it, so inflected forms need one entry.
 */
export const COMPONENT_KEYWORDS: Readonly<Record<string, readonly string[]>> = {
  'profil-zaufany': ['profil* zaufan*', 'pz', 'pz.gov.pl'],
  'login-gov': ['login.gov.pl', 'wezel krajow*', 'wezl* krajow*'],
  mojeid: ['mojeid', 'moje id'],
  ikp: [
    'ikp',
    'internetow* kon* pacjenta',
    'pacjent.gov.pl',
    'mojeikp',
    'moje ikp',
    'e-recept*',
    'erecept*',
    'e-skierowan*',
    'eskierowan*',
    'p1',
    'platform* p1',
  ],
  mobywatel: ['mobywatel*', 'm-obywatel*'],
  'e-dowod': ['e-dowod*', 'edowod*', 'dowod* osobist* z warstw* elektroniczn*', 'warstw* elektroniczn*', 'edo app'],
};

/** Bank keywords (bank id -> keywords); each id is reported as component `bank:<id>`. */
export const BANK_KEYWORDS: Readonly<Record<string, readonly string[]>> = {
  // Inteligo is a brand of PKO BP: its notices are PKO BP's.
  'pko-bp': ['pko bp', 'pko bank* polsk*', 'ipko', 'iko', 'pko', 'inteligo'],
  santander: ['santander*', 'santander bank* polsk*'],
  // A different bank from Santander Bank Polska; the longer match wins over "santander*".
  'santander-consumer': ['santander consumer*'],
  pekao: ['pekao', 'bank* pekao', 'peopay', 'pekao24'],
  ing: ['ing', 'ing bank* slask*'],
  alior: ['alior*'],
  millennium: ['millennium', 'millenium', 'millenet'],
  'bnp-paribas': ['bnp paribas', 'bnp', 'goonline'],
  'credit-agricole': ['credit agricole', 'ca24'],
  bos: ['bos', 'bos bank*', 'bank* ochrony srodowiska'],
  velobank: ['velobank*', 'velo bank*'],
  envelo: ['envelo', 'envelobank*', 'envelo bank*'],
  mbank: ['mbank*'],
  sgb: ['sgb', 'spoldzielcz* grup* bankow*'],
  bps: ['bps', 'bank* polskiej spoldzielczosci'],
  nest: ['nest bank*', 'nestbank*'],
  pocztowy: ['bank* pocztow*', 'pocztowy24'],
};
