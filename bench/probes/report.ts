// The probe bench's printed table: one block per N, the blackbox pair as the reference.
import type { RunResult } from './runner.ts';

const fmt = (v: number | null | undefined, digits = 0): string => (v === null || v === undefined || Number.isNaN(v) ? '-' : v.toFixed(digits));

/**
 * The lag shown first: against the epoch grid for an ikp-status that exposes no scheduler metric
 * (node-cron fires every probe on the grid, so its queue shows only there), against the observed
 * slot otherwise (a hashed-slot scheduler, Prometheus).
 */
export function primaryModel(r: RunResult): 'grid' | 'observed' {
  return r.run.startsWith('ikp') && r.app === null ? 'grid' : 'observed';
}

export function table(results: RunResult[]): string {
  const ref = results.find((r) => r.run === 'blackbox');
  const head = ['run'.padEnd(12), 'slot'.padEnd(8), 'runs'.padStart(6), 'lag p50'.padStart(8), 'p99'.padStart(8), 'missed'.padStart(7),
    'app p50'.padStart(8), 'app p99'.padStart(8), 'app miss'.padStart(8), 'CPU s'.padStart(7), 'ms/probe'.padStart(9), 'RSS MB'.padStart(7),
    'CPU x bb'.padStart(9), 'RSS x bb'.padStart(9)];
  const rows = results.map((r) => {
    const lag = r.lag[primaryModel(r)];
    const cpuRatio = ref && r !== ref && ref.cpuMsPerProbe && r.cpuMsPerProbe !== null ? r.cpuMsPerProbe / ref.cpuMsPerProbe : null;
    const rssRatio = ref && r !== ref ? r.peakRssMb / ref.peakRssMb : null;
    const missed = lag.neverArrived > 0 ? `${lag.missed}*` : String(lag.missed);
    return [r.run.padEnd(12), lag.model.padEnd(8), String(r.runs).padStart(6), fmt(lag.p50Ms).padStart(8), fmt(lag.p99Ms).padStart(8),
      missed.padStart(7), fmt(r.app?.lagP50Ms).padStart(8), fmt(r.app?.lagP99Ms).padStart(8), fmt(r.app?.missed).padStart(8),
      fmt(r.cpuS, 2).padStart(7), fmt(r.cpuMsPerProbe, 2).padStart(9), fmt(r.peakRssMb).padStart(7), fmt(cpuRatio, 2).padStart(9), fmt(rssRatio, 2).padStart(9)].join(' ');
  });
  const notes = results.flatMap((r) => {
    const other = r.lag[primaryModel(r) === 'grid' ? 'observed' : 'grid'];
    const parts = [`${r.run}: lag vs ${other.model} p50 ${fmt(other.p50Ms)} / p99 ${fmt(other.p99Ms)} ms, missed ${other.missed}`];
    if (Object.keys(r.cpuByProcess).length > 1) {
      parts.push(Object.keys(r.cpuByProcess).map((k) => `${k} ${fmt(r.cpuByProcess[k], 2)} s CPU, ${fmt(r.rssByProcess[k])} MB`).join(', '));
    }
    for (const k of Object.keys(r.aux.cpuS)) parts.push(`${k} (not counted) ${fmt(r.aux.cpuS[k], 2)} s CPU, ${fmt(r.aux.peakRssMb[k])} MB`);
    if (r.lag[primaryModel(r)].neverArrived > 0) parts.push(`* ${r.lag[primaryModel(r)].neverArrived} targets never arrived`);
    return [`  ${parts.join('; ')}`];
  });
  return [head.join(' '), ...rows, ...notes].join('\n');
}
