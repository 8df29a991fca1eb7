import type { CauseCode, ErrorTextClass, Symptom } from './types.ts';
import type { PublicState } from '../domain/public-state.ts';

/** Text in both languages. */
export interface Localized {
  pl: string;
  en: string;
}

/**
 * What to tell the patient for each cause. Bank names never appear here (membership lives in
 * config), and neither does which other method works: that is the public login row's to say
 * (`alternativesSentence`), so advice never names a method the page shows as not working.
 */
export const ADVICE: Record<CauseCode, Localized> = {
  IKP_MAINTENANCE: {
    pl: 'Trwa przerwa techniczna Internetowego Konta Pacjenta. Spróbuj ponownie po jej zakończeniu.',
    en: 'The Internet Patient Account is down for maintenance. Try again after the break.',
  },
  IKP_UNAVAILABLE: {
    pl: 'Internetowe Konto Pacjenta (pacjent.gov.pl) nie działa. To nie jest problem z Twoim kontem ani sposobem logowania. Spróbuj ponownie później i sprawdź komunikaty na pacjent.gov.pl.',
    en: 'The Internet Patient Account (pacjent.gov.pl) is not working. It is not a problem with your account or login method. Try again later and check the notices on pacjent.gov.pl.',
  },
  LOGIN_GOV_UNAVAILABLE: {
    pl: 'Nie działa login.gov.pl (Węzeł Krajowy), przez który prowadzi logowanie do IKP. Spróbuj ponownie później.',
    en: 'login.gov.pl (the National Node), which the IKP login goes through, is not working. Try again later.',
  },
  PZ_MAINTENANCE: {
    pl: 'Profil Zaufany ma przerwę techniczną, także przy logowaniu przez bank. Spróbuj ponownie po jej zakończeniu.',
    en: 'The Trusted Profile is down for maintenance, including login through a bank. Try again after the break.',
  },
  PZ_UNAVAILABLE: {
    pl: 'Profil Zaufany nie działa, także przy logowaniu przez bank. Spróbuj ponownie później.',
    en: 'The Trusted Profile is not working, including login through a bank. Try again later.',
  },
  PZ_EXPIRED: {
    pl: 'Twój Profil Zaufany wygasł. Nie da się go reaktywować: trzeba założyć nowy profil (przez bank, w aplikacji mObywatel albo w punkcie potwierdzającym). Stare, wygasłe konto może blokować założenie nowego, dopóki nie zostanie usunięte: usuń je na pz.gov.pl albo poproś o pomoc w punkcie potwierdzającym. Do tego czasu zaloguj się inną metodą.',
    en: 'Your Trusted Profile has expired. It cannot be reactivated: you need a new profile (through a bank, in the mObywatel app or at a confirmation point). The old expired account may block creating a new one until it is deleted: delete it on pz.gov.pl or ask at a confirmation point. Until then, log in another way.',
  },
  PZ_EXPIRY_CONFLICT: {
    pl: 'Komunikat mówi, że Twój Profil Zaufany wygasł, a wpisana data mówi, że jest ważny. Rozstrzyga data ważności pokazana na Twoim koncie Profilu Zaufanego, nie data wpisana tutaj.',
    en: 'You saw a message that your Trusted Profile has expired, while the date you entered says it is valid. The expiry date shown in your Trusted Profile account decides, not the date entered here.',
  },
  PZ_EXPIRING_SOON: {
    pl: 'Twój Profil Zaufany wkrótce wygaśnie. Przedłuż go na pz.gov.pl przed tą datą, bo wygasłego profilu nie da się przedłużyć. Uwaga: przedłużenie profilu połączonego z bankiem usuwa to połączenie; przywrócisz je opcją „Zmień dostawcę tożsamości na bank”.',
    en: 'Your Trusted Profile expires soon. Extend it on pz.gov.pl before that date: an expired profile cannot be extended. Note: extending a profile linked to a bank removes that link; restore it with “Zmień dostawcę tożsamości na bank” (change identity provider to bank).',
  },
  MOJEID_UNAVAILABLE: {
    pl: 'mojeID (KIR) nie działa, więc logowanie przez bank z mojeID się nie uda. Spróbuj ponownie później.',
    en: 'mojeID (KIR) is not working, so logging in through a bank with mojeID fails. Try again later.',
  },
  BANK_MAINTENANCE: {
    pl: 'Twój bank ma przerwę techniczną. Logowanie przez bank wróci po jej zakończeniu; szczegóły są w komunikatach banku.',
    en: 'Your bank is down for maintenance. Logging in through the bank returns when it ends; see the bank’s notices.',
  },
  BANK_UNAVAILABLE: {
    pl: 'Logowanie w Twoim banku nie działa. Sprawdź komunikaty banku.',
    en: 'Logging in to your bank is not working. Check the bank’s notices.',
  },
  MOBYWATEL_UNAVAILABLE: {
    pl: 'Usługi aplikacji mObywatel nie działają. Spróbuj ponownie później.',
    en: 'The mObywatel app services are not working. Try again later.',
  },
  EDOWOD_UNAVAILABLE: {
    pl: 'Usługi e-dowodu nie działają. Spróbuj ponownie później.',
    en: 'The e-ID card services are not working. Try again later.',
  },
  SERVICE_PARTIAL: {
    pl: 'Jedna z usług potrzebnych do logowania działa tylko częściowo: część logowań lub funkcji nie działa.',
    en: 'A service your login needs works only in part: some logins or functions fail.',
  },
  SERVICE_SLOW: {
    pl: 'Jedna z usług potrzebnych do logowania działa wolniej niż zwykle. Logowanie może trwać dłużej: poczekaj kilka minut i spróbuj ponownie.',
    en: 'A service your login needs is slower than usual. Logging in may take longer: wait a few minutes and try again.',
  },
  SERVICE_UNVERIFIED: {
    pl: 'Nie możemy teraz sprawdzić jednej z usług potrzebnych do logowania, więc nie wiemy, czy działa.',
    en: 'We cannot check a service your login needs right now, so we do not know whether it works.',
  },
  MONITOR_BLIND: {
    pl: 'Nasz monitoring stracił połączenie i w tej chwili nie widzi, czy usługi działają. Sprawdź komunikaty na pacjent.gov.pl i spróbuj ponownie za kilka minut.',
    en: 'Our monitoring lost its connection and cannot see right now whether the services work. Check the notices on pacjent.gov.pl and try again in a few minutes.',
  },
  NO_KNOWN_CAUSE: {
    pl: 'Usługi potrzebne do Twojego logowania działały. Spróbuj ponownie, w innej przeglądarce albo po usunięciu plików cookie. Jeśli to nie pomoże, napisz do pomocy technicznej (gotowa wiadomość poniżej) albo zadzwoń: 19 239.',
    en: 'The services your login needs were working. Try again, in another browser or after clearing cookies. If that does not help, write to the helpdesk (a ready message is below) or call 19 239.',
  },
};

