import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { COMPONENT_STATUSES, ENGINE_REASONS, PROBE_REASONS } from '../../src/domain/types.ts';
import { en } from '../../src/i18n/en.ts';
import { DICTIONARIES, isDictKey, LANGS, negotiateLang, translator } from '../../src/i18n/index.ts';
import { pl } from '../../src/i18n/pl.ts';

const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();

describe('dictionaries', () => {
  it('when the English dictionary is compared with the Polish one, then it has exactly the same keys', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(pl).sort());
  });

  it('when any key is translated, then both languages take the same {parameters}', () => {
    const mismatched = Object.keys(pl).filter((k) => placeholders(pl[k as keyof typeof pl]).join() !== placeholders(en[k as keyof typeof en]).join());
    expect(mismatched).toEqual([]);
  });

  it('when a string is empty in some language, then the test names it', () => {
    const empty = LANGS.flatMap((lang) => Object.entries(DICTIONARIES[lang]).filter(([, v]) => v.trim() === '').map(([k]) => `${lang}:${k}`));
    expect(empty).toEqual([]);
  });

  it.each([...PROBE_REASONS, ...ENGINE_REASONS].map((r) => [r]))('when the reason code %s is shown, then both languages have a patient text for it', (reason) => {
    const key = `reason.${reason}`;
    expect(isDictKey(key)).toBe(true);
    for (const lang of LANGS) expect(translator(lang)(key as 'reason.ok')).not.toBe(key);
  });

  it.each(COMPONENT_STATUSES.map((s) => [s]))('when the status %s is shown, then both languages have a word for it', (status) => {
    expect(isDictKey(`status.${status}`)).toBe(true);
  });
});

describe('translator', () => {
  it.each([
    ['pl', 'banner.outage.text', { list: 'Profil Zaufany' }, 'Nie działa: Profil Zaufany.'],
    ['en', 'banner.outage.text', { list: 'Trusted Profile' }, 'Not working: Trusted Profile.'],
    ['pl', 'components.since', { other: 'x' }, 'Od {time}'],
    ['pl', 'status.outage', undefined, 'Nie działa'],
  ] as const)('when %s translates %s with %o, then it reads "%s"', (lang, key, params, expected) => {
    expect(translator(lang)(key, params)).toBe(expected);
  });
});

describe('negotiateLang', () => {
  const app = express();
  app.get('/', (req, res) => void res.send(negotiateLang(req)));
  app.get('/en-default', (req, res) => void res.send(negotiateLang(req, 'en')));

  it.each([
    ['/', undefined, 'pl'],
    ['/?lang=en', undefined, 'en'],
    ['/?lang=pl', 'en-GB,en;q=0.9', 'pl'],
    ['/?lang=de', undefined, 'pl'],
    ['/', 'en-US,en;q=0.9', 'pl'],
    ['/', 'pl-PL,pl;q=0.9,en;q=0.8', 'pl'],
    ['/', 'de-DE,de;q=0.9', 'pl'],
    ['/', 'de-DE,en;q=0.5', 'pl'],
    ['/en-default', undefined, 'en'],
    ['/en-default', 'pl', 'en'],
  ])('when %s is asked with Accept-Language %s, then the language is %s', async (path, accept, expected) => {
    const req = request(app).get(path);
    if (accept) req.set('accept-language', accept);
    expect((await req).text).toBe(expected);
  });
});
