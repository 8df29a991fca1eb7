import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noticesProbeSchema } from '../../src/config/notices-schema.ts';
import { systemClock } from '../../src/domain/clock.ts';
import { nestsDeeperThan } from '../../src/notices/extract/depth.ts';
import { extractPage } from '../../src/notices/extract/page.ts';
import { runProbe } from '../../src/probes/index.ts';
import { noticesProber } from '../../src/probes/notices.ts';
import { ParsePool } from '../../src/workers/parse-pool.ts';
import { startUpstream, type Upstream } from '../helpers/upstream.ts';

const SPIN_WORKER = new URL('./fixtures/spin-worker.mjs', import.meta.url).href;
const spinTask = (body: string) => ({
  op: 'extract' as const,
  input: { check: { format: 'html' as const, allowEmpty: true, maxItems: 5 }, body, contentType: null, baseUrl: 'http://x/' },
});

describe('the parse pool deadline', () => {
  const pool = new ParsePool({ threads: 1, entry: SPIN_WORKER });
  afterAll(() => pool.close());

  it('when a task never finishes, then the caller gets timeout at its deadline, the event loop stays free and the next task runs on a fresh worker', async () => {
    expect(await pool.ready(60_000)).toBe(true);
    // The task spins forever: an answer at all proves it ran off this thread and the deadline ended it.
    const stuck = await pool.run(spinTask('spin'), 300);
    expect(stuck).toEqual({ ok: false, reason: 'timeout', detail: 'parsing took longer than 300 ms' });
    // One thread only: had the spinning worker not been replaced, this task would wait behind it forever.
    const next = await pool.run(spinTask('after'), 60_000);
    expect(next).toEqual({ ok: true, value: { ok: true, items: [{ title: 'after', text: '', link: null, publishedAt: null }] } });
  });

  it('when the pool is closed, then a task fails as internal_error instead of hanging', async () => {
    const closed = new ParsePool({ threads: 1, entry: SPIN_WORKER });
    await closed.close();
    expect(await closed.run(spinTask('x'), 1_000)).toEqual({ ok: false, reason: 'internal_error', detail: 'parse pool closed' });
  });
});

describe('nesting depth', () => {
  it.each([
    { name: 'flat paragraphs with void elements', doc: '<p>a<br>b<img src=x></p>'.repeat(5_000), xml: false, deeper: false },
    { name: 'a page 1,000 levels deep', doc: `${'<div>'.repeat(1_000)}${'</div>'.repeat(1_000)}`, xml: false, deeper: false },
    { name: 'a page 1,001 levels deep', doc: `${'<div>'.repeat(1_001)}${'</div>'.repeat(1_001)}`, xml: false, deeper: true },
    { name: 'unclosed divs 100,000 deep', doc: '<div>'.repeat(100_000), xml: false, deeper: true },
    { name: 'a feed 2,000 elements deep', doc: `<rss>${'<x>'.repeat(2_000)}${'</x>'.repeat(2_000)}</rss>`, xml: true, deeper: true },
    { name: 'self-closing XML elements', doc: `<rss>${'<x/>'.repeat(5_000)}</rss>`, xml: true, deeper: false },
  ])('when the document is $name, then deeper than 1000 is $deeper', ({ doc, xml, deeper }) => {
    expect(nestsDeeperThan(doc, 1_000, xml)).toBe(deeper);
  });
});

