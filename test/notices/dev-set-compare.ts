/** Compares a parse with a dev-set expectation: kind, windows as exact instants and offsets, components as a set. */
import { DateTime } from 'luxon';
import type { ParsedNotice } from '../../src/notices/parser/index.ts';

/** One case of test/fixtures/notices/dev-set.json. */
export interface DevCase {
  id: string;
  published: string;
  text: string;
  expect: { kind: string; windows: { start: string; end: string | null }[]; components: string[] };
  pattern: string;
}

/** "2026-06-14T01:00:00+02:00" and "2026-06-14T01:00:00.000+02:00" are the same instant and offset. */
export function instantKey(iso: string | null): string {
  if (iso === null) return 'open';
  const dt = DateTime.fromISO(iso, { setZone: true });
  return `${dt.toMillis()}@${dt.offset}`;
}

/** Windows in a comparable form, in order. */
export function windowKeys(windows: readonly { start: string; end: string | null }[]): string[] {
  return windows.map((w) => `${instantKey(w.start)}..${instantKey(w.end)}`);
}

/** Which parts of a parse match the expectation. */
export function compareWithExpectation(got: ParsedNotice, want: DevCase['expect']): { kind: boolean; windows: boolean; components: boolean; all: boolean } {
  const kind = got.kind === want.kind;
  const windows = JSON.stringify(windowKeys(got.windows)) === JSON.stringify(windowKeys(want.windows));
  const components = JSON.stringify([...got.components].sort()) === JSON.stringify([...want.components].sort());
  return { kind, windows, components, all: kind && windows && components };
}
