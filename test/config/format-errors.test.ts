import { describe, it, expect } from 'vitest';
import { formatDuration, formatIssues, formatPath, type SchemaIssue } from '../../src/config/format-errors.ts';

const input = {
  probes: [{ id: 'ikp-home' }, { id: '' }, { id: 42 }, 'not-an-object'],
  components: [{ id: 'bank:pko-bp' }],
  loginMethods: [{ id: 'mojeid' }],
};
const issue = (path: PropertyKey[], message = 'bad', extra: Partial<SchemaIssue> = {}): SchemaIssue => ({ code: 'custom', path, message, ...extra });

describe('formatIssues', () => {
  it.each([
    { when: 'the path goes through an identified probe', issue: issue(['probes', 0, 'http', 'url'], 'Invalid URL'), out: ['probe "ikp-home": http.url: Invalid URL'] },
    { when: 'the probe id is empty', issue: issue(['probes', 1, 'timeout']), out: ['probes[1]: timeout: bad'] },
    { when: 'the probe id is not a string', issue: issue(['probes', 2]), out: ['probes[2]: bad'] },
    { when: 'the probe is not an object', issue: issue(['probes', 3]), out: ['probes[3]: bad'] },
    { when: 'the index is past the end', issue: issue(['probes', 9, 'id']), out: ['probes[9]: id: bad'] },
    { when: 'the path goes through a component', issue: issue(['components', 0, 'dependsOn', 1]), out: ['component "bank:pko-bp": dependsOn[1]: bad'] },
    { when: 'the path goes through a login method', issue: issue(['loginMethods', 0, 'path']), out: ['login method "mojeid": path: bad'] },
    { when: 'the path is a plain section', issue: issue(['server', 'port']), out: ['server.port: bad'] },
    { when: 'the path is empty', issue: issue([]), out: ['config: bad'] },
    {
      when: 'several keys are unknown',
      issue: issue(['probes', 0], 'Unrecognized keys', { code: 'unrecognized_keys', keys: ['timout', 'intervall'] }),
      out: ['probe "ikp-home": unknown key "timout"', 'probe "ikp-home": unknown key "intervall"'],
    },
    { when: 'a required value is missing', issue: issue(['probes', 0, 'kind'], 'x', { code: 'invalid_type' }), out: ['probe "ikp-home": kind: is required'] },
    { when: 'a present value has the wrong type', issue: issue(['probes', 0, 'id'], 'expected number', { code: 'invalid_type' }), out: ['probe "ikp-home": id: expected number'] },
    {
      when: 'a union fails in every branch',
      issue: issue(['x'], 'Invalid input', { code: 'invalid_union', errors: [[issue([], 'expected number')], [issue([], 'expected string')]] }),
      out: ['x: expected number or expected string'],
    },
  ])('when $when, then the problem reads $out', ({ issue: i, out }) => {
    expect(formatIssues([i], input)).toEqual(out);
  });

  it('when a path was set from the environment, then the problem names the variable', () => {
    expect(formatIssues([issue(['log', 'level'], 'Invalid option')], {}, { envPaths: { 'log.level': 'LOG_LEVEL' } })).toEqual([
      'env LOG_LEVEL (log.level): Invalid option',
    ]);
  });
});

describe('formatPath and formatDuration', () => {
  it.each([
    [['http', 'expectStatus', 0], 'http.expectStatus[0]'],
    [[0, 'id'], '[0].id'],
    [[], ''],
  ])('when the path is %j, then it renders %j', (path, text) => {
    expect(formatPath(path as PropertyKey[])).toBe(text);
  });

  it.each([
    [500, '500ms'],
    [1_500, '1500ms'],
    [30_000, '30s'],
    [90_000, '90s'],
    [300_000, '5m'],
    [5_400_000, '90m'],
    [3_600_000, '1h'],
    [172_800_000, '2d'],
    [0, '0ms'],
  ])('when the duration is %i ms, then it renders %j', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});
