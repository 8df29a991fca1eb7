import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { brokenLinks, headingAnchors, markdownFiles } from './markdown-links.ts';

/*
 * The README is the front door (what it is, quick start, demo, where to go next); the reference
 * lives in docs/, one page per subject. These checks keep it that way as the project grows.
 */

const ROOT = process.cwd();
const MAX_README_LINES = 200;
const REFERENCE_PAGES = [
  'docs/configuration.md',
  'docs/operators.md',
  'docs/triage.md',
  'docs/notices.md',
  'docs/journeys.md',
  'docs/metrics-and-alerts.md',
  'docs/operations.md',
  'docs/architecture.md',
  'docs/benchmarks.md',
  'docs/testing.md',
];

const lineCount = (text: string): number => text.replace(/\n$/, '').split('\n').length;

describe('README and docs', () => {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');

  it(`when README.md is counted, then it has at most ${MAX_README_LINES} lines`, () => {
    expect(lineCount(readme)).toBeLessThanOrEqual(MAX_README_LINES);
  });

  it('when README.md is read, then it links every page of docs/, the reference pages among them', () => {
    const pages = markdownFiles(ROOT).filter((f) => f.startsWith('docs/'));
    expect(pages).toEqual(expect.arrayContaining(REFERENCE_PAGES));
    const linked = pages.filter((p) => readme.includes(`](${p})`));
    expect(pages.filter((p) => !linked.includes(p))).toEqual([]);
  });

  it('when README.md or a page of docs/ has a relative link, then its file and heading exist', () => {
    expect(brokenLinks(ROOT, markdownFiles(ROOT))).toEqual([]);
  });
});

describe('the link check', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'md-links-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const tree = (files: Record<string, string>): void => {
    for (const [rel, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      writeFileSync(path.join(root, rel), text);
    }
  };

  it('when a link names a missing file or heading, then the check names the file and the link, and passes the rest', () => {
    tree({
      'README.md': [
        '# Tool',
        'See [setup](docs/setup.md), [gone](docs/gone.md) and [the shot](docs/img/a.png).',
        '[keys](docs/setup.md#http-probe-kind-http), [nothing](docs/setup.md#no-such-part), [here](#tool)',
        '[web](https://example.org/missing.md), [mail](mailto:a@example.org)',
        '```md',
        '[in an example](docs/example-only.md)',
        '```',
        'Inline code is text too: `[x](docs/also-example.md)`.',
        '[ref]: docs/ref-missing.md',
      ].join('\n'),
      'docs/setup.md': '# Setup\n\n## HTTP probe (`kind: http`)\n\nBack to [the README](../README.md#tool).\n',
      'docs/img/a.png': '',
    });
    expect(brokenLinks(root, markdownFiles(root))).toEqual([
      'README.md → docs/gone.md (no such file)',
      'README.md → docs/setup.md#no-such-part (no such heading)',
      'README.md → docs/ref-missing.md (no such file)',
    ]);
  });

  it('when headings repeat or carry punctuation and Polish letters, then their anchors are the ones GitHub makes', () => {
    const anchors = headingAnchors('# What happens when…\n## Notes\n## Notes\n### Stan usług: `ikp`\n');
    expect([...anchors]).toEqual(['what-happens-when', 'notes', 'notes-1', 'stan-usług-ikp']);
  });
});
