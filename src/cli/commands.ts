/** A CLI subcommand: gets its arguments, resolves to an exit code. */
export type Command = (args: string[]) => Promise<number>;

/**
 * The one map of subcommands. Each is imported when it runs, not before: `serve` and `demo` pull
 * in the whole app (express, ioredis, prom-client…), which `check-config`, `notices parse` and
 * `help` must not pay for at every start.
 */
export const commands: Record<string, () => Promise<Command>> = {
  serve: async () => (await import('./serve.ts')).serveCommand,
  'check-config': async () => (await import('./check-config.ts')).checkConfigCommand,
  demo: async () => (await import('./demo.ts')).demoCommand,
  notices: async () => (await import('./notices.ts')).noticesCommand,
  probe: async () => (await import('./probe.ts')).probeCommand,
  token: async () => (await import('./token.ts')).tokenCommand,
};
