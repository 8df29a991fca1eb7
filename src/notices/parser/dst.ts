/** Finds the night the clocks change, for "w nocy ze zmianą czasu z letniego na zimowy". */
import { DateTime } from 'luxon';
import { addDays, type LocalDate } from './dates.ts';

/**
 * The first night on or after the publication date whose morning has a different UTC offset
 * than the evening before, in the requested direction (null = either). Searches one year ahead.
 */
export function findDstNight(
  publication: LocalDate,
  direction: 'toWinter' | 'toSummer' | null,
  zone: string,
): { from: LocalDate; to: LocalDate } | null {
  const noonOffset = (d: LocalDate): number => DateTime.fromObject({ ...d, hour: 12 }, { zone }).offset;
  let previous = addDays(publication, -1);
  let previousOffset = noonOffset(previous);
  for (let k = 0; k <= 366; k += 1) {
    const day = addDays(publication, k);
    const offset = noonOffset(day);
    const wanted = direction === null || (direction === 'toWinter' ? offset < previousOffset : offset > previousOffset);
    if (offset !== previousOffset && wanted) return { from: previous, to: day };
    previous = day;
    previousOffset = offset;
  }
  return null;
}