describe('a notice page just under the depth limit, parsed by the real worker', () => {
  let upstream: Upstream;
  const pool = new ParsePool({ threads: 1 });

  beforeAll(async () => {
    upstream = await startUpstream();
    const deep = 990;
    upstream.route('/deep', (_req, res) =>
      res.writeHead(200, { 'content-type': 'text/html' }).end(`${'<div>'.repeat(deep)}<div class="komunikat"><h2>Przerwa techniczna</h2><p>IKP</p></div>${'</div>'.repeat(deep)}`),
    );
    expect(await pool.ready(60_000)).toBe(true);
  });

  afterAll(async () => {
    await pool.close();
    await upstream?.close();
  });

  it('when it is probed, then its notice is read (the limit leaves room for real pages)', async () => {
    const probe = noticesProbeSchema.parse({
      id: 'deep-ok',
      kind: 'notices',
      interval: '1m',
      timeout: '20s',
      notices: { url: upstream.url('/deep'), format: 'html', selectors: { item: '.komunikat', title: 'h2', text: 'p' } },
    });
    const outcome = await noticesProber(probe, { signal: new AbortController().signal, userAgent: 't', clock: systemClock, parser: pool });
    expect({ ok: outcome.ok, reason: outcome.reason, notices: outcome.notices }).toEqual({
      ok: true,
      reason: 'ok',
      notices: [{ title: 'Przerwa techniczna', text: 'IKP', link: null, publishedAt: null }],
    });
  });
});

describe('markup hidden in a feed', () => {
  it('when an RSS description carries HTML nested 100,000 levels deep in CDATA, then the item is still read as plain text', () => {
    const deep = `${'<div>'.repeat(100_000)}Awaria IKP${'</div>'.repeat(100_000)}`;
    const feed = `<rss version="2.0"><channel><item><title>Komunikat</title><description><![CDATA[${deep}]]></description></item></channel></rss>`;
    // No bound on how long it takes: the depth check would refuse a DOM of this depth, so plain
    // text out of it shows the CDATA was read as text, not built into a tree.
    const result = extractPage({ check: { format: 'rss', allowEmpty: true, maxItems: 5 }, body: feed, contentType: null, baseUrl: 'http://x/' });
    expect(result).toEqual({ ok: true, items: [{ title: 'Komunikat', text: 'Awaria IKP', link: null, publishedAt: null }] });
  });
});

describe('a notice page wide enough to make cheerio superlinear, on the real worker pool', () => {
  let upstream: Upstream;
  const pool = new ParsePool({ threads: 1 });

  beforeAll(async () => {
    upstream = await startUpstream();
    // Flat, so the depth check lets it through; selector matching over 60,000 siblings takes tens of seconds.
    const wide = `<main><div class="komunikat"><h2>x</h2><p>x</p>${'<br>'.repeat(60_000)}</div></main>`;
    upstream.route('/wide', (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(wide));
    upstream.route('/fine', (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<main><div class="komunikat"><h2>Komunikat</h2></div></main>'));
    expect(await pool.ready(60_000)).toBe(true);
  });

  afterAll(async () => {
    await pool.close();
    await upstream?.close();
  });

  const probeOf = (path: string) =>
    noticesProbeSchema.parse({
      id: 'wide',
      kind: 'notices',
      interval: '1m',
      timeout: '2s',
      notices: { url: upstream.url(path), format: 'html', selectors: { item: '.komunikat', title: 'h2' } },
    });

  it('when it is probed, then the fire ends as timeout by its deadline, the event loop stays free, and the next page parses on a fresh worker', async () => {
    // Order, not milliseconds: a timer due 100 ms into the fire, long before its 2 s deadline,
    // fires first only if the parse leaves this thread's event loop free. A parse on this thread
    // would hold the loop until it ended and the fire would settle before the timer's turn came.
    const order: string[] = [];
    const timer = setTimeout(() => order.push('timer'), 100);
    const outcome = await runProbe(probeOf('/wide'), { signal: new AbortController().signal, userAgent: 't', clock: systemClock, parser: pool });
    order.push('fire');
    clearTimeout(timer);
    expect({ ok: outcome.ok, reason: outcome.reason }).toEqual({ ok: false, reason: 'timeout' });
    expect(order).toEqual(['timer', 'fire']);
    // The stuck worker was terminated; its replacement needs a moment to load before it takes work.
    expect(await pool.ready(60_000)).toBe(true);
    const next = await runProbe(probeOf('/fine'), { signal: new AbortController().signal, userAgent: 't', clock: systemClock, parser: pool });
    expect({ ok: next.ok, reason: next.reason, notices: next.notices }).toEqual({ ok: true, reason: 'ok', notices: [{ title: 'Komunikat', text: 'Komunikat', link: null, publishedAt: null }] });
  });
});
