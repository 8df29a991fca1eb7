import type { ProbeConfig } from '../../src/config/schema.ts';
import type { Meaning } from '../../src/domain/public-state.ts';
import type { MaintenanceWindow, ProbeResult } from '../../src/domain/types.ts';
import type { ResultsPort, WindowsPort } from '../../src/store/ports.ts';
import { ADVICE } from '../../src/triage/advice.ts';
import { translator } from '../../src/i18n/index.ts';
import { card, fragmentNow, loginMethod, type ApiStatus, type Sample } from './face-reads.ts';

/**
 * The checks every sample of the transition walk must pass: a component called down has a failing
 * check of its own behind it, no sentence says "works" or "wolniej" without the state for it, and
 * the faces agree. Each returns the violations found (empty when none), in words naming the face.
 */

const t = translator('pl');

/** Failures that do not say the target is down: a WAF answered, the markup drifted, or it announced maintenance. */
const NOT_DOWN = new Set(['blocked', 'page_changed', 'maintenance_page']);

/** Where the evidence for an outage is read from: the in-process app's store. */
export interface EvidenceStore {
  results: Pick<ResultsPort, 'recentResults'>;
  windows: Pick<WindowsPort, 'getWindows'>;
  probes: readonly ProbeConfig[];
  /** Results kept per probe (config store.resultsPerProbe). */
  keep: number;
}

/** Whether maintenance over `component` was in force at `at`: failures seen then were expected, not evidence. */
function underMaintenance(windows: readonly MaintenanceWindow[], component: string, at: number): boolean {
  return windows.some((w) => {
    if (w.kind !== 'maintenance' || !w.components.includes(component) || w.state === 'pending' || w.withdrawnFrom === 'pending') return false;
    // An announced window ends at its end; one withdrawn or cancelled stopped when that was noticed.
    const stop = w.state === 'announced' ? (w.end ?? Infinity) : Math.min(w.updatedAt, w.end ?? Infinity);
    return at >= w.start && at <= stop;
  });
}

const iso = (ms: number): string => (Number.isFinite(ms) ? new Date(ms).toISOString() : String(ms));
const brief = (r: ProbeResult): string => `${r.probeId}@${iso(r.at)} ${r.ok ? 'ok' : `${r.reason}${r.failedStep ? ` at ${r.failedStep.id}/${r.failedStep.component}` : ''}`}`;

/**
 * Rule 1. Every component the API calls a measured outage has a failing result of its own (its own
 * probe, or a journey that failed at its hop) taken at or after `from` (the last switch that could
 * have made it fail), outside any maintenance over it or over the hop that failed.
 */
export async function outagesWithoutEvidence(s: ApiStatus, store: EvidenceStore, from: number): Promise<string[]> {
  const down = s.components.filter((c) => c.status === 'outage' && c.confidence === 'measured');
  if (down.length === 0) return [];
  const windows = await store.windows.getWindows();
  const out: string[] = [];
  for (const c of down) {
    const mine = store.probes.filter((p) => p.component === c.id || p.kind === 'journey');
    const results = (await Promise.all(mine.map((p) => store.results.recentResults(p.id, store.keep)))).flat();
    const own = results.filter((r) => store.probes.find((p) => p.id === r.probeId)?.component === c.id || r.failedStep?.component === c.id);
    // Neither the component nor the hop the check failed at may have been under maintenance then.
    const expected = (r: ProbeResult): boolean => [c.id, r.failedStep?.component ?? r.component].some((id) => id != null && underMaintenance(windows, id, r.at));
    const evidence = own.filter((r) => !r.ok && !NOT_DOWN.has(r.reason) && r.at >= from && !expected(r));
    if (evidence.length === 0) {
      const latest = own.sort((a, b) => b.at - a.at).slice(0, 4).map(brief).join('; ');
      out.push(`API calls ${c.id} a measured outage (since ${c.since}, reason ${c.reason}) without a failing check of its own taken since ${iso(from)} outside maintenance; its latest results: ${latest || 'none'}`);
    }
  }
  return out;
}

