import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const BIN = path.resolve('bin/ikp-status.js');
const run = (args: string[], input?: string) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { input, encoding: 'utf8', env: { ...process.env, CONFIG: '' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

describe('ikp-status CLI', () => {
  it('when a notice is piped to notices parse, then the windows are printed as ISO-8601 with the Warsaw offset', () => {
    const r = run(['notices', 'parse', '--published', '2026-10-20T10:00:00+02:00'], 'W nocy z 24 na 25 października w godz. 22:00–6:00 Profil Zaufany będzie niedostępny z powodu prac serwisowych.');
    expect(r.code).toBe(0);
    // The autumn DST night: 22:00 CEST to 06:00 CET.
    expect(JSON.parse(r.out)).toEqual({
      kind: 'maintenance',
      windows: [{ start: '2026-10-24T22:00:00.000+02:00', end: '2026-10-25T06:00:00.000+01:00' }],
      components: ['profil-zaufany'],
      confidence: 0.9,
    });
  });

  it('when notices parse gets --explain, then it prints the confidence and the phrases behind kind, window and component', () => {
    const r = run(['notices', 'parse', '--explain', '--published', '2026-06-10T09:30:00+02:00'], 'W nocy z soboty na niedzielę, od 1:00 do 4:30, PKO BP przeprowadzi prace serwisowe.');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Rodzaj komunikatu: planowana przerwa');
    expect(r.out).toMatch(/Pewność: 0\.\d\d/);
    expect(r.out).toContain('„przeprowadzi”');
    expect(r.out).toContain('Okno 1: 2026-06-14T01:00:00.000+02:00 – 2026-06-14T04:30:00.000+02:00, z frazy „w nocy z soboty na niedziele, od 1:00 do 4:30”');
    expect(r.out).toContain('Usługa bank:pko-bp: z frazy „pko bp”');
  });

  it('when --published is not a date, then notices parse exits 2 and names the option', () => {
    const r = run(['notices', 'parse', '--published', 'wczoraj'], 'x');
    expect(r.code).toBe(2);
    expect(r.err).toContain('--published');
  });

  it('when check-config gets the shipped config, then it exits 0', () => {
    expect(run(['check-config', 'config/default.yaml']).code).toBe(0);
  });

  it('when check-config gets a file with several mistakes, then it lists every problem naming the item and exits 1', () => {
    const r = run(['check-config', 'test/fixtures/config/invalid/several-mistakes.yaml']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('probe "ikp-home": timeout must be < interval');
    expect(r.err.split('\n').filter((l) => l.startsWith('  - ')).length).toBeGreaterThanOrEqual(3);
  });

  it('when an unknown command is given, then usage is printed and the exit code is 2', () => {
    const r = run(['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('usage: ikp-status');
  });
});
