/**
 * Scores the parser on test/fixtures/notices/dev-set.json: kind, windows (exact instants and
 * offsets) and components, and lists every failing case. `npm run score:notices [-- --verbose]`.
 */
import { readFileSync } from 'node:fs';
import { parseNotice } from '../src/notices/parser/index.ts';
import { compareWithExpectation, type DevCase } from '../test/notices/dev-set-compare.ts';

const file = new URL('../test/fixtures/notices/dev-set.json', import.meta.url);
const { cases } = JSON.parse(readFileSync(file, 'utf8')) as { cases: DevCase[] };
const verbose = process.argv.includes('--verbose');
let kind = 0;
let windows = 0;
let all = 0;
for (const c of cases) {
  const got = parseNotice(c.text, c.published);
  const r = compareWithExpectation(got, c.expect);
  kind += r.kind ? 1 : 0;
  windows += r.windows ? 1 : 0;
  all += r.all ? 1 : 0;
  if (!r.all && verbose) {
    process.stdout.write(`FAIL ${c.id} [${r.kind ? '' : 'kind '}${r.windows ? '' : 'windows '}${r.components ? '' : 'components'}]\n  want ${JSON.stringify(c.expect)}\n  got  ${JSON.stringify(got)}\n`);
  }
}
const pct = (n: number): string => `${((100 * n) / cases.length).toFixed(0)}%`;
process.stdout.write(`dev-set ${cases.length} cases: kind ${pct(kind)} (${kind}), windows ${pct(windows)} (${windows}), all ${pct(all)} (${all})\n`);
