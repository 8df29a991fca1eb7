import type { Request } from 'express';
import type { ComponentReason, ComponentStatus } from '../domain/types.ts';
import type { Dict, DictKey } from './dict.ts';
import { en } from './en.ts';
import { pl } from './pl.ts';

export type { Dict, DictKey } from './dict.ts';

/** Languages of the page, Polish first (the default). */
export const LANGS = ['pl', 'en'] as const;
export type Lang = (typeof LANGS)[number];

// Compile-time proof that every status and reason code has a patient-facing text.
void (pl satisfies Record<`status.${ComponentStatus}` | `reason.${ComponentReason}`, string>);

/** The one dictionary per language. */
export const DICTIONARIES: Record<Lang, Dict> = { pl, en };

/** Looks up a string and fills `{name}` parameters (the caller escapes on output). */
export type Translate = (key: DictKey, params?: Record<string, string | number>) => string;

/** A translator for one language. */
export function translator(lang: Lang): Translate {
  const dict = DICTIONARIES[lang];
  return (key, params) => {
    const text = dict[key];
    if (!params) return text;
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
  };
}

/** Whether a computed key (e.g. `reason.${code}`) exists in the dictionaries. */
export function isDictKey(key: string): key is DictKey {
  return Object.hasOwn(pl, key);
}

/** Narrows any value to a supported language, or null. */
export function asLang(value: unknown): Lang | null {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value) ? (value as Lang) : null;
}

/**
 * The language of a response: `?lang=` (the visible switch) wins, else the route's default, Polish.
 * Accept-Language is deliberately ignored: one URL says the same words to a patient and to the
 * helpdesk reading it with them, and English is always one visible click away.
 * `fallback` lets an English-named route (/accessibility) default to English.
 */
export function negotiateLang(req: Request, fallback: Lang = 'pl'): Lang {
  // req.query parses the URL on every access; most requests carry no query at all.
  const asked = req.url.includes('lang=') ? asLang(req.query.lang) : null;
  return asked ?? fallback;
}
