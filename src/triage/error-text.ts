import { ERROR_TEXT_CLASSES, type ErrorTextClass } from './types.ts';

/**
 * Keyword classification of the error text a patient saw. Only the classes leave this module:
 * the text itself is never stored, logged or echoed (it may hold personal or health data).
 */

// Keywords are matched on lower-cased text without Polish diacritics, so "wygasł" and "wygasl" both hit.
const KEYWORDS: Record<ErrorTextClass, readonly string[]> = {
  'profile-expired': ['wygasl', 'wygasn', 'stracil waznosc', 'utracil waznosc', 'profil niewazny', 'nieaktywny profil', 'profil jest nieaktywny', 'expired', 'no longer valid'],
  'wrong-password': ['haslo', 'nieprawidlowy login', 'bledny login', 'bledne dane logowania', 'nieprawidlowe dane logowania', 'password', 'invalid credentials', 'zablokowane'],
  sms: ['sms', 'kod autoryzacyjny', 'kod weryfikacyjny', 'kod jednorazowy', 'verification code'],
  maintenance: ['przerwa techniczna', 'przerwa serwisowa', 'prace serwisowe', 'prace techniczne', 'konserwac', 'maintenance', 'aktualizacj'],
  unavailable: ['niedostepn', 'awaria', '502', '503', '504', 'blad serwera', 'service unavailable', 'bad gateway', 'timeout', 'przekroczono czas', 'sprobuj ponownie pozniej', 'try again later', 'nie mozna polaczyc'],
  bank: ['bank', 'bankowosc', 'ipko', 'mbank', 'inteligo'],
  'account-exists': ['konto juz istnieje', 'uzytkownik juz istnieje', 'already exists', 'istnieje juz profil'],
};

/** Lower-cases and strips Polish diacritics (ł has no decomposition, so it is mapped by hand). */
export function foldPolish(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .replace(/ł/g, 'l');
}

/** The keyword classes found in `text`, in catalogue order. */
export function classifyErrorText(text: string): ErrorTextClass[] {
  const folded = foldPolish(text);
  return ERROR_TEXT_CLASSES.filter((c) => KEYWORDS[c].some((k) => folded.includes(k)));
}