/**
 * Why the monitor cannot speak, in the words the page's headline uses: "lost its connection" only
 * when the self-connectivity guard says so, never at a cold start, with old data or with records
 * it cannot read.
 */
export function blindAdvice(p: Pick<PublicState, 'dataAsOf' | 'stale' | 'recordsUnavailable'>): Localized {
  const then = { pl: ' Sprawdź komunikaty na pacjent.gov.pl i spróbuj ponownie za kilka minut.', en: ' Check the notices on pacjent.gov.pl and try again in a few minutes.' };
  const why: Localized = p.recordsUnavailable
    ? { pl: 'Nie możemy teraz odczytać komunikatów i przerw technicznych, więc nie wiemy, czy usługi działają.', en: 'We cannot read the notices and maintenance windows right now, so we do not know whether the services work.' }
    : p.dataAsOf === null
      ? { pl: 'Nasz monitoring dopiero zaczął pracę i nie ma jeszcze wyników sprawdzeń, więc nie wiemy, czy usługi działają.', en: 'Our monitoring has only just started and has no check results yet, so we do not know whether the services work.' }
      : p.stale
        ? { pl: 'Nie mamy aktualnych wyników sprawdzeń, więc nie wiemy, czy usługi teraz działają.', en: 'We have no current check results, so we do not know whether the services work now.' }
        : ADVICE.MONITOR_BLIND;
  return p.recordsUnavailable || p.dataAsOf === null || p.stale ? { pl: why.pl + then.pl, en: why.en + then.en } : why;
}

/** NO_KNOWN_CAUSE when some service the login needs has no data from that time: never "they worked". */
export const NO_DATA_ADVICE: Localized = {
  pl: 'Nie wiemy, czy usługi potrzebne do Twojego logowania wtedy działały: nie mamy danych z tego czasu. Spróbuj ponownie, w innej przeglądarce albo inną metodą. Jeśli to nie pomoże, napisz do pomocy technicznej (gotowa wiadomość poniżej) albo zadzwoń: 19 239.',
  en: 'We do not know whether the services your login needs were working then: we have no data from that time. Try again, in another browser or with another method. If that does not help, write to the helpdesk (a ready message is below) or call 19 239.',
};

