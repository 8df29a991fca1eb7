import { describe, expect, it } from 'vitest';
import { CircuitBreaker, type CircuitState } from '../../src/webhooks/breaker.ts';

type Step = { at: number } & ({ start: boolean; running?: number } | { settle: 'success' | 'failure' | null; state: CircuitState });

/** Failures 2, cool-down 100 ms doubling up to 300 ms; concurrency 2. */
const CASES: { name: string; steps: Step[] }[] = [
  { name: 'two failures in a row open it', steps: [{ at: 0, start: true }, { at: 0, settle: 'failure', state: 'closed' }, { at: 0, start: true }, { at: 0, settle: 'failure', state: 'open' }, { at: 50, start: false }] },
  { name: 'a success in between resets the count', steps: [{ at: 0, settle: 'failure', state: 'closed' }, { at: 0, settle: 'success', state: 'closed' }, { at: 0, settle: 'failure', state: 'closed' }] },
  {
    name: 'after the cool-down one probe goes through, a second waits; its success closes it',
    steps: [{ at: 0, settle: 'failure', state: 'closed' }, { at: 0, settle: 'failure', state: 'open' }, { at: 100, start: true }, { at: 100, start: false }, { at: 110, settle: 'success', state: 'closed' }, { at: 110, start: true }],
  },
  {
    name: 'a failed probe reopens it with a doubled cool-down, capped',
    steps: [
      { at: 0, settle: 'failure', state: 'closed' },
      { at: 0, settle: 'failure', state: 'open' },
      { at: 100, start: true },
      { at: 100, settle: 'failure', state: 'open' },
      { at: 250, start: false },
      { at: 300, start: true },
      { at: 300, settle: 'failure', state: 'open' },
      { at: 550, start: false },
      { at: 600, start: true },
      { at: 600, settle: 'failure', state: 'open' },
      { at: 900, start: true },
    ],
  },
  { name: 'a probe that made no attempt (claim lost) leaves it half-open for the next one', steps: [{ at: 0, settle: 'failure', state: 'closed' }, { at: 0, settle: 'failure', state: 'open' }, { at: 100, start: true }, { at: 100, settle: null, state: 'half_open' }, { at: 100, start: true }] },
  { name: 'closed, it admits up to the concurrency', steps: [{ at: 0, start: true, running: 1 }, { at: 0, start: false, running: 2 }] },
];

describe('CircuitBreaker', () => {
  it.each(CASES)('when $name, then each step matches', ({ steps }) => {
    let now = 0;
    const seen: CircuitState[] = [];
    const b = new CircuitBreaker({ failures: 2, cooldownMs: 100, maxCooldownMs: 300 }, () => now, (s) => void seen.push(s));
    for (const step of steps) {
      now = step.at;
      if ('start' in step) expect([step.at, b.tryStart(step.running ?? 0, 2)]).toEqual([step.at, step.start]);
      else {
        b.settle(step.settle);
        expect([step.at, b.state]).toEqual([step.at, step.state]);
      }
    }
    // Every transition was reported, none twice in a row.
    expect(seen.every((s, i) => s !== seen[i - 1])).toBe(true);
  });
});
