import { z } from 'zod';
import { componentList } from '../admin/fields.ts';
import { operatorTime } from '../admin/warsaw-time.ts';
import { NOTICE_KINDS } from '../domain/types.ts';

/**
 * The body of a notice confirmation: every field optional, each one given replaces the parser's
 * reading (times: ISO with offset, or Europe/Warsaw wall clock; `end: null` leaves it open-ended).
 */
export function noticeReviewInput(known: ReadonlySet<string>) {
  return z.strictObject({
    kind: z.enum(NOTICE_KINDS).optional(),
    start: operatorTime.optional(),
    end: operatorTime.nullable().optional(),
    components: componentList(known).optional(),
  });
}
export type NoticeReviewInput = z.output<ReturnType<typeof noticeReviewInput>>;
