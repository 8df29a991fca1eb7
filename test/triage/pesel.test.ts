import { describe, expect, it } from 'vitest';
import { containsPesel, findPeselField, isPesel } from '../../src/triage/pesel.ts';
import { classifyErrorText } from '../../src/triage/error-text.ts';
import { PESELS } from './fixtures.ts';

describe('PESEL detection', () => {
  it.each<[string, boolean]>([
    ...PESELS.map((p): [string, boolean] => [p, true]),
    ['44051401358', false],
    ['4405140135', false],
    ['440514013590', false],
    ['abcdefghijk', false],
  ])('when checking %s, then isPesel is %s', (s, ok) => {
    expect(isPesel(s)).toBe(ok);
  });

  it.each([
    ['mój PESEL to 44051401359, proszę o pomoc', true],
    ['440514 01359', true],
    ['440-514-013-59', true],
    ['tel. 22 44051401359', true],
    ['kod błędu 440514013590 (12 cyfr)', false],
    ['2026-05-01T10:30:00+02:00', false],
    ['błąd 503 o 12:45', false],
  ])('when scanning "%s", then a PESEL is found: %s', (text, found) => {
    expect(containsPesel(text)).toBe(found);
  });

  it.each([
    [{ errorText: 'PESEL 44051401359' }, 'errorText'],
    [{ profile: { confirmedAt: '02070803628' } }, 'profile.confirmedAt'],
    [{ extra: [1, { deep: 85010112345 }] }, 'extra[1].deep'],
    [{ '44051401359': 'x' }, '[key]'],
    ['85010112345', 'body'],
    [{ method: 'mojeid', bank: 'mbank' }, null],
  ] as const)('when the input is %j, then the field named is %s', (value, field) => {
    expect(findPeselField(value)).toBe(field);
  });
});

describe('error text classification', () => {
  it.each([
    ['Twój profil zaufany wygasł', ['profile-expired']],
    ['Twoj profil zaufany wygasl', ['profile-expired']],
    ['Nieprawidłowy login lub hasło', ['wrong-password']],
    ['Nie otrzymałem kodu SMS', ['sms']],
    ['Trwa przerwa techniczna', ['maintenance']],
    ['503 Service Unavailable', ['unavailable']],
    ['Konto już istnieje', ['account-exists']],
    ['Błąd logowania w banku: serwis niedostępny', ['unavailable', 'bank']],
    ['coś dziwnego', []],
  ])('when the text is "%s", then the classes are %j', (text, classes) => {
    expect(classifyErrorText(text)).toEqual(classes);
  });
});
