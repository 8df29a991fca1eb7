import { ConfigError, loadConfig } from '../config/load.ts';
import { startApp } from '../main.ts';
import { runUntilSignal } from './run-until-signal.ts';

/** `ikp-status serve`: loads config (CONFIG, PORT, REDIS_URL, LOG_LEVEL) and runs until signalled. */
export async function serveCommand(args: string[]): Promise<number> {
  let config;
  try {
    config = loadConfig({ file: args[0] });
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`invalid config:\n${err.problems.map((p) => `  - ${p}`).join('\n')}\n`);
      return 1;
    }
    throw err;
  }
  return runUntilSignal(startApp(config));
}
