import { DateTime } from 'luxon';
import { z } from 'zod';
import { bilingual } from './validation.ts';

export const WARSAW = 'Europe/Warsaw';

const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/;
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/;

/** Why an operator-entered time was rejected, in both languages. */
export interface TimeProblem {
  pl: string;
  en: string;
}

/**
 * Reads a time an operator typed: ISO-8601 with an offset (`2026-03-28T22:00:00+01:00`, `…Z`),
 * or a Europe/Warsaw wall-clock time (`2026-03-28 22:00`, `2026-03-28T22:00`). A wall-clock time
 * that does not exist (the spring DST gap) is rejected; one that occurs twice (autumn) means the first.
 */
export function parseOperatorTime(text: string): number | TimeProblem {
  const trimmed = text.trim();
  if (WITH_OFFSET.test(trimmed)) {
    const dt = DateTime.fromISO(trimmed, { setZone: true });
    return dt.isValid ? dt.toMillis() : invalidDate();
  }
  const m = LOCAL.exec(trimmed);
  if (!m) {
    return {
      pl: 'Podaj czas jako ISO-8601 z przesunięciem (2026-03-28T22:00:00+01:00) albo czas warszawski (2026-03-28 22:00).',
      en: 'Give the time as ISO-8601 with an offset (2026-03-28T22:00:00+01:00) or as Warsaw local time (2026-03-28 22:00).',
    };
  }
  const [year, month, day, hour, minute, second] = m.slice(1).map((s) => Number(s ?? 0)) as [number, number, number, number, number, number];
  const dt = DateTime.fromObject({ year, month, day, hour, minute, second }, { zone: WARSAW });
  if (!dt.isValid || dt.day !== day || dt.month !== month) return invalidDate();
  if (dt.hour !== hour || dt.minute !== minute) {
    return {
      pl: 'Ten czas nie istnieje w Polsce (przestawienie zegarów na czas letni).',
      en: 'This time does not exist in Poland (the clocks skip it when summer time starts).',
    };
  }
  // In the autumn the hour 2:00–3:00 happens twice; the earlier instant is meant.
  const earlier = dt.minus({ hours: 1 });
  return earlier.hour === hour && earlier.minute === minute && earlier.second === second ? earlier.toMillis() : dt.toMillis();
}

function invalidDate(): TimeProblem {
  return { pl: 'Taka data nie istnieje.', en: 'No such date.' };
}

/** A zod string field holding an operator time, parsed to epoch ms. */
export const operatorTime = z.string().transform((s, ctx) => {
  const parsed = parseOperatorTime(s);
  if (typeof parsed === 'number') return parsed;
  ctx.addIssue({ code: 'custom', ...bilingual(parsed.pl, parsed.en) });
  return z.NEVER;
});

