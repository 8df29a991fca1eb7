import { describe, it, expect } from 'vitest';
import { alternatives, loginMatrix, type LoginMethodRow } from '../../src/engine/login-matrix.ts';
import { loginMethodSchema, type LoginMethodConfig } from '../../src/config/schema.ts';
import type { ComponentState, ComponentStatus } from '../../src/domain/types.ts';

const method = (id: string, path: string[], banks?: string[]): LoginMethodConfig =>
  loginMethodSchema.parse({ id, name: { pl: id, en: id }, path, ...(banks ? { banks } : {}) });

const METHODS = [
  method('profil-zaufany', ['login-gov', 'profil-zaufany']),
  method('pz-bank', ['login-gov', 'profil-zaufany', 'bank'], ['pko-bp', 'ing']),
  method('mojeid', ['login-gov', 'mojeid', 'bank'], ['mbank']),
  method('mobywatel', ['login-gov', 'mobywatel']),
];

function states(entries: Record<string, ComponentStatus | [ComponentStatus, string]>): Map<string, ComponentState> {
  return new Map(
    Object.entries(entries).map(([id, v]) => {
      const [status, rootCause] = Array.isArray(v) ? v : [v, null];
      return [id, { id, status, since: 0, lastCheckedAt: 0, reason: 'ok', rootCause }];
    }),
  );
}

const ALL_UP = {
  'login-gov': 'operational',
  'profil-zaufany': 'operational',
  mojeid: 'operational',
  mobywatel: 'operational',
  'bank:pko-bp': 'operational',
  'bank:ing': 'operational',
  'bank:mbank': 'operational',
} as const;

const brief = (rows: LoginMethodRow[]) => Object.fromEntries(rows.map((r) => [r.id, `${r.works}/${r.status}/${r.blockedBy}`]));

describe('loginMatrix', () => {
  it('when a method has the bank token, then it expands into one row per bank', () => {
    const rows = loginMatrix(METHODS, states(ALL_UP));
    expect(rows.map((r) => [r.id, r.method, r.bank, r.path.join('>')])).toEqual([
      ['profil-zaufany', 'profil-zaufany', null, 'login-gov>profil-zaufany'],
      ['pz-bank:pko-bp', 'pz-bank', 'pko-bp', 'login-gov>profil-zaufany>bank:pko-bp'],
      ['pz-bank:ing', 'pz-bank', 'ing', 'login-gov>profil-zaufany>bank:ing'],
      ['mojeid:mbank', 'mojeid', 'mbank', 'login-gov>mojeid>bank:mbank'],
      ['mobywatel', 'mobywatel', null, 'login-gov>mobywatel'],
    ]);
  });

  it('when a bank method lists no banks, then it yields no rows', () => {
    expect(loginMatrix([method('pz-bank', ['login-gov', 'bank'])], states(ALL_UP))).toEqual([]);
  });

  // null removes the component's state entirely.
  const cases: Array<[string, Record<string, ComponentStatus | [ComponentStatus, string] | null>, Record<string, string>]> = [
    ['everything is operational', {}, {
      'profil-zaufany': 'true/operational/null', 'pz-bank:pko-bp': 'true/operational/null', 'pz-bank:ing': 'true/operational/null',
      'mojeid:mbank': 'true/operational/null', mobywatel: 'true/operational/null',
    }],
    ['profil zaufany is down (January 2024)', { 'profil-zaufany': 'outage' }, {
      'profil-zaufany': 'false/outage/profil-zaufany', 'pz-bank:pko-bp': 'false/outage/profil-zaufany', 'pz-bank:ing': 'false/outage/profil-zaufany',
      'mojeid:mbank': 'true/operational/null', mobywatel: 'true/operational/null',
    }],
    ['one bank is degraded and another under maintenance', { 'bank:pko-bp': 'degraded', 'bank:ing': 'maintenance' }, {
      'profil-zaufany': 'true/operational/null', 'pz-bank:pko-bp': 'true/degraded/null', 'pz-bank:ing': 'false/maintenance/bank:ing',
      'mojeid:mbank': 'true/operational/null', mobywatel: 'true/operational/null',
    }],
    ['mojeID is unknown and mObywatel has no state at all', { mojeid: 'unknown', mobywatel: null }, {
      'profil-zaufany': 'true/operational/null', 'pz-bank:pko-bp': 'true/operational/null', 'pz-bank:ing': 'true/operational/null',
      'mojeid:mbank': 'null/unknown/null', mobywatel: 'null/unknown/null',
    }],
    ['a down bank beside an unknown component', { mojeid: 'unknown', 'bank:mbank': 'outage' }, {
      'profil-zaufany': 'true/operational/null', 'pz-bank:pko-bp': 'true/operational/null', 'pz-bank:ing': 'true/operational/null',
      'mojeid:mbank': 'false/outage/bank:mbank', mobywatel: 'true/operational/null',
    }],
    ['the failing component has a root cause elsewhere', { 'bank:ing': ['outage', 'core-banking'] }, {
      'profil-zaufany': 'true/operational/null', 'pz-bank:pko-bp': 'true/operational/null', 'pz-bank:ing': 'false/outage/core-banking',
      'mojeid:mbank': 'true/operational/null', mobywatel: 'true/operational/null',
    }],
    ['maintenance and outage on one path', { 'login-gov': 'maintenance', mobywatel: 'outage' }, {
      'profil-zaufany': 'false/maintenance/login-gov', 'pz-bank:pko-bp': 'false/maintenance/login-gov', 'pz-bank:ing': 'false/maintenance/login-gov',
      'mojeid:mbank': 'false/maintenance/login-gov', mobywatel: 'false/outage/login-gov',
    }],
    ['degraded and unknown on one path', { 'login-gov': 'degraded', 'profil-zaufany': 'unknown' }, {
      'profil-zaufany': 'null/unknown/null', 'pz-bank:pko-bp': 'null/unknown/null', 'pz-bank:ing': 'null/unknown/null',
      'mojeid:mbank': 'true/degraded/null', mobywatel: 'true/degraded/null',
    }],
  ];
  it.each(cases)('when %s, then rows are as expected', (_n, overrides, expected) => {
    const merged: Record<string, ComponentStatus | [ComponentStatus, string]> = { ...ALL_UP };
    for (const [id, v] of Object.entries(overrides)) {
      if (v === null) delete merged[id];
      else merged[id] = v;
    }
    expect(brief(loginMatrix(METHODS, states(merged)))).toEqual(expected);
  });
});

describe('alternatives', () => {
  const rows = loginMatrix(METHODS, states({ ...ALL_UP, 'profil-zaufany': 'outage', mobywatel: 'unknown' }));
  it.each([
    [undefined, ['mojeid:mbank']],
    ['mojeid', []],
    ['profil-zaufany', ['mojeid:mbank']],
  ])('when excluding %s, then the working rows are %j', (except, expected) => {
    expect(alternatives(rows, except).map((r) => r.id)).toEqual(expected);
  });

  it('when everything works, then every other method is an alternative', () => {
    const all = loginMatrix(METHODS, states(ALL_UP));
    expect(alternatives(all, 'pz-bank').map((r) => r.id)).toEqual(['profil-zaufany', 'mojeid:mbank', 'mobywatel']);
  });
});
