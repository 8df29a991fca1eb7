import { Feed } from 'feed';
import { timeFormat } from '../../i18n/format.ts';
import { translator } from '../../i18n/index.ts';
import { incidentTitle, updateBody } from '../../status/incident-view.ts';
import { anchorId, safeHttpUrl } from '../page/safe-url.ts';
import { nameList } from '../page/windows-section.ts';
import { calledOffText } from './called-off-text.ts';
import type { PublishInput } from '../publish-input.ts';

// Feed readers keep their own history; the feed carries the recent part.
const ITEM_LIMIT = 50;

/** What the feeds are built from. */
export type FeedInput = PublishInput;

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML: feed titles and contents are declared HTML, and scraped notice text is untrusted. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch] ?? ch);
}

/** Who the feeds name as their author (atom:author is required by RFC 4287 §4.1.1). */
export const FEED_AUTHOR = 'ikp-status';

/** How item titles and summaries are written: HTML-escaped for RSS/Atom (declared type="html"), plain for JSON Feed. */
export type TextMode = 'html' | 'plain';

/**
 * The RSS/Atom/JSON feed of incidents and maintenance windows (announced, past, and called off with
 * an item saying so), newest first.
 */
export function buildFeed(i: FeedInput, mode: TextMode = 'html'): Feed {
  const text = mode === 'html' ? escapeHtml : (s: string): string => s;
  const t = translator(i.lang);
  const fmt = timeFormat(t, i.now);
  const names = new Map(i.config.components.map((c) => [c.id, c.name[i.lang]]));
  const q = i.lang === 'pl' ? '' : `?lang=${i.lang}`;
  const home = `${i.baseUrl}/${q}`;
  const feed = new Feed({
    title: t('feed.title'),
    description: t('feed.description'),
    id: `${i.baseUrl}/`,
    link: home,
    language: i.lang,
    updated: new Date(i.builtAt),
    generator: 'ikp-status',
    author: { name: FEED_AUTHOR, link: home },
    feedLinks: { rss: `${i.baseUrl}/feed.rss${q}`, atom: `${i.baseUrl}/feed.atom${q}`, json: `${i.baseUrl}/feed.json${q}` },
  });
  const items: { date: Date; add: () => void }[] = [];
  for (const inc of i.view.incidents) {
    const date = new Date(inc.updatedAt);
    const body = inc.updates.map((u) => `<p>${escapeHtml(fmt.at(Date.parse(u.at)))}: ${escapeHtml(updateBody(u, i.lang))}</p>`).join('');
    items.push({
      date,
      add: () =>
        feed.addItem({
          title: text(t('feed.incident', { impact: t(`incident.impact.${inc.impact}`), title: incidentTitle(inc, i.lang), state: t(`incident.state.${inc.state}`) })),
          // A new id per update: readers show an item once per id, so each update must surface as new.
          id: `urn:ikp-status:incident:${encodeURIComponent(inc.id)}:${Date.parse(inc.updatedAt)}`,
          link: `${home}#${anchorId('incident', inc.id)}`,
          date,
          published: new Date(inc.createdAt),
          description: text(t('incidents.affects', { list: nameList(inc.components, names) })),
          content: body,
        }),
    });
  }
  for (const w of i.view.windows) {
    const off = w.calledOff;
    // Suggestions nobody confirmed were never announced here, so the feed has nothing to say of them.
    if (!w.wasAnnounced) continue;
    const date = new Date(w.updatedAt);
    const params = { kind: t(`maintenance.kind.${w.kind}`), what: nameList(w.components, names), when: fmt.range(Date.parse(w.start), w.end === null ? null : Date.parse(w.end)) };
    const link = safeHttpUrl(w.link) ?? `${home}#${anchorId('window', w.id)}`;
    const notice = [w.title, w.text].filter(Boolean).map((p) => `<p>${escapeHtml(p)}</p>`).join('');
    const windowId = `urn:ikp-status:window:${encodeURIComponent(w.id)}`;
    if (off === null) {
      const title = t('feed.item', params);
      items.push({
        date,
        add: () =>
          feed.addItem({ title: text(title), id: windowId, link, date, published: w.publishedAt ? new Date(w.publishedAt) : new Date(w.start), description: text(w.title || title), content: notice }),
      });
      continue;
    }
    const called = { kind: w.kind, calledOff: off };
    const status = calledOffText(i.lang, 'status', called, { at: fmt.at(Date.parse(off.at)) });
    const content = `<p>${escapeHtml(status)}</p>${notice}`;
    // The call-off is an item of its own with its own id: readers surface a new id as unread, while
    // most never re-show an item they already hold. The id is stable per window and way of calling
    // off, so re-reading the feed never repeats it (`:withdrawn` is the id earlier versions used).
    items.push({
      date,
      add: () =>
        feed.addItem({ title: text(calledOffText(i.lang, 'entry', called, params)), id: `${windowId}:${off.how}`, link, date, published: new Date(off.at), description: text(status), content }),
    });
    // The original announcement stays under its id, reworded and dated at the call-off: readers that
    // refresh held items (and every new subscriber) then never read it as a planned break.
    items.push({
      date,
      add: () =>
        feed.addItem({ title: text(calledOffText(i.lang, 'original', called, params)), id: windowId, link, date, published: w.publishedAt ? new Date(w.publishedAt) : new Date(w.start), description: text(status), content }),
    });
  }
  items.sort((a, b) => b.date.getTime() - a.date.getTime());
  for (const item of items.slice(0, ITEM_LIMIT)) item.add();
  return feed;
}

/**
 * The Atom document with the feed's language on the root element: the feed library has no
 * option for xml:lang (RFC 4287 §2), so it is added to the one root tag the library writes.
 */
export function atomWithLang(feed: Feed, lang: string): string {
  const xml = feed.atom1();
  const root = '<feed xmlns="http://www.w3.org/2005/Atom">';
  if (!xml.includes(root)) throw new Error('unexpected Atom root element from the feed library');
  return xml.replace(root, `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${lang === 'en' ? 'en' : 'pl'}">`);
}
