import type { RunningApp } from '../main.ts';

/** How long a stopped process may take to exit by itself before it is made to. */
const EXIT_DEADLINE_MS = 3_000;

type Stoppable = Pick<RunningApp, 'stop' | 'logger'>;

/**
 * Keeps the app running until SIGTERM/SIGINT, then stops it gracefully; a second signal forces
 * exit. Takes the app's start promise: the handlers are installed before startup finishes, so a
 * signal during startup (probes fire before the server listens) is a graceful stop, not a kill.
 */
export function runUntilSignal(starting: Promise<Stoppable>, extraStop?: () => Promise<void>): Promise<number> {
  return new Promise((resolve, reject) => {
    let app: Stoppable | null = null;
    let signalled: NodeJS.Signals | null = null;
    const finish = (code: number): void => {
      // A handle nobody owns (a keep-alive socket, a timer) must not keep a stopped process alive;
      // the timer is unref'd, so a clean process exits earlier on its own.
      setTimeout(() => process.exit(code), EXIT_DEADLINE_MS).unref();
      resolve(code);
    };
    const shutDown = (running: Stoppable, signal: NodeJS.Signals): void => {
      running.logger.info({ signal }, 'shutting down');
      running
        .stop()
        .then(() => extraStop?.())
        .then(
          () => finish(0),
          (err: unknown) => {
            running.logger.error({ err }, 'shutdown failed');
            finish(1);
          },
        );
    };
    const onSignal = (signal: NodeJS.Signals): void => {
      if (signalled) {
        if (app) app.logger.warn({ signal }, 'second signal: forcing exit');
        else process.stderr.write(`${signal} again during startup: forcing exit\n`);
        process.exit(1);
      }
      signalled = signal;
      // During startup the stop waits until the app exists.
      if (app) shutDown(app, signal);
    };
    process.on('SIGTERM', onSignal);
    process.on('SIGINT', onSignal);
    starting.then(
      (started) => {
        app = started;
        if (signalled) shutDown(started, signalled);
      },
      (err: unknown) => {
        process.off('SIGTERM', onSignal);
        process.off('SIGINT', onSignal);
        reject(err);
      },
    );
  });
}
