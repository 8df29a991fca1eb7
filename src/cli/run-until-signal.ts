import type { RunningApp } from '../main.ts';

/** How long a stopped process may take to exit by itself before it is made to. */
const EXIT_DEADLINE_MS = 3_000;

/** Keeps the app running until SIGTERM/SIGINT, then stops it gracefully; a second signal forces exit. */
export function runUntilSignal(app: Pick<RunningApp, 'stop' | 'logger'>, extraStop?: () => Promise<void>): Promise<number> {
  return new Promise((resolve) => {
    let signalled = false;
    const onSignal = (signal: NodeJS.Signals): void => {
      if (signalled) {
        app.logger.warn({ signal }, 'second signal: forcing exit');
        process.exit(1);
      }
      signalled = true;
      app.logger.info({ signal }, 'shutting down');
      const finish = (code: number): void => {
        // A handle nobody owns (a keep-alive socket, a timer) must not keep a stopped process alive;
        // the timer is unref'd, so a clean process exits earlier on its own.
        setTimeout(() => process.exit(code), EXIT_DEADLINE_MS).unref();
        resolve(code);
      };
      app
        .stop()
        .then(() => extraStop?.())
        .then(
          () => finish(0),
          (err: unknown) => {
            app.logger.error({ err }, 'shutdown failed');
            finish(1);
          },
        );
    };
    process.on('SIGTERM', onSignal);
    process.on('SIGINT', onSignal);
  });
}
