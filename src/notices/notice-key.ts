import { createHash } from 'node:crypto';
import type { NoticeItem } from '../domain/types.ts';

/** Folds case, Unicode forms and whitespace, so cosmetic edits keep a notice's identity. */
export function normalizeNoticeText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * Identity of a notice within its source: its link, else its title, else its text.
 * Keyed this way, an edited notice (same link or title, new text) updates its windows
 * instead of adding new ones.
 */
export function noticeKey(source: string, item: NoticeItem): string {
  const identity = item.link ?? (normalizeNoticeText(item.title) || normalizeNoticeText(item.text));
  return createHash('sha256').update(`${source}\n${identity}`).digest('hex').slice(0, 16);
}
