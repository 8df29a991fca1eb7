/** Phrase tables that decide a notice's kind; all patterns run on normalized text. */

/** The work or fault is over: "usunęliśmy awarię", "awaria została usunięta", "prace zakończone". */
export const RESOLVED_PATTERNS: readonly RegExp[] = [
  /\busunel(?:ismy|am|em|y|i)\b/,
  /\b(?:usuniet[aeoy]|usunieto)\b/,
  /\b(?:naprawion[aeoy]|naprawiono|naprawilismy)\b/,
  /\b(?:rozwiazan[aeyo]|rozwiazano|rozwiazalismy)\b/,
  /\b(?:przywrocon[aeoy]|przywrocono|przywrocilismy)\b/,
  /\bprace(?: (?:serwisowe|techniczne|konserwacyjne|modernizacyjne|wdrozeniowe|aktualizacyjne))? (?:zostaly |juz |sa )?zakonczone\b/,
  /\b(?:zakonczylismy|zakonczono)\b/,
  /\bzakonczyl[aoy]? sie\b/,
  /\b(?:dziala|dzialaja|funkcjonuje|funkcjonuja) (?:juz|ponownie|znow|znowu)\b/,
  /\b(?:juz|ponownie|znow|znowu) (?:dziala|dzialaja|funkcjonuje|funkcjonuja|dostepn\w*)\b/,
  /\bdostepn\w* (?:juz|ponownie)\b/,
  /\b(?:wraca|wracaja|wrocil\w*|powrocil\w*) do normy\b/,
  /\b(?:znow|ponownie|juz) (?:jest |sa )?mozliw/,
];

/** Words that, just before a resolution phrase, make it future or negated ("zostanie przywrócony"). */
export const NOT_YET_WORDS: ReadonlySet<string> = new Set([
  'nie',
  'jeszcze',
  'zostanie',
  'zostana',
  'bedzie',
  'beda',
  'powinien',
  'powinna',
  'powinno',
  'zostac',
  'gdy',
  'az',
  'dopiero',
  'kiedy',
  'chwili',
]);

/** Denials: there is and was no problem ("informacja o awarii jest nieprawdziwa", "nie planujemy przerw"). */
export const DENIAL_PATTERNS: readonly RegExp[] = [
  /\bnieprawdziw/,
  /\bfalszyw/,
  /\bdementujemy\b/,
  /\bnie planujemy\b/,
  /\bnie przewidujemy\b/,
  /\bnie (?:doszlo|dochodzi) do (?:zadnej )?awari/,
  /\bnie (?:wystapila|wystepuje|wystepuja|odnotowal\w*|stwierdzil\w*|odnotowujemy|potwierdzamy)\b/,
  /\bnie ma (?:zadnej |zadnych )?(?:awari|przerw|problem|utrudnien)/,
  /\bbrak (?:jest )?(?:jakichkolwiek |zadnych )?(?:awari|utrudnien|problemow z dzialaniem)/,
  /\bnie u nas\b/,
  // Announced work called off: "prace zostały odwołane" (not "do odwołania", until further notice).
  /\b(?:zostal[aoy]?|zostaly|sa|jest) odwolan[aeyo]\b/,
  /\bnie odbed(?:a|zie) sie\b/,
  /\bnie bedzie (?:zadnej |zadnego )?(?:przerwy|awarii|wylaczenia)\b/,
  /\bo (?:ktorej|ktorym|ktorych) (?:pisaly|pisal\w*|donosil\w*|informowal\w*) media\b/,
  /\bzdementowa\w*/,
  /\bjakoby\b/,
  /\bdzialaja i dzialaly\b/,
  /\bdziala i dzialal\b/,
  /\blezy po stronie\b/,
];

/** A deadline or unrelated news in a headline: "termin złożenia zeznania mija 30 kwietnia". */
export const DEADLINE_PATTERNS: readonly RegExp[] = [
  /\btermin\w*(?: \w+){0,5} (?:mija|uplywa|uplynie)\b/,
  /\bostateczn\w* termin/,
  /\bpo terminie\b/,
];