// What the fragment writes for a login row of each meaning (login.works.*).
const ROW_TEXT: Record<Meaning, string> = {
  works: t('login.works.true'),
  partial: t('login.works.true'),
  slow: t('login.works.slow'),
  outage: t('login.works.false'),
  maintenance: t('login.works.false'),
  unverified: t('login.works.unverified'),
  unknown: t('login.works.null'),
};

/** The status class the fragment gives a login row: works (slower or not), does not work (maintenance or outage), or unknown. */
function rowClass(r: ApiStatus['loginMethods'][number]): string {
  if (r.works === true) return r.meaning === 'slow' ? 'degraded' : 'operational';
  if (r.works === false) return r.status === 'maintenance' ? 'maintenance' : 'outage';
  return 'unknown';
}

/** Rule 2. No "Wszystko działa", "wolniej" or "Nie możemy sprawdzić" without the state that makes it true. */
export function wordsWithoutState(s: ApiStatus, fragment: string): string[] {
  const out: string[] = [];
  const now = fragmentNow(fragment);
  if (now.includes(t('banner.ok.title'))) {
    const not = s.components.filter((c) => c.meaning !== 'works' || !c.fresh);
    if (not.length > 0) out.push(`fragment says "${t('banner.ok.title')}" while the API has ${not.map((c) => `${c.id}=${c.meaning}${c.fresh ? '' : ' (not fresh)'}`).join(', ')}`);
  }
  if (/wolniej/i.test(now) && !s.components.some((c) => c.meaning === 'slow')) {
    out.push(`fragment says "wolniej" (${/[^<>]*wolniej[^<>]*/i.exec(now)?.[0]}) while no component in the API is slow`);
  }
  const cannot = t('meaning.unverified');
  for (const c of s.components) {
    const html = card(fragment, c.id)?.html ?? '';
    if (html.includes(cannot) && c.meaning !== 'unverified') out.push(`fragment card ${c.id} says "${cannot}" while the API meaning is ${c.meaning}`);
  }
  for (const method of new Set(s.loginMethods.map((r) => r.method))) {
    for (const { row, line } of rowLines(fragment, s, method)) {
      if (line?.text === cannot && row.meaning !== 'unverified') out.push(`fragment row ${row.id} says "${cannot}" while the API row means ${row.meaning}`);
    }
  }
  return out;
}

/** A method's API rows, each with the fragment line that shows it (the method line, or its bank's line in order). */
function rowLines(fragment: string, s: ApiStatus, method: string): { row: ApiStatus['loginMethods'][number]; line: { status: string; text: string } | undefined }[] {
  const rows = s.loginMethods.filter((r) => r.method === method);
  const m = loginMethod(fragment, method);
  const lines = rows.some((r) => r.bank !== null) ? (m?.banks ?? []) : m ? [m] : [];
  return rows.map((row, i) => ({ row, line: lines[i] }));
}

