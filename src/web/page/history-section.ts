import type { UptimeBucket } from '../../domain/types.ts';
import type { TimeFormat } from '../i18n/format.ts';
import type { Translate } from '../i18n/index.ts';
import type { HistoryData, LatencyPoint } from './history-data.ts';
import { anchorId } from './safe-url.ts';

/** How one day looks on the uptime bar. */
export type DayClass = 'ok' | 'degraded' | 'outage' | 'maintenance' | 'none';

/** One day of the bar, with its text equivalent. */
export interface DayCell {
  cls: DayClass;
  text: string;
}

/** The inline SVG response-time chart, pre-computed geometry. */
export interface ChartModel {
  width: number;
  height: number;
  /** `x,y x,y …` for the polyline. */
  points: string;
  failures: { x: number; y: number }[];
  maxMs: number;
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

/** Uptime ignoring maintenance (and unknown time): up / (up + outage); null when nothing is known. */
export function uptimeRatio(buckets: UptimeBucket[]): number | null {
  let up = 0;
  let down = 0;
  for (const b of buckets) {
    up += b.seconds.operational + b.seconds.degraded;
    down += b.seconds.outage;
  }
  return up + down === 0 ? null : up / (up + down);
}

/** The bar class of one day: any outage wins, then maintenance (shown distinctly), then slowness. */
export function dayClass(bucket: UptimeBucket | undefined): DayClass {
  if (!bucket) return 'none';
  const s = bucket.seconds;
  if (s.outage > 0) return 'outage';
  if (s.maintenance > 0) return 'maintenance';
  if (s.degraded > 0) return 'degraded';
  return s.operational > 0 ? 'ok' : 'none';
}

const CHART_W = 300;
const CHART_H = 60;

/** Geometry of the response-time line (oldest left); null without measurements. */
export function chartModel(points: LatencyPoint[], t: Translate): ChartModel | null {
  if (points.length === 0) return null;
  const maxMs = Math.max(1, ...points.map((p) => p.ms));
  const step = points.length > 1 ? CHART_W / (points.length - 1) : 0;
  const xy = points.map((p, i) => ({ x: round(i * step), y: round(CHART_H - (p.ms / maxMs) * (CHART_H - 4)), ok: p.ok }));
  const avg = Math.round(points.reduce((sum, p) => sum + p.ms, 0) / points.length);
  const failed = points.filter((p) => !p.ok).length;
  return {
    width: CHART_W,
    height: CHART_H,
    points: (xy.length === 1 ? [xy[0]!, { ...xy[0]!, x: CHART_W }] : xy).map((p) => `${p.x},${p.y}`).join(' '),
    failures: xy.filter((p) => !p.ok).map(({ x, y }) => ({ x, y })),
    maxMs: Math.round(maxMs),
    summary: t('chart.summary', { n: points.length, avg, max: Math.round(maxMs), failed }),
  };
}

/** History rows: 90-day bars with per-day text, uptime excluding maintenance, and the latency chart. */
export function historyRows(history: HistoryData, ids: string[], names: Map<string, string>, t: Translate, fmt: TimeFormat): HistoryRow[] {
  const labels = new Map(history.days.map((day) => [day, fmt.calendarDay(day)]));
  const plain = new Map((['ok', 'degraded', 'maintenance', 'none'] as const).map((cls) => [cls, t(`day.${cls}`)]));
  return ids.map((id) => {
    const buckets = history.uptime[id] ?? [];
    const byDay = new Map(buckets.map((b) => [b.day, b]));
    const counts: Record<DayClass, number> = { ok: 0, degraded: 0, outage: 0, maintenance: 0, none: 0 };
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
      summary: t('history.summary', { outage: counts.outage, maintenance: counts.maintenance, degraded: counts.degraded }),
      days,
      chart: chartModel(history.latency[id] ?? [], t),
    };
  });
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