/**
 * Planned work in the future tense or as a warning: "wyłączy", "nie zalogujesz się", "przerwa
 * potrwa", "prace rozpoczną się", "ostrzega przed problemami", "ponowne uruchomienie nastąpi".
 */
export const PLANNED_PATTERNS: readonly RegExp[] = [
  /\b(?:bedzie|beda)(?: \w+){0,3} (?:niedostepn|wylaczon|ograniczon|nieczynn|dzialac|dzialal|mozliw|mozna|realizowan|dostepn|migrowal|przeprowadzan|prowadzon|trwac|utrudnion|niemozliw|wstrzyman|zawieszon)/,
  /\bnie (?:bedzie|beda) (?:mozna|mogli|mogl|mogla)/,
  /\b(?:wylaczon|niedostepn)\w* (?:bedzie|beda)\b/,
  /\bnie (?:zalogujesz|zalogujecie|zalogujemy|zrobisz|zrobicie|zaplacisz|zaplacicie|skorzystasz|skorzystacie|wyplacisz|zadziala|zadzialaja|wykonasz|przeleje|sprawdzisz)\b/,
  /\b(?:wylaczy|wylacza|wylaczymy|ograniczy|ograniczymy|zaktualizuje|zaktualizuja|zaktualizujemy|przeprowadzi|przeprowadza|przeprowadzimy|wdrozy|wdrozymy|zmodernizuje|przeniesie|przenosi|przenosimy|wstrzyma|wstrzymamy|zawiesi|zawiesimy)\b/,
  /\b(?:potrwa|potrwaja|rozpocznie sie|rozpoczna sie|zacznie sie|zaczna sie|skonczy sie|skoncza sie|zakonczy sie|zakoncza sie)\b/,
  /\b(?:ostrzega|ostrzegaja|uprzedza|uprzedzaja|zapowiada|zapowiadaja|zapowiedzial\w*)\b/,
  /\b(?:ponowne uruchomienie|przywrocimy|uruchomimy|wznowimy|wznowienie)\b/,
  /\bnastapi\b/,
  /\bodbed(?:zie|a) sie\b/,
  /\bmoga (?:nie )?(?:wystapic|wystepowac|dzialac|przechodzic|byc)/,
  /\bmoze (?:nie )?(?:dzialac|byc niedostepn)/,
  /\b(?:zaplanowal\w*|zaplanowan\w*|planowan\w*|planujemy|planuje)\b/,
  /\bczekaja\b/,
];

/** Trouble happening right now: "obecnie nie działa", "trwa awaria", "pracujemy nad przywróceniem". */
export const PRESENT_TROUBLE: readonly RegExp[] = [
  /\btrwa awaria\b/,
  /\bawaria (?:trwa|wystepuje)\b/,
  /\b(?:obecnie|aktualnie|w tej chwili|od rana|od kilku godzin)(?: \w+){0,3} (?:niedostepn|nie dziala|nie moze|nie mozna|brak|wystepuj|problem|utrudni|awari)/,
  /\bnie (?:moze|mozna|mozemy) obecnie\b/,
  /\b(?:trwaja prace|pracujemy|pracuja|pracuje)(?: \w+){0,2} nad (?:przywroceniem|usunieciem|rozwiazaniem|naprawa|wyjasnieniem)/,
  /\b(?:wystepuja|wystepuje|wystapily|wystapil|wystapila|odnotowujemy|obserwujemy)(?: \w+)? (?:problem|utrudnieni|bled|przerw|niedostepnosc|zaklocen|trudnosci|awari)/,
  /\bsprawdzamy przyczyn/,
  // "działa z opóźnieniami" now; "może działać niestabilnie" is a warning, not this.
  /(?<!(?:moze|moga|bedzie|beda) )\bdziala(?:ja)? (?:z opoznieni|niestabilnie|wolniej|z przerwami|z bledami|z zakloceni)/,
  /\bnie dziala(?:ja)?\b/,
];

