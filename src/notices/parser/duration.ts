/**
 * Durations close open windows: "przerwa potrwa ok. 2 godzin, od 22:00 w czwartek" is
 * 22:00-24:00. Only a duration tied to the work ("potrwa", "będzie trwać", "przez") counts, so
 * "2 godziny temu" or "w ciągu 2 godzin" never lengthens a window.
 */
import type { SourcedWindow } from './resolve.ts';

const NUMBER_WORDS: Readonly<Record<string, number>> = { jedna: 1, jeden: 1, dwie: 2, dwa: 2, dwoch: 2, trzy: 3, trzech: 3, cztery: 4, czterech: 4, piec: 5, pieciu: 5, szesc: 6, szesciu: 6, pol: 0.5 };

const DURATION =
  /\b(?:potrwa|potrwaja|bedzie trwac|beda trwac|trwac bedzie|trwac beda|przez)(?: (?:ok\.?|okolo|do|maksymalnie|max\.?|nie dluzej niz|mniej wiecej))? (?:(\d+(?:[.,]5)?|jedna|jeden|dwie|dwa|dwoch|trzy|trzech|cztery|czterech|piec|pieciu|szesc|szesciu|pol) )?(godzin[aey]?|godzine|minut[y]?)\b/;

/** Minutes of the one work duration the text states, or null. */
export function statedDuration(normalized: string): number | null {
  const m = DURATION.exec(normalized);
  if (!m) return null;
  const raw = m[1];
  const count = raw === undefined ? 1 : (NUMBER_WORDS[raw] ?? Number(raw.replace(',', '.')));
  if (!Number.isFinite(count) || count <= 0) return null;
  const minutes = (m[2] ?? '').startsWith('minut') ? count : count * 60;
  return minutes > 0 && minutes <= 7 * 24 * 60 ? minutes : null;
}

/** Gives open windows the stated duration; closed windows keep their written end. */
export function applyDuration(windows: readonly SourcedWindow[], minutes: number | null): SourcedWindow[] {
  if (minutes === null) return [...windows];
  return windows.map((w) => (w.end === null ? { ...w, end: w.start.plus({ minutes }) } : w));
}
