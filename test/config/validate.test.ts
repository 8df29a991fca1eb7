import { describe, it, expect } from 'vitest';
import { configSchema, type Config, type ConfigInput } from '../../src/config/schema.ts';
import { intervalProblem, validateConfig } from '../../src/config/validate.ts';

const name = { pl: 'x', en: 'x' };
const http = { url: 'http://127.0.0.1:9/' };

function build(input: Partial<ConfigInput>): Config {
  return configSchema.parse({ components: [{ id: 'ikp', name }], ...input });
}

const comp = (id: string, dependsOn: string[] = [], kind: 'service' | 'bank' = id.startsWith('bank:') ? 'bank' : 'service') => ({ id, name, kind, dependsOn });

describe('validateConfig', () => {
  it.each([
    {
      when: 'a three-component cycle exists',
      input: { components: [comp('a', ['b']), comp('b', ['c']), comp('c', ['a'])] },
      problems: ['component "a": dependency cycle a → b → c → a'],
    },
    {
      when: 'two separate cycles exist',
      input: { components: [comp('a', ['b']), comp('b', ['a']), comp('c', ['d']), comp('d', ['c'])] },
      problems: ['component "a": dependency cycle a → b → a', 'component "c": dependency cycle c → d → c'],
    },
    {
      when: 'a cycle is entered from outside it',
      input: { components: [comp('x', ['a']), comp('a', ['b']), comp('b', ['a'])] },
      problems: ['component "a": dependency cycle a → b → a'],
    },
    {
      when: 'a diamond shares a dependency without a cycle',
      input: { components: [comp('a', ['b', 'c']), comp('b', ['d']), comp('c', ['d']), comp('d')] },
      problems: [],
    },
    {
      when: 'an id is used three times',
      input: { components: [comp('a'), comp('a'), comp('a')] },
      problems: ['component "a": duplicate id'],
    },
    {
      when: 'two login methods share an id',
      input: {
        components: [comp('ikp')],
        loginMethods: [{ id: 'm', name, path: ['ikp'] }, { id: 'm', name, path: ['ikp'] }],
      },
      problems: ['login method "m": duplicate id'],
    },
    {
      when: 'a bank token is given an empty banks list',
      input: { components: [comp('ikp')], loginMethods: [{ id: 'm', name, path: ['bank', 'ikp'], banks: [] }] },
      problems: ['login method "m": path has "bank" but banks is missing or empty'],
    },
    {
      when: 'a path names a bank component directly',
      input: { components: [comp('ikp'), comp('bank:mbank')], loginMethods: [{ id: 'm', name, path: ['bank:mbank', 'ikp'] }] },
      problems: [],
    },
    {
      when: 'a probe is neither canary nor tied to a component',
      input: { probes: [{ id: 'p', kind: 'http' as const, interval: '1m', timeout: '5s', http }] },
      problems: ['probe "p": needs a component (or canary: true)'],
    },
    {
      when: 'a probe connectTimeout equals its timeout',
      input: { probes: [{ id: 'p', component: 'ikp', kind: 'http' as const, interval: '1m', timeout: '5s', http: { ...http, connectTimeout: '5s' } }] },
      problems: [],
    },
    {
      when: 'a probe interval is below a second',
      input: { probes: [{ id: 'p', component: 'ikp', kind: 'http' as const, interval: '500ms', timeout: '100ms', http }] },
      problems: ['probe "p": interval 500ms must be a whole number of seconds'],
    },
  ])('when $when, then exactly the expected problems are returned', ({ input, problems }) => {
    expect(validateConfig(build(input as Partial<ConfigInput>))).toEqual(problems);
  });
});

describe('intervalProblem', () => {
  it.each([
    ['1s', 1_000, null],
    ['30s', 30_000, null],
    ['1m', 60_000, null],
    ['5m', 300_000, null],
    ['1h', 3_600_000, null],
    ['1d', 86_400_000, null],
    ['1500ms', 1_500, 'interval 1500ms must be a whole number of seconds'],
    ['7s', 7_000, 'interval 7s does not divide a minute evenly'],
    ['90s', 90_000, 'interval 90s does not divide an hour evenly'],
    ['7m', 420_000, 'interval 7m does not divide an hour evenly'],
    ['90m', 5_400_000, 'interval 90m does not divide a day evenly'],
    ['5h', 18_000_000, 'interval 5h does not divide a day evenly'],
    ['2d', 172_800_000, 'interval 2d is longer than a day'],
  ])('when the interval is %s, then the problem is %j', (_label, ms, problem) => {
    expect(intervalProblem(ms)).toBe(problem);
  });
});