/** "Everything works" statements; resolved if an earlier problem is mentioned, otherwise none. */
export const OPERATIONAL_PATTERNS: readonly RegExp[] = [
  /\b(?<!pozostale )(?:wszystkie )?(?:systemy|uslugi|serwisy|aplikacje|funkcjonalnosci)(?: \w+){0,3} (?:dzialaja|funkcjonuja) (?:poprawnie|prawidlowo|normalnie|stabilnie|bez zaklocen)/,
  /\b(?<!pozostale )(?:system|serwis|usluga|portal|aplikacja|logowanie|konto)(?: \w+){0,3} (?:dziala|funkcjonuje) (?:poprawnie|prawidlowo|normalnie|stabilnie|bez zaklocen)/,
  /\bwszystko dziala\b/,
];

/** Mentions of a past or current problem. */
export const PROBLEM_WORDS = /\b(?:awari|utrudnie|problem|przerw|niedostepn|usterk|bled|zaklocen|incydent|po zakonczeniu)/;

/** Future planned work alongside an "everything works" sentence makes it a maintenance notice. */
export const FUTURE_WORK = /\b(?:planowan|zaplanowan|bedzie|beda|zostanie|zostana|rozpoczn|odbeda|odbedzie)/;

/** Unplanned trouble happening now (beats maintenance words: "z powodu awarii trwają prace"). */
export const STRONG_OUTAGE_PATTERNS: readonly RegExp[] = [
  /\bawari/,
  /\bawaryjn/,
  /\bnie dziala(?:ja)?\b/,
  /\btrwaja prace nad (?:przywroceniem|usunieciem|rozwiazaniem|naprawa)/,
  /\bpracuj\w* nad (?:przywroceniem|usunieciem|rozwiazaniem|naprawa)/,
  /\b(?:wystepuja|wystepuje|wystapily|wystapil|wystapila|odnotowujemy|odnotowalismy|obserwujemy)(?: \w+)? (?:problem|utrudnieni|bled|przerw|niedostepnosc|zaklocen|trudnosci)/,
  /\b(?:obecnie|aktualnie)(?: \w+){0,2} (?:niedostepn|nie dziala|brak)/,
  /\bnie mozna (?:sie )?zalogowac\b/,
];

/** Planned work: "prace serwisowe", "przerwa techniczna", "aktualizacja", "zmiana czasu", … */
export const MAINTENANCE_PATTERNS: readonly RegExp[] = [
  /\bprac\w* (?:serwisow|techniczn|konserwac|modernizac|wdrozeniow|aktualizac|utrzymani|infrastruktur|rozwojow|planow|administracyjn)/,
  /\bprzerw\w* (?:techniczn|serwisow|konserwac|planow|w pracy)/,
  /\b(?:planowan|zaplanowan|planujemy)/,
  /\baktualizac/,
  /\bmodernizac/,
  /\bkonserwac/,
  /\bmigrac/,
  /\bwdrozeni/,
  /\bzmian\w* czasu\b/,
  /\b(?:bedzie|beda|zostanie|zostana)(?: \w+){0,2} (?:niedostepn|wylaczon|ograniczon|nieczynn)/,
  /\bniedostepn\w*(?: \w+){0,3} (?:w godz|w godzinach|w dniu|w dniach|w nocy|od godz)/,
  /\bmoga wystapic\b/,
];

/** Generic trouble words, used when nothing more specific matched. */
export const WEAK_OUTAGE_PATTERNS: readonly RegExp[] = [
  /\butrudnie/,
  /\bproblem\w* z (?:logowaniem|zalogowaniem|dostepem|dzialaniem|uwierzytelnieniem)/,
  /\bniedostepn/,
  /\bzaklocen/,
  /\bbled\w*/,
  /\bbrak mozliwosci/,
  /\bprzerw\w* w (?:dzialaniu|dostepie|dostepnosci)/,
];
