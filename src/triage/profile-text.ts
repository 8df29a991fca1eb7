import type { Localized } from './advice.ts';
import { humanDates } from './human-dates.ts';
import type { ProfileVerdict } from './types.ts';

/**
 * A trusted profile's validity in words, the one wording every triage face uses. Art. 112 k.c.:
 * the last day counts in full (until its end, Polish time), so a profile whose last day was
 * 6 December "był ważny do 6 grudnia 2026 (włącznie)" and "wygasł z końcem dnia 6 grudnia", never
 * "wygasł 6 grudnia".
 */
export function profileText(p: Pick<ProfileVerdict, 'status' | 'lastValidDay'>): Localized {
  const day = { pl: humanDates('pl').day(p.lastValidDay), en: humanDates('en').day(p.lastValidDay) };
  return p.status === 'expired'
    ? { pl: `wygasł z końcem dnia ${day.pl} (był ważny do tego dnia włącznie)`, en: `expired at the end of ${day.en} (it was valid through that day)` }
    : { pl: `ważny do ${day.pl} (włącznie)`, en: `valid through ${day.en} (inclusive)` };
}