/** Rule 3. At one instant (the API did not move during the read) every face says what the API says. */
export function facesDisagree(sample: Sample): string[] {
  const s = sample.before;
  const out: string[] = [];
  for (const c of s.components) {
    const got = card(sample.fragment, c.id);
    if (got?.status !== c.status) out.push(`fragment card ${c.id} is status-${got?.status ?? '(missing)'}, the API says ${c.status}`);
  }
  for (const method of new Set(s.loginMethods.map((r) => r.method))) {
    const m = loginMethod(sample.fragment, method);
    if (m === null) {
      out.push(`fragment has no login row for ${method}`);
      continue;
    }
    const pairs = rowLines(sample.fragment, s, method);
    for (const { row, line } of pairs) {
      const want = { status: rowClass(row), text: ROW_TEXT[row.meaning] };
      if (line?.status !== want.status || line.text !== want.text) {
        out.push(`fragment row ${row.id} shows ${line ? `status-${line.status} "${line.text}"` : 'nothing'}, the API row works=${row.works} means ${row.meaning} (expected status-${want.status} "${want.text}")`);
      }
    }
    if (m.banks.length > pairs.length) out.push(`fragment shows ${m.banks.length} bank lines for ${method}, the API has ${pairs.length} rows`);
    // A bank method's own line sums its banks up: it must not say more than they do.
    if (pairs.some((p) => p.row.bank !== null)) {
      const working = pairs.filter((p) => p.row.works === true).length;
      if (working === pairs.length && m.text !== t('login.works.true') && m.text !== t('login.works.slow')) out.push(`fragment method ${method} says "${m.text}" while every API row works`);
      if (working === 0 && pairs.some((p) => p.row.works === false) && m.text !== t('login.works.false')) out.push(`fragment method ${method} says "${m.text}" while no API row works`);
    }
  }
  const working = new Set(s.loginMethods.filter((r) => r.works === true).map((r) => r.id));
  const claim = ADVICE.NO_KNOWN_CAUSE.pl.split('.')[0]!;
  const headlineOk = !s.monitor.blind && s.overall.status === 'operational';
  for (const [method, answer] of sample.triage) {
    for (const a of answer.alternatives ?? []) if (!working.has(a.id)) out.push(`triage (${method}) offers ${a.id}, which the API does not list as working`);
    // "The services your login needs worked": for an unknown method that is every service; for a named one, its rows.
    const rows = s.loginMethods.filter((r) => method === 'unknown' || r.method === method);
    const allWork = method === 'unknown' ? headlineOk : !s.monitor.blind && rows.every((r) => r.works === true && r.meaning === 'works');
    const said = answer.causes.find((c) => c.advice.pl.includes(claim));
    if (said && !allWork) out.push(`triage (${method}) says "${claim}" (${said.code}) while the API has ${s.overall.status}${s.monitor.blind ? ' (blind)' : ''}, rows ${rows.map((r) => `${r.id}=${r.meaning}`).join(', ')}`);
  }
  for (const i of s.incidents.filter((x) => x.state !== 'resolved')) {
    if (!sample.feedIds.some((id) => id.startsWith(`urn:ikp-status:incident:${encodeURIComponent(i.id)}:`))) out.push(`feed has no entry for open incident ${i.id}`);
  }
  for (const w of s.maintenance.active) {
    if (!sample.feedIds.includes(`urn:ikp-status:window:${encodeURIComponent(w.id)}`)) out.push(`feed has no entry for active window ${w.id}`);
  }
  return out;
}

/** While the monitor is blind nothing says works or down, the headline is the blind one and triage offers nothing. */
export function blindSaysNothing(sample: Sample): string[] {
  const s = sample.before;
  if (!s.monitor.blind) return [];
  const out: string[] = [];
  for (const c of s.components) if (c.meaning === 'works' || c.meaning === 'outage') out.push(`API says ${c.id} ${c.meaning} while the monitor is blind`);
  for (const r of s.loginMethods) if (r.works === true || r.meaning === 'outage') out.push(`API says login row ${r.id} works=${r.works} (${r.meaning}) while the monitor is blind`);
  for (const c of s.components) {
    const shown = card(sample.fragment, c.id)?.status;
    if (shown === 'operational' || shown === 'outage') out.push(`fragment card ${c.id} is status-${shown} while the monitor is blind`);
  }
  if (fragmentNow(sample.fragment).includes(t('banner.ok.title'))) out.push(`fragment says "${t('banner.ok.title')}" while the monitor is blind`);
  for (const [method, answer] of sample.triage) if ((answer.alternatives ?? []).length > 0) out.push(`triage (${method}) offers alternatives while the monitor is blind`);
  return out;
}
