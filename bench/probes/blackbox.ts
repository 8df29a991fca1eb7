// The reference side of the probe bench: Debian's prometheus-blackbox-exporter with an http_2xx
// module, scraped by Debian's prometheus for the same targets at the same interval (the usual
// `/probe?module=http_2xx&target=...` relabeling), storage in a temp dir.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { ensureDebianBinary } from '../../test/helpers/debian.ts';
import { freePort, httpOk, waitFor, type Procs } from './procs.ts';
import type { BenchOptions, StartSystem } from './runner.ts';

/** Prometheus' scrape config: every target probed through the exporter at the bench interval. */
export function prometheusConfig(upstreamUrl: string, targets: string[], exporter: string, intervalMs: number): unknown {
  const timeoutMs = Math.min(10_000, intervalMs);
  return {
    global: { scrape_interval: `${intervalMs}ms`, scrape_timeout: `${timeoutMs}ms`, evaluation_interval: '1m' },
    scrape_configs: [
      {
        job_name: 'blackbox',
        metrics_path: '/probe',
        params: { module: ['http_2xx'] },
        static_configs: [{ targets: targets.map((t) => `${upstreamUrl}${t}`) }],
        relabel_configs: [
          { source_labels: ['__address__'], target_label: '__param_target' },
          { source_labels: ['__param_target'], target_label: 'instance' },
          { target_label: '__address__', replacement: exporter },
        ],
      },
    ],
  };
}

export const BLACKBOX_CONFIG = {
  modules: { http_2xx: { prober: 'http', timeout: '10s', http: { preferred_ip_protocol: 'ip4', valid_status_codes: [] } } },
};

export function blackboxSystem(procs: Procs, opts: BenchOptions): StartSystem {
  return async (upstreamUrl, targets) => {
    const exporterBin = await ensureDebianBinary('prometheus-blackbox-exporter', 'prometheus-blackbox-exporter');
    const prometheusBin = await ensureDebianBinary('prometheus', 'prometheus');
    const dir = procs.tempDir('blackbox-bench-');
    const [exporterPort, prometheusPort] = [await freePort(), await freePort()];
    const exporterAddr = `127.0.0.1:${exporterPort}`;
    writeFileSync(path.join(dir, 'blackbox.yml'), stringify(BLACKBOX_CONFIG));
    writeFileSync(path.join(dir, 'prometheus.yml'), stringify(prometheusConfig(upstreamUrl, targets, exporterAddr, opts.intervalMs)));

    const exporter = procs.spawn(exporterBin, [`--config.file=${path.join(dir, 'blackbox.yml')}`, `--web.listen-address=${exporterAddr}`, '--log.level=warn']);
    const stops = [exporter.stop];
    const stopAll = async (): Promise<void> => {
      for (const stop of stops) await stop();
    };
    try {
      await waitFor('blackbox_exporter', exporter, 20_000, () => httpOk(`http://${exporterAddr}/metrics`));
      const prometheus = procs.spawn(prometheusBin, [
        `--config.file=${path.join(dir, 'prometheus.yml')}`,
        `--storage.tsdb.path=${path.join(dir, 'tsdb')}`,
        `--web.listen-address=127.0.0.1:${prometheusPort}`,
        '--log.level=warn',
      ]);
      stops.unshift(prometheus.stop);
      await waitFor('prometheus', prometheus, 60_000, () => httpOk(`http://127.0.0.1:${prometheusPort}/-/ready`));
      return { measured: { blackbox_exporter: exporter.pid, prometheus: prometheus.pid }, aux: {}, stop: stopAll };
    } catch (err) {
      await stopAll();
      throw err;
    }
  };
}
