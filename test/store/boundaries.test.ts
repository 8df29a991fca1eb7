import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '../../src');

/** Every .ts file under `dir`, as paths relative to src/. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [relative(SRC, join(dir, e.name))] : []));
}

/** The module specifiers a file imports or re-exports. */
function importsOf(file: string): string[] {
  const text = readFileSync(join(SRC, file), 'utf8');
  return [...text.matchAll(/^(?:import|export)\b[^;]*?from '([^']+)'/gms)].map((m) => m[1]!);
}

const FEATURES = ['audit', 'incidents', 'overrides', 'reclassify', 'webhooks', 'web', 'admin', 'pipeline', 'engine', 'notices', 'triage', 'scheduler', 'metrics'];

describe('store boundaries (issue 14)', () => {
  it('when store/ files are read, then none imports a feature folder (records come from domain/)', () => {
    const offending = sources(SRC).filter((f) => f.startsWith('store/')).flatMap((f) =>
      importsOf(f).filter((spec) => FEATURES.some((feature) => new RegExp(`^(\\.\\./)+${feature}/`).test(spec))).map((spec) => `${f}: ${spec}`),
    );
    expect(offending).toEqual([]);
  });

  it('when files outside store/ are read, then none imports a concrete store or the guard (only ports, create, keys)', () => {
    const offending = sources(SRC)
      .filter((f) => !f.startsWith('store/'))
      .flatMap((f) => importsOf(f).filter((spec) => /store\/(memory|redis)\//.test(spec)).map((spec) => `${f}: ${spec}`));
    expect(offending).toEqual([]);
  });
});
