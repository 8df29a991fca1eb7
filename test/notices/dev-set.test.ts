import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseNotice } from '../../src/notices/parser/index.ts';
import { windowKeys, type DevCase } from './dev-set-compare.ts';

// The shared development set, copied unchanged: 60 notices in the style of real bank, government and CeZ texts.
const file = new URL('../fixtures/notices/dev-set.json', import.meta.url);
const { cases } = JSON.parse(readFileSync(file, 'utf8')) as { cases: DevCase[] };

describe('parseNotice on the development set', () => {
  it('when the fixture is loaded, then it holds the 60 cases', () => {
    expect(cases).toHaveLength(60);
  });

  it.each(cases.map((c) => [`when ${c.id} (${c.pattern}) is parsed, then kind, windows and components match`, c] as const))('%s', (_title, c) => {
    const got = parseNotice(c.text, c.published);
    expect(got.kind).toBe(c.expect.kind);
    // Exact instants and offsets; "…T01:00:00+02:00" and "…T01:00:00.000+02:00" are the same.
    expect(windowKeys(got.windows)).toEqual(windowKeys(c.expect.windows));
    expect([...got.components].sort()).toEqual([...c.expect.components].sort());
  });
});
