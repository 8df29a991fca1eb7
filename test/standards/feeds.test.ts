import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOSTILE_TITLE, webFixture, type WebFixture } from '../web/fixture.ts';
import { runPython } from './python.ts';

interface PyFeed {
  bozo: number | boolean;
  bozo_exception: string | null;
  version: string;
  language: string | null;
  author: string | null;
  title: string;
  entries: { id: string; title: string; link: string; updated: string | null; author: string | null }[];
}

const FEEDS = [
  ['/feed.rss', 'rss20', /application\/rss\+xml/],
  ['/feed.atom', 'atom10', /application\/atom\+xml/],
] as const;

describe('feeds through python3-feedparser', () => {
  let f: WebFixture;
  beforeAll(async () => {
    f = await webFixture('maintenance');
    // A window whose text is hostile markup: it must stay well-formed in every format.
    const [w] = await f.stores.windows.getWindows();
    await f.stores.windows.putWindows([{ ...w!, id: 'hostile#0', noticeKey: 'hostile', title: HOSTILE_TITLE, text: HOSTILE_TITLE }]);
    await f.snapshot.rebuild();
  });
  afterAll(async () => f.close());

  for (const lang of ['pl', 'en'] as const) {
    it.each(FEEDS)(`when %s is read in ${lang}, then feedparser finds it well-formed (bozo 0) as %s with entries`, async (path, version, type) => {
      const res = await request(f.app).get(`${path}${lang === 'en' ? '?lang=en' : ''}`).set('host', 'status.example').expect(200).expect('content-type', type);
      const parsed = await runPython<PyFeed>('feed_check.py', res.text, [res.headers['content-type']!]);
      expect(parsed.bozo_exception).toBeNull();
      expect(parsed.bozo).toBeFalsy();
      expect(parsed.version).toBe(version);
      expect(parsed.entries.length).toBeGreaterThanOrEqual(3);
      for (const e of parsed.entries) expect(e.id).toMatch(/^urn:ikp-status:/);
      if (version === 'atom10') expect(parsed.author).toBe('ikp-status');
      expect(parsed.language).toBe(lang);
    });
  }

  it('when the Atom feed is read, then the root carries xml:lang and an atom:author with a name (RFC 4287 §4.1.1)', async () => {
    const res = await request(f.app).get('/feed.atom?lang=en').set('host', 'status.example').expect(200);
    expect(res.text).toMatch(/<feed xmlns="http:\/\/www\.w3\.org\/2005\/Atom" xml:lang="en">/);
    expect(res.text).toMatch(/<author>\s*<name>ikp-status<\/name>/);
  });

  // Debian's feedparser (6.0.x) reads no JSON Feed, so the JSON Feed 1 rules are checked here directly.
  it('when the JSON feed is read, then it is JSON Feed 1 with an author, and every item has an id, a title and HTML content', async () => {
    const res = await request(f.app).get('/feed.json').set('host', 'status.example').expect(200).expect('content-type', /application\/feed\+json/);
    const doc = JSON.parse(res.text) as { version: string; title: string; home_page_url: string; feed_url: string; author: { name: string }; items: { id: string; title: string; content_html: string; date_modified: string }[] };
    expect(doc.version).toBe('https://jsonfeed.org/version/1');
    expect(doc.author.name).toBe('ikp-status');
    expect(doc.feed_url).toBe('http://status.example/feed.json');
    expect(doc.items.length).toBeGreaterThanOrEqual(3);
    for (const i of doc.items) {
      expect(i.id).toMatch(/^urn:ikp-status:/);
      expect(typeof i.content_html).toBe('string');
      expect(Number.isNaN(Date.parse(i.date_modified))).toBe(false);
    }
  });

  it('when the JSON feed carries hostile scraped text, then its HTML content is escaped and titles are plain text', async () => {
    const res = await request(f.app).get('/feed.json').set('host', 'status.example').expect(200);
    const doc = JSON.parse(res.text) as { items: { title: string; content_html: string }[] };
    const hostile = doc.items.find((i) => i.content_html.includes('&lt;script&gt;'))!;
    expect(hostile).toBeDefined();
    expect(hostile.content_html).not.toContain('<script>');
    for (const i of doc.items) expect(i.title).not.toMatch(/&(amp|lt|gt|quot);/);
  });
});
