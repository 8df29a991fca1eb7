import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cruise, type IConfiguration, type ICruiseResult, type IViolation } from 'dependency-cruiser';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';
import { afterAll, describe, expect, it } from 'vitest';

/*
 * The import rules of src/ (.dependency-cruiser.cjs): domain imports nothing of ours, no
 * file-level cycle, no import of a layer above. By hand: `npx depcruise src`.
 */

const config = createRequire(import.meta.url)('../../.dependency-cruiser.cjs') as IConfiguration;

/** One line per violation: the rule, then from → to (a cycle prints its whole path). */
function describeViolation(v: IViolation): string {
  const steps = v.cycle && v.cycle.length > 0 ? [v.from, ...v.cycle.map((step) => step.name)] : [v.from, v.to];
  return `${v.rule.name}: ${steps.join(' → ')}`;
}

/** The violations of the house rules in `<root>/src`, one line each. */
async function violationsIn(root: string): Promise<{ cruised: number; lines: string[] }> {
  const reported = await cruise(
    ['src'],
    { ...config.options, baseDir: root, ruleSet: { forbidden: config.forbidden ?? [] }, validate: true },
    undefined,
    { tsConfig: extractTSConfig(path.join(root, 'tsconfig.json')) },
  );
  const result = reported.output as ICruiseResult;
  return { cruised: result.summary.totalCruised, lines: result.summary.violations.map(describeViolation) };
}

// Parsing ~330 files with the TypeScript compiler takes seconds, more on a busy machine.
const SLOW = { timeout: 180_000 };

describe('the import graph of src/', () => {
  it('when src/ is cruised, then no import breaks the layer, cycle or domain rules', SLOW, async () => {
    const { cruised, lines } = await violationsIn(process.cwd());
    // A cruise that saw nothing would pass vacuously.
    expect(cruised).toBeGreaterThan(100);
    expect(lines).toEqual([]);
  });
});

describe('the import rules', () => {
  const roots: string[] = [];
  afterAll(() => {
    for (const root of roots) rmSync(root, { recursive: true, force: true });
  });

  /** A throwaway project: `files` maps paths under src/ to their source. */
  function project(files: Record<string, string>): string {
    const root = mkdtempSync(path.join(tmpdir(), 'ikp-arch-'));
    roots.push(root);
    writeFileSync(path.join(root, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', allowImportingTsExtensions: true, noEmit: true }, include: ['src'] }));
    for (const [file, source] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(root, 'src', file)), { recursive: true });
      writeFileSync(path.join(root, 'src', file), source);
    }
    return root;
  }

  it('when a layer imports one above it, then the check names both files', SLOW, async () => {
    const root = project({
      'engine/rule.ts': "import type { Snap } from '../web/snap.ts';\nexport type Rule = Snap;\n",
      'web/snap.ts': 'export type Snap = { at: number };\n',
    });
    expect((await violationsIn(root)).lines).toEqual(['no-upward-import:engine: src/engine/rule.ts → src/web/snap.ts']);
  });

  it('when domain imports config, then the check names the import twice (domain rule and layer rule)', SLOW, async () => {
    const root = project({
      'domain/role.ts': "import { ROLES } from '../config/roles.ts';\nexport type Role = (typeof ROLES)[number];\n",
      'config/roles.ts': "export const ROLES = ['admin'] as const;\n",
    });
    expect((await violationsIn(root)).lines.sort()).toEqual([
      'domain-imports-nothing-of-ours: src/domain/role.ts → src/config/roles.ts',
      'no-upward-import:domain: src/domain/role.ts → src/config/roles.ts',
    ]);
  });

  it('when two files of one folder import each other (type-only on one side), then the check prints the cycle once', SLOW, async () => {
    const root = project({
      'web/a.ts': "import { b } from './b.ts';\nexport const a = (): number => b() + 1;\n",
      'web/b.ts': "import type { a } from './a.ts';\nexport const b = (): number => 1;\nexport type A = typeof a;\n",
    });
    expect((await violationsIn(root)).lines).toEqual(['no-circular: src/web/a.ts → src/web/b.ts → src/web/a.ts']);
  });

  it('when a folder has no layer, then the check says so instead of letting it import anything', SLOW, async () => {
    const root = project({
      'newfolder/x.ts': "import { y } from '../web/y.ts';\nexport const x = y;\n",
      'web/y.ts': 'export const y = 1;\n',
    });
    expect((await violationsIn(root)).lines).toEqual(['every-importer-has-a-layer: src/newfolder/x.ts → src/web/y.ts']);
  });

  it('when web imports the pipeline, then the check says faces never import it', SLOW, async () => {
    const root = project({
      'web/page.ts': "import { run } from '../pipeline/run.ts';\nexport const page = run;\n",
      'pipeline/run.ts': 'export const run = 1;\n',
    });
    expect((await violationsIn(root)).lines).toEqual(['faces-never-import-the-pipeline: src/web/page.ts → src/pipeline/run.ts']);
  });

  it('when peers on one layer line import each other, then the check forbids it like an upward import', SLOW, async () => {
    const root = project({
      'incidents/open.ts': "import { plan } from '../maintenance/plan.ts';\nexport const open = plan;\n",
      'maintenance/plan.ts': 'export const plan = 1;\n',
    });
    expect((await violationsIn(root)).lines).toEqual(['no-upward-import:incidents: src/incidents/open.ts → src/maintenance/plan.ts']);
  });
});
