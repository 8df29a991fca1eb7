/**
 * The import rules of src/, checked by test/architecture/imports.test.ts (a unit-lane test, so
 * `npm test` fails on a cycle or an upward import). By hand: `npx depcruise src`.
 *
 * LAYERS runs from the bottom (shared vocabulary) to the top (wiring). A module may import its
 * own folder and the layers below its own; folders on the same line are peers and import
 * neither each other nor anything above. The order follows DESIGN.md §3's one data flow,
 *
 *   config → scheduler → probe → status engine → store → public state → faces,
 *
 * read as "who may know whom". Every stage knows the vocabulary (domain) and the configuration;
 * no stage imports the stage that feeds it or the one it feeds (main hands each its neighbours).
 * Above the stages sits the public state (status/: computed once, read from one snapshot),
 * then what reads it: webhooks, triage, metrics and, on top, web, which serves every face.
 * The pipeline, which moves data along the flow, sits beside triage, under the metrics that
 * observe it; web sits above it in the line, so a rule of its own keeps the faces from
 * importing it. Nothing flows back up. Main wires everything once, and the CLI starts main.
 */

/** Bottom to top. A name is a folder under src/ or a file directly in src/. */
const LAYERS = [
  // Shared vocabulary: types, errors, pure helpers; imports nothing of ours.
  ['domain'],
  // The validated configuration every stage reads.
  ['config'],
  // Cross-cutting services with no opinion on the flow (i18n: the page's dictionaries and date words).
  ['auth', 'logging', 'ical', 'i18n'],
  // The status engine (pure) and the store (records and history, memory or Redis).
  ['engine', 'store'],
  // Operator records: the context every operator action runs in, then the audit trail.
  ['admin'],
  ['audit'],
  // Notices: extraction and parsing (and operators' review of what was parsed).
  ['notices'],
  // Probes, and the worker threads that parse what they fetch.
  ['workers'],
  ['probes'],
  // Firing probes on schedule (knows the store's coordination, not the probes).
  ['scheduler'],
  // Operator actions on records that change what the public is told.
  ['incidents', 'maintenance', 'overrides', 'reclassify'],
  // The public state: what the public is told, computed once, and the snapshot it is read from.
  ['status'],
  // Outgoing webhooks (they describe changes in public-state words).
  ['webhooks'],
  // The pipeline drives the flow; triage is a pure function over the snapshot. Neither imports the other.
  ['pipeline', 'triage'],
  // Prometheus metrics: definitions, collectors over the store and the public state, observers of the pipeline.
  ['metrics'],
  // HTTP: page, feeds, APIs, badges, Statuspage JSON, /pomoc, /metrics, the operator console.
  ['web'],
  // The demo's simulated upstream (serves through web's server).
  ['demo'],
  // Wiring: builds everything once.
  ['main.ts'],
  // Command line: its commands start main; src/cli.ts dispatches to them.
  ['cli'],
  ['cli.ts'],
];

/** The path pattern of one layer name. */
const pathOf = (name) => (name.endsWith('.ts') ? `^src/${name.replace(/\./g, '\\.')}$` : `^src/${name}/`);

/** One rule per layer name: nothing at or above its own line except itself. */
const layerRules = LAYERS.flatMap((line, level) =>
  line.map((name) => {
    const forbidden = LAYERS.slice(level).flat().filter((other) => other !== name);
    return {
      name: `no-upward-import:${name}`,
      severity: 'error',
      comment: `src/${name} may import only layers below it (see LAYERS in .dependency-cruiser.cjs)`,
      from: { path: pathOf(name) },
      to: { path: forbidden.length === 0 ? '^$' : forbidden.map(pathOf).join('|') },
    };
  }),
);

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-imports-nothing-of-ours',
      severity: 'error',
      comment: 'src/domain/ is the shared vocabulary: it imports nothing of the project outside itself',
      from: { path: '^src/domain/' },
      to: { path: '^src/', pathNot: '^src/domain/' },
    },
    {
      name: 'faces-never-import-the-pipeline',
      severity: 'error',
      comment: 'faces read the public state; the pipeline and the scheduler that drive the flow are wired in by main',
      from: { path: '^src/(web|triage|status|webhooks)/' },
      to: { path: '^src/(pipeline|scheduler)/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'no file-level import cycle (type-only imports count too)',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'every-imported-has-a-layer',
      severity: 'error',
      comment: 'a new folder under src/ needs its line in LAYERS before the layer rules can judge it',
      from: { path: '^src/' },
      to: { path: '^src/', pathNot: LAYERS.flat().map(pathOf).join('|') },
    },
    {
      name: 'every-importer-has-a-layer',
      severity: 'error',
      comment: 'a new folder under src/ needs its line in LAYERS before the layer rules can judge it',
      from: { path: '^src/', pathNot: LAYERS.flat().map(pathOf).join('|') },
      to: { path: '^src/' },
    },
    ...layerRules,
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    includeOnly: '^src/',
    // Type-only imports are dependencies too: a layer that needs a type from above is upside down.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    moduleSystems: ['es6', 'cjs'],
  },
};
