import type { Lang } from '../../i18n/index.ts';
import type { ConsoleKey } from './text-key.ts';
import { en } from './text-en.ts';
import { pl } from './text-pl.ts';

export type { ConsoleKey } from './text-key.ts';

const DICTS: Record<Lang, Record<ConsoleKey, string>> = { pl, en };

/** Looks up a console string and fills `{name}` parameters (views escape on output). */
export type ConsoleTranslate = (key: ConsoleKey, params?: Record<string, string | number>) => string;

/** A console translator for one language. */
export function consoleText(lang: Lang): ConsoleTranslate {
  const dict = DICTS[lang];
  return (key, params) => (params ? dict[key].replace(/\{(\w+)\}/g, (whole, n: string) => (n in params ? String(params[n]) : whole)) : dict[key]);
}

/** Whether a computed key (e.g. `action.${code}`) exists. */
export function isConsoleKey(key: string): key is ConsoleKey {
  return Object.hasOwn(pl, key);
}
