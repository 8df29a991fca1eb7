import { XMLParser } from 'fast-xml-parser';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOSTILE_TITLE, webFixture, type WebFixture } from './fixture.ts';

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', cdataPropName: false });
const asArray = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

describe('RSS and Atom feeds', () => {
  let f: WebFixture;
  beforeAll(async () => {
    f = await webFixture('maintenance');
  });
  afterAll(async () => f.close());

  it('when the RSS feed is parsed by an independent parser, then every window is an item with a Polish title, link and date', async () => {
    const res = await request(f.app).get('/feed.rss').set('host', 'status.example').expect(200).expect('content-type', /application\/rss\+xml/);
    const doc = parser.parse(res.text);
    expect(doc.rss['@version']).toBe('2.0');
    expect(doc.rss.channel.title).toBe('Logowanie do IKP: przerwy i awarie');
    expect(doc.rss.channel.language).toBe('pl');
    const items = asArray(doc.rss.channel.item) as { title: string; link: string; guid: { '#text': string } | string; pubDate: string }[];
    expect(items).toHaveLength(2);
    expect(items.map((i) => i.title)).toContain('Przerwa techniczna: login.gov.pl (Węzeł Krajowy) (27 stycznia, 21:00–23:00)');
    for (const i of items) expect(Number.isNaN(Date.parse(i.pubDate))).toBe(false);
    expect(items.find((i) => i.title.includes('login.gov.pl'))!.link).toBe('https://example.gov.pl/komunikat-1');
  });

  it('when the Atom feed is parsed, then entries carry ids, links and updated times', async () => {
    const res = await request(f.app).get('/feed.atom?lang=en').set('host', 'status.example').expect(200).expect('content-type', /application\/atom\+xml/);
    const doc = parser.parse(res.text);
    expect(doc.feed.title).toBe('Logging in to IKP: maintenance and outages');
    const entries = asArray(doc.feed.entry) as { id: string; title: { '#text': string }; link: { '@href': string }; updated: string }[];
    expect(entries).toHaveLength(2);
    for (const e of entries) {
      expect(e.id).toMatch(/^urn:ikp-status:window:/);
      expect(Number.isNaN(Date.parse(e.updated))).toBe(false);
    }
    expect(entries.map((e) => e.title['#text'])).toContain('Maintenance: mojeID (KIR) (29 January, 21:30–23:30)');
  });

  it('when a notice title or text is hostile, then the feeds carry it escaped as text and never as markup or a javascript: link', async () => {
    for (const path of ['/feed.rss', '/feed.atom']) {
      const res = await request(f.app).get(path).set('host', 'status.example').expect(200);
      const parsed = JSON.stringify(parser.parse(res.text));
      expect(parsed).not.toContain('<script');
      expect(parsed).not.toContain('<img');
      expect(parsed).toContain('&lt;script&gt;');
      expect(res.text).not.toContain('javascript:');
      expect(parsed).toContain('http://status.example/#window-https---example-gov-pl-komunikat-2-0');
    }
    expect(HOSTILE_TITLE).toContain('<script>');
  });

  it('when a feed is asked again with its ETag, then the answer is 304', async () => {
    const first = await request(f.app).get('/feed.atom').set('host', 'status.example').expect(200);
    await request(f.app).get('/feed.atom').set('host', 'status.example').set('if-none-match', first.headers.etag!).expect(304);
  });
});