/**
 * NO_KNOWN_CAUSE next to weaker causes: something was wrong, so never "the services worked". It
 * points at no place in the answer ("below"): the weaker causes may be ranked above or below it.
 */
export const UNCLEAR_ADVICE: Localized = {
  pl: 'Nie mamy pewności, co zablokowało Twoje logowanie: żadna z możliwych przyczyn, które znaleźliśmy, nie wyjaśnia tego na pewno. Spróbuj ponownie za kilka minut albo inną metodą. Jeśli to nie pomoże, napisz do pomocy technicznej (gotowa wiadomość poniżej) albo zadzwoń: 19 239.',
  en: 'We are not sure what blocked your login: none of the possible causes we found explains it for certain. Try again in a few minutes or with another method. If that does not help, write to the helpdesk (a ready message is below) or call 19 239.',
};

/** Both languages of a configured name. */
type Name = { pl: string; en: string };

/** A slow component, named ("wolniej" is said for measured slowness alone). */
export function slowAdvice(name: Name): Localized {
  return {
    pl: `Wolniej niż zwykle działa: ${name.pl}. Logowanie może trwać dłużej albo przerwać się: poczekaj kilka minut i spróbuj ponownie.`,
    en: `${name.en} is slower than usual. Logging in may take longer or time out: wait a few minutes and try again.`,
  };
}

/** Where a journey stops, in the page's words ("Logowanie zatrzymuje się na etapie: …"). */
export function stepSentence(step: Name): Localized {
  return { pl: `Logowanie zatrzymuje się na etapie: ${step.pl}.`, en: `Logging in stops at this step: ${step.en}.` };
}

/** A component that works for others but stops the patient's login (a chooser without their method, a hop only their path uses). */
export function blockingPartialAdvice(name: Name, step: Name | null): Localized {
  const where = step ? stepSentence(step) : { pl: `Logowanie Twoją metodą nie przechodzi przez: ${name.pl}.`, en: `Your login method does not get through ${name.en}.` };
  return {
    pl: `${where.pl} Usługa ${name.pl} działa dla innych metod logowania, więc to nie jest awaria całej usługi ani problem z Twoim kontem.`,
    en: `${where.en} ${name.en} works for other login methods, so this is neither an outage of the whole service nor a problem with your account.`,
  };
}

/** Trouble announced for a component (an official notice or an operator's incident) that our checks do not confirm. */
export function announcedPartialAdvice(name: Name, by: 'notice' | 'incident'): Localized {
  const who = by === 'notice' ? { pl: 'Ogłoszono utrudnienia', en: 'Trouble has been announced' } : { pl: 'Zgłoszono utrudnienia', en: 'Trouble has been reported' };
  return {
    pl: `${who.pl} w działaniu usługi: ${name.pl}. Część logowań lub funkcji może nie działać. Jeśli logowanie się nie udało, spróbuj ponownie później.`,
    en: `${who.en} for ${name.en}. Some logins or functions may fail. If your login failed, try again later.`,
  };
}

/** A component we cannot check (blocked checks, a changed page): neither "works" nor "down". */
export function unverifiedAdvice(name: Name, reason: string): Localized {
  const why =
    reason === 'blocked'
      ? { pl: 'zabezpieczenia tej strony blokują nasze sprawdzenia', en: 'the site’s protection blocks our checks' }
      : reason === 'page_changed'
        ? { pl: 'strona zmieniła się tak, że nasze sprawdzenia jej nie odczytują', en: 'the page has changed so that our checks cannot read it' }
        : { pl: 'nasze sprawdzenia nie dają teraz wyniku', en: 'our checks give no result right now' };
  return {
    pl: `Nie możemy teraz sprawdzić usługi ${name.pl}: ${why.pl}. Nie wiemy więc, czy działa. Jeśli logowanie się nie udało, spróbuj ponownie za kilka minut.`,
    en: `We cannot check ${name.en} right now: ${why.en}. So we do not know whether it works. If your login failed, try again in a few minutes.`,
  };
}

/**
 * What the public login rows say about other methods, for causes that stop the login: non-empty,
 * some other method works (the list is `alternatives`); [], none is known to; null, nothing to say.
 */
