import type { CauseCode, ErrorTextClass, Symptom } from './types.ts';

/** Text in both languages. */
export interface Localized {
  pl: string;
  en: string;
}

/** What to tell the patient for each cause (bank names never appear here: membership lives in config). */
export const ADVICE: Record<CauseCode, Localized> = {
  IKP_MAINTENANCE: {
    pl: 'Trwa przerwa techniczna Internetowego Konta Pacjenta. Do jej końca logowanie nie zadziała żadną metodą. Spróbuj ponownie po zakończeniu przerwy.',
    en: 'The Internet Patient Account is down for maintenance. No login method works until it ends. Try again after the break.',
  },
  IKP_UNAVAILABLE: {
    pl: 'Internetowe Konto Pacjenta (pacjent.gov.pl) nie działa. To nie jest problem z Twoim kontem ani sposobem logowania. Spróbuj ponownie później i sprawdź komunikaty na pacjent.gov.pl.',
    en: 'The Internet Patient Account (pacjent.gov.pl) is not working. It is not a problem with your account or login method. Try again later and check the notices on pacjent.gov.pl.',
  },
  LOGIN_GOV_UNAVAILABLE: {
    pl: 'Nie działa login.gov.pl (Węzeł Krajowy), przez który przechodzi każde logowanie do IKP. Żadna metoda logowania nie zadziała, dopóki nie wróci. Spróbuj ponownie później.',
    en: 'login.gov.pl (the National Node), which every IKP login goes through, is not working. No login method works until it is back. Try again later.',
  },
  PZ_MAINTENANCE: {
    pl: 'Profil Zaufany ma przerwę techniczną. Zaloguj się inaczej: mojeID w swoim banku, aplikacją mObywatel albo e-dowodem.',
    en: 'The Trusted Profile is down for maintenance. Log in another way: mojeID in your bank, the mObywatel app or your e-ID card.',
  },
  PZ_UNAVAILABLE: {
    pl: 'Profil Zaufany nie działa, także przy logowaniu przez bank. Zaloguj się inaczej: mojeID w swoim banku (działa mimo awarii Profilu Zaufanego), aplikacją mObywatel albo e-dowodem.',
    en: 'The Trusted Profile is not working, including login through a bank. Log in another way: mojeID in your bank (it works while the Trusted Profile is down), the mObywatel app or your e-ID card.',
  },
  PZ_EXPIRED: {
    pl: 'Twój Profil Zaufany wygasł. Nie da się go reaktywować: trzeba założyć nowy profil (przez bank, w aplikacji mObywatel albo w punkcie potwierdzającym). Stare, wygasłe konto może blokować założenie nowego, dopóki nie zostanie usunięte: usuń je na pz.gov.pl albo poproś o pomoc w punkcie potwierdzającym. Do tego czasu zaloguj się inną metodą.',
    en: 'Your Trusted Profile has expired. It cannot be reactivated: you need a new profile (through a bank, in the mObywatel app or at a confirmation point). The old expired account may block creating a new one until it is deleted: delete it on pz.gov.pl or ask at a confirmation point. Until then, log in another way.',
  },
  PZ_EXPIRING_SOON: {
    pl: 'Twój Profil Zaufany wkrótce wygaśnie. Przedłuż go na pz.gov.pl przed tą datą, bo wygasłego profilu nie da się przedłużyć. Uwaga: przedłużenie profilu połączonego z bankiem usuwa to połączenie; przywrócisz je opcją „Zmień dostawcę tożsamości na bank”.',
    en: 'Your Trusted Profile expires soon. Extend it on pz.gov.pl before that date: an expired profile cannot be extended. Note: extending a profile linked to a bank removes that link; restore it with “Zmień dostawcę tożsamości na bank” (change identity provider to bank).',
  },
  MOJEID_UNAVAILABLE: {
    pl: 'mojeID (KIR) nie działa, więc logowanie przez bank z mojeID się nie uda. Zaloguj się inaczej: Profilem Zaufanym, aplikacją mObywatel albo e-dowodem.',
    en: 'mojeID (KIR) is not working, so logging in through a bank with mojeID fails. Log in another way: the Trusted Profile, the mObywatel app or your e-ID card.',
  },
  BANK_MAINTENANCE: {
    pl: 'Twój bank ma przerwę techniczną. Logowanie przez bank wróci po jej zakończeniu; szczegóły są w komunikatach banku. Do tego czasu zaloguj się inaczej.',
    en: 'Your bank is down for maintenance. Logging in through the bank returns when it ends; see the bank’s notices. Until then, log in another way.',
  },
  BANK_UNAVAILABLE: {
    pl: 'Logowanie w Twoim banku nie działa. Sprawdź komunikaty banku; do tego czasu zaloguj się inaczej.',
    en: 'Logging in to your bank is not working. Check the bank’s notices; until then, log in another way.',
  },
  MOBYWATEL_UNAVAILABLE: {
    pl: 'Usługi aplikacji mObywatel nie działają. Zaloguj się inaczej: Profilem Zaufanym, mojeID w banku albo e-dowodem.',
    en: 'The mObywatel app services are not working. Log in another way: the Trusted Profile, mojeID in your bank or your e-ID card.',
  },
  EDOWOD_UNAVAILABLE: {
    pl: 'Usługi e-dowodu nie działają. Zaloguj się inaczej: Profilem Zaufanym, mojeID w banku albo aplikacją mObywatel.',
    en: 'The e-ID card services are not working. Log in another way: the Trusted Profile, mojeID in your bank or the mObywatel app.',
  },
  SERVICE_SLOW: {
    pl: 'Jedna z usług potrzebnych do logowania działa wolniej niż zwykle. Logowanie może trwać dłużej: poczekaj kilka minut i spróbuj ponownie.',
    en: 'A service your login needs is slower than usual. Logging in may take longer: wait a few minutes and try again.',
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

/** NO_KNOWN_CAUSE when some service the login needs has no data from that time: never "they worked". */
export const NO_DATA_ADVICE: Localized = {
  pl: 'Nie wiemy, czy usługi potrzebne do Twojego logowania wtedy działały: nie mamy danych z tego czasu. Spróbuj ponownie, w innej przeglądarce albo inną metodą. Jeśli to nie pomoże, napisz do pomocy technicznej (gotowa wiadomość poniżej) albo zadzwoń: 19 239.',
  en: 'We do not know whether the services your login needs were working then: we have no data from that time. Try again, in another browser or with another method. If that does not help, write to the helpdesk (a ready message is below) or call 19 239.',
};

/** NO_KNOWN_CAUSE next to weaker causes: something was wrong, so never "the services worked". */
export const UNCLEAR_ADVICE: Localized = {
  pl: 'Nie mamy pewności, co zablokowało Twoje logowanie: inne możliwe przyczyny są poniżej. Spróbuj ponownie za kilka minut albo inną metodą. Jeśli to nie pomoże, napisz do pomocy technicznej (gotowa wiadomość poniżej) albo zadzwoń: 19 239.',
  en: 'We are not sure what blocked your login: other possible causes are below. Try again in a few minutes or with another method. If that does not help, write to the helpdesk (a ready message is below) or call 19 239.',
};

/** A slow component, named. */
export function slowAdvice(name: { pl: string; en: string }): Localized {
  return {
    pl: `${name.pl}: działa wolniej niż zwykle. Logowanie może trwać dłużej albo przerwać się: poczekaj kilka minut i spróbuj ponownie.`,
    en: `${name.en} is slower than usual. Logging in may take longer or time out: wait a few minutes and try again.`,
  };
}

/** PZ_EXPIRING_SOON naming the day (`day` already written the local way). */
export function expiringSoonAdvice(day: { pl: string; en: string }): Localized {
  return {
    pl: ADVICE.PZ_EXPIRING_SOON.pl.replace('przed tą datą', `najpóźniej ${day.pl}`),
    en: ADVICE.PZ_EXPIRING_SOON.en.replace('before that date', `by ${day.en} at the latest`),
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
