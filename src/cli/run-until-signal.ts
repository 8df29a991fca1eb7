import type { RunningApp } from '../main.ts';

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
      app
        .stop()
        .then(() => extraStop?.())
        .then(
          () => resolve(0),
          (err: unknown) => {
            app.logger.error({ err }, 'shutdown failed');
            resolve(1);
          },
        );
    };
    process.on('SIGTERM', onSignal);
    process.on('SIGINT', onSignal);
  });
}