export function alternativesSentence(ids: readonly string[] | null, basis: 'live' | 'history'): Localized | null {
  if (ids === null) return null;
  if (ids.length > 0) {
    return basis === 'live'
      ? { pl: 'Możesz zalogować się inną metodą, która teraz działa.', en: 'You can log in with another method that works now.' }
      : { pl: 'Inne metody logowania wtedy działały.', en: 'Other login methods were working then.' };
  }
  return basis === 'live'
    ? { pl: 'Nie znamy teraz innej działającej metody logowania.', en: 'We know of no other login method that works right now.' }
    : { pl: 'Nie znamy innej metody logowania, która wtedy działała.', en: 'We know of no other login method that worked then.' };
}

/** The patient's one login row worked by our checks (said instead of guessing which service failed). */
export function rowWorksSentence(label: Name, basis: 'live' | 'history'): Localized {
  return basis === 'live'
    ? { pl: `Według naszych sprawdzeń ta metoda logowania teraz działa: ${label.pl}.`, en: `By our checks this login method works now: ${label.en}.` }
    : { pl: `Według naszych sprawdzeń ta metoda logowania wtedy działała: ${label.pl}.`, en: `By our checks this login method was working then: ${label.en}.` };
}

/** Sentences joined, empty ones left out. */
export function joinAdvice(...parts: (Localized | null | undefined)[]): Localized {
  const given = parts.filter((p): p is Localized => p !== null && p !== undefined);
  return { pl: given.map((p) => p.pl).filter(Boolean).join(' '), en: given.map((p) => p.en).filter(Boolean).join(' ') };
}

/** PZ_EXPIRING_SOON naming the day (`day` already written the local way). */
export function expiringSoonAdvice(day: { pl: string; en: string }): Localized {
  return {
    pl: ADVICE.PZ_EXPIRING_SOON.pl.replace('przed tą datą', `najpóźniej ${day.pl}`),
    en: ADVICE.PZ_EXPIRING_SOON.en.replace('before that date', `by ${day.en} at the latest`),
  };
}

/**
 * The patient saw "profile expired" while the date they entered says valid: both, and how to tell
 * which is right (`day` is the last valid day, already written the local way).
 */
export function expiryConflictAdvice(day: { pl: string; en: string }): Localized {
  return {
    pl: `Komunikat mówi, że Twój Profil Zaufany wygasł, a według wpisanej daty jest ważny do ${day.pl} (włącznie). Rozstrzyga data ważności pokazana na Twoim koncie Profilu Zaufanego, nie data wpisana tutaj: sprawdź ją na pz.gov.pl w danych swojego profilu albo zapytaj w punkcie potwierdzającym. Jeśli profil wygasł, trzeba założyć nowy; do tego czasu zaloguj się inną metodą.`,
    en: `You saw a message that your Trusted Profile has expired, while the date you entered says it is valid through ${day.en} (inclusive). The expiry date shown in your Trusted Profile account decides, not the date entered here: check it on pz.gov.pl in your profile’s details or ask at a confirmation point. If the profile has expired, you need a new one; until then, log in another way.`,
  };
}

/** NO_KNOWN_CAUSE advice refined by what the patient saw (symptom first, then error-text class). */
export const NO_CAUSE_ADVICE: Partial<Record<Symptom | ErrorTextClass, Localized>> = {
  'wrong-password': {
    pl: 'Usługi działały, a komunikat wskazuje na zły login lub hasło. Hasło do Profilu Zaufanego ustawisz na nowo na pz.gov.pl („Nie pamiętam hasła”); login i hasło do banku odzyskasz w banku.',
    en: 'The services were working and the message points to a wrong login or password. Reset your Trusted Profile password on pz.gov.pl (“Nie pamiętam hasła”); your bank resets bank credentials.',
  },
  'no-sms-code': {
    pl: 'Usługi działały. Sprawdź, czy numer telefonu w Profilu Zaufanym jest aktualny i czy telefon odbiera SMS-y. Odczekaj kilka minut i poproś o nowy kod.',
    en: 'The services were working. Check that the phone number in your Trusted Profile is current and that the phone receives SMS. Wait a few minutes and ask for a new code.',
  },
  'bank-login-fails': {
    pl: 'Usługi działały. Jeśli nie możesz zalogować się do swojego banku, skontaktuj się z bankiem. Do tego czasu zaloguj się inną metodą.',
    en: 'The services were working. If you cannot log in to your bank, contact your bank. Until then, log in another way.',
  },
};
