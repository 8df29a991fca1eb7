import { en } from './i18n/en.ts';
import { pl } from './i18n/pl.ts';
import type { Cause, CauseCode } from './types.ts';

// Catalogue titles that say what kind of trouble but not where: they name their service.
const GENERIC: ReadonlySet<CauseCode> = new Set(['SERVICE_PARTIAL', 'SERVICE_SLOW', 'SERVICE_UNVERIFIED']);

/** A cause's title as people read it ("Usługa działa tylko częściowo: login.gov.pl (Węzeł Krajowy)"). */
export function causeTitle(c: Pick<Cause, 'code' | 'component'>, lang: 'pl' | 'en', names: ReadonlyMap<string, string>): string {
  const title = (lang === 'pl' ? pl : en).causes[c.code];
  return GENERIC.has(c.code) && c.component ? `${title}: ${names.get(c.component) ?? c.component}` : title;
}
