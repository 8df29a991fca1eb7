import { ConfigError, loadConfig } from '../config/load.ts';
import { runProbeOnce } from '../probes/once.ts';
import { createBrowserRenderer, usesBrowser } from '../probes/journey/browser.ts';

const USAGE = 'usage: ikp-status probe ID [FILE]\n';

/**
 * `ikp-status probe ID [FILE]`: runs one probe once, as the scheduler would, and prints its outcome
 * as JSON (with every step for journeys). Exit 0 when it passed, 1 when it failed, 2 on bad usage.
 * Nothing is stored and no metric is touched: this is for an operator checking a probe by hand.
 */
export async function probeCommand(args: string[]): Promise<number> {
  const [id, file] = args;
  if (id === undefined || id.startsWith('-')) {
    process.stderr.write(USAGE);
    return 2;
  }
  let config;
  try {
    config = loadConfig(file === undefined ? {} : { file });
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    process.stderr.write(`${err.message}\n`);
    return 2;
  }
  const probe = config.probes.find((p) => p.id === id);
  if (!probe) {
    process.stderr.write(`unknown probe "${id}"; known: ${config.probes.map((p) => p.id).join(', ')}\n`);
    return 2;
  }
  const controller = new AbortController();
  const stop = (): void => controller.abort();
  process.once('SIGINT', stop);
  const renderer = usesBrowser({ probes: [probe] }) ? createBrowserRenderer({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium' }) : undefined;
  try {
    const result = (await runProbeOnce(config, probe.id, { signal: controller.signal, clock: { now: () => Date.now() }, ...(renderer ? { renderer } : {}) }))!;
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return result.ok ? 0 : 1;
  } finally {
    process.off('SIGINT', stop);
    await renderer?.close();
  }
}
