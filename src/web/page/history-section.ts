import type { UptimeBucket } from '../../domain/types.ts';
import type { TimeFormat } from '../../i18n/format.ts';
import type { Translate } from '../../i18n/index.ts';
import type { HistoryData, LatencyPoint } from '../../status/history-data.ts';
import { anchorId } from './safe-url.ts';

/** How one day looks on the uptime bar. */
export type DayClass = 'ok' | 'degraded' | 'partial' | 'unverified' | 'outage' | 'maintenance' | 'none';

/** Every day class in legend order. */
export const DAY_CLASSES: readonly DayClass[] = ['ok', 'degraded', 'partial', 'unverified', 'outage', 'maintenance', 'none'];

/** One day of the bar, with its text equivalent. */
export interface DayCell {
  cls: DayClass;
  text: string;
}

/** The inline SVG response-time chart, pre-computed geometry. */
export interface ChartModel {
  width: number;
  height: number;
  /** One `x,y x,y …` polyline per run of measured points: samples taken blind break the line. */
  lines: string[];
  failures: { x: number; y: number }[];
  /** Spans where the monitor itself had no connection: shaded gaps, neither failures nor times. */
  gaps: { x: number; width: number }[];
  /** Top of the scale, ms; null when every point was taken blind. */
  maxMs: number | null;
  summary: string;
}

/** One component's history row. */
export interface HistoryRow {
  id: string;
  anchor: string;
  name: string;
  uptimeText: string;
  summary: string;
  days: DayCell[];
  chart: ChartModel | null;
}

/**
 * Uptime ignoring maintenance and time we could not judge (unknown, unverified): up / (up + outage);
 * null when nothing is known. Slow and partial time is up: logging in went through for many.
 */
export function uptimeRatio(buckets: UptimeBucket[]): number | null {
  let up = 0;
  let down = 0;
  for (const b of buckets) {
    up += b.seconds.operational + b.seconds.degraded + (b.seconds.partial ?? 0);
    down += b.seconds.outage;
  }
  return up + down === 0 ? null : up / (up + down);
}

/**
 * The bar class of one day: any outage wins, then maintenance (shown distinctly), then partial
 * failure, then slowness, then checks we could not make; each has its own words ("wolniej" only for slowness).
 */
export function dayClass(bucket: UptimeBucket | undefined): DayClass {
  if (!bucket) return 'none';
  const s = bucket.seconds;
  if (s.outage > 0) return 'outage';
  if (s.maintenance > 0) return 'maintenance';
  if ((s.partial ?? 0) > 0) return 'partial';
  if (s.degraded > 0) return 'degraded';
  if ((s.unverified ?? 0) > 0) return 'unverified';
  return s.operational > 0 ? 'ok' : 'none';
}

const CHART_W = 300;
const CHART_H = 60;

/**
 * Geometry of the response-time line (oldest left); null without any run. Runs taken while the
 * monitor was blind are gaps: they are no failure of the service and no response time, so they
 * count toward neither "nieudane" nor the average and scale, and the summary says why they are missing.
 */
export function chartModel(points: LatencyPoint[], t: Translate): ChartModel | null {
  if (points.length === 0) return null;
  const measured = points.filter((p) => !p.blind);
  const maxMs = measured.length > 0 ? Math.max(1, ...measured.map((p) => p.ms)) : null;
  const step = points.length > 1 ? CHART_W / (points.length - 1) : 0;
  const xy = points.map((p, i) => ({ x: round(i * step), y: maxMs === null ? CHART_H : round(CHART_H - (p.ms / maxMs) * (CHART_H - 4)), ok: p.ok, blind: p.blind }));
  const failed = measured.filter((p) => !p.ok).length;
  const blind = points.length - measured.length;
  const stats = measured.length === 0 ? t('chart.noData') : t('chart.summary', { n: measured.length, avg: Math.round(measured.reduce((sum, p) => sum + p.ms, 0) / measured.length), max: Math.round(maxMs!), failed });
  return {
    width: CHART_W,
    height: CHART_H,
    lines: runs(xy, (p) => !p.blind).map(([a, b]) => line(xy.slice(a, b + 1), points.length === 1, step)),
    failures: xy.filter((p) => !p.ok && !p.blind).map(({ x, y }) => ({ x, y })),
    gaps: runs(xy, (p) => p.blind).map(([a, b]) => {
      // A gap reaches halfway to its measured neighbours, so a single blind run still shows.
      const from = a === 0 ? 0 : round(xy[a]!.x - step / 2);
      const to = b === xy.length - 1 ? CHART_W : round(xy[b]!.x + step / 2);
      return { x: from, width: round(to - from) };
    }),
    maxMs: maxMs === null ? null : Math.round(maxMs),
    summary: blind > 0 ? `${stats} ${t('chart.gap', { n: blind })}` : stats,
  };
}

/** [first, last] index pairs of the maximal runs of consecutive points that satisfy `keep`. */
function runs<T>(items: T[], keep: (item: T) => boolean): [number, number][] {
  const out: [number, number][] = [];
  items.forEach((item, i) => {
    if (!keep(item)) return;
    const last = out.at(-1);
    if (last && last[1] === i - 1) last[1] = i;
    else out.push([i, i]);
  });
  return out;
}

/** A polyline's points; a lone point becomes a short dash (across the chart when it is the only run). */
function line(pts: { x: number; y: number }[], only: boolean, step: number): string {
  if (pts.length > 1) return pts.map((p) => `${p.x},${p.y}`).join(' ');
  const p = pts[0]!;
  if (only) return `${p.x},${p.y} ${CHART_W},${p.y}`;
  const half = Math.max(1, round(step / 4));
  return `${round(Math.max(0, p.x - half))},${p.y} ${round(Math.min(CHART_W, p.x + half))},${p.y}`;
}

/** History rows: 90-day bars with per-day text, uptime excluding maintenance, and the latency chart. */
export function historyRows(history: HistoryData, ids: string[], names: Map<string, string>, t: Translate, fmt: TimeFormat): HistoryRow[] {
  const labels = new Map(history.days.map((day) => [day, fmt.calendarDay(day)]));
  const plain = new Map((['ok', 'degraded', 'partial', 'unverified', 'maintenance', 'none'] as const).map((cls) => [cls, t(`day.${cls}`)]));
  return ids.map((id) => {
    const buckets = history.uptime[id] ?? [];
    const byDay = new Map(buckets.map((b) => [b.day, b]));
    const counts = Object.fromEntries(DAY_CLASSES.map((c) => [c, 0])) as Record<DayClass, number>;
    const days = history.days.map((day): DayCell => {
      const bucket = byDay.get(day);
      const cls = dayClass(bucket);
      counts[cls] += 1;
      const state = cls === 'outage' ? t('day.outage', { pct: fmt.percent(uptimeRatio(bucket ? [bucket] : []) ?? 0) }) : plain.get(cls)!;
      return { cls, text: t('day.text', { day: labels.get(day)!, state }) };
    });
    const ratio = uptimeRatio(buckets);
    return {
      id,
      anchor: anchorId('h', id),
      name: names.get(id) ?? id,
      uptimeText: ratio === null ? t('history.noData') : t('history.uptime', { pct: fmt.percent(ratio) }),
      summary: t('history.summary', { outage: counts.outage, maintenance: counts.maintenance, partial: counts.partial, degraded: counts.degraded }),
      days,
      chart: chartModel(history.latency[id] ?? [], t),
    };
  });
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
