/**
 * Times parseNotice on a 50 KB notice (the size of a long bank page's text) and prints the time
 * and its ratio to the 100 ms budget. `npm run bench:parser`. No test asserts a timing.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parseNotice } from '../src/notices/parser/index.ts';

const BUDGET_MS = 100;
const TARGET_CHARS = 50_000;

// Two 50 KB inputs: the dev set's notices one after another (real-looking text, dates, hours,
// bank names and all), and a dense page with a dated night window every 70 characters.
const file = new URL('../test/fixtures/notices/dev-set.json', import.meta.url);
const { cases } = JSON.parse(readFileSync(file, 'utf8')) as { cases: { text: string }[] };
const fill = (next: (k: number) => string): string => {
  let text = '';
  for (let k = 0; text.length < TARGET_CHARS; k += 1) text += `${next(k)}\n`;
  return text.slice(0, TARGET_CHARS);
};
const inputs: Record<string, string> = {
  'dev-set text': fill((k) => cases[k % cases.length]?.text ?? ''),
  'dense windows': fill((k) => `W nocy z ${(k % 27) + 1} na ${(k % 27) + 2} kwietnia w godz. 22:00-6:00 prace serwisowe PKO BP.`),
};

// CPU time, not wall time: the bench machine is shared, and waiting for a core is not parsing.
const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const published = '2026-06-01T10:00:00+02:00';
const runs = 10;
for (const [name, text] of Object.entries(inputs)) {
  parseNotice(text, published); // warm-up: JIT and regex compilation
  const cpu: number[] = [];
  const wall: number[] = [];
  for (let k = 0; k < runs; k += 1) {
    const [c0, w0] = [cpuMs(), performance.now()];
    parseNotice(text, published);
    cpu.push(cpuMs() - c0);
    wall.push(performance.now() - w0);
  }
  const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
  const m = median(cpu);
  process.stdout.write(
    `${name}: ${text.length} chars, median CPU ${m.toFixed(1)} ms (wall ${median(wall).toFixed(1)} ms) over ${runs} runs; ` +
      `budget ${BUDGET_MS} ms, ratio ${(m / BUDGET_MS).toFixed(2)} (${m < BUDGET_MS ? 'within' : 'OVER'} budget)\n`,
  );
}
