import { checkConfigCommand } from './check-config.ts';
import { demoCommand } from './demo.ts';
import { noticesCommand } from './notices.ts';
import { probeCommand } from './probe.ts';
import { serveCommand } from './serve.ts';
import { tokenCommand } from './token.ts';

/** A CLI subcommand: gets its arguments, resolves to an exit code. */
export type Command = (args: string[]) => Promise<number>;

/** The one map of subcommands. */
export const commands: Record<string, Command> = {
  serve: serveCommand,
  'check-config': checkConfigCommand,
  demo: demoCommand,
  notices: noticesCommand,
  probe: probeCommand,
  token: tokenCommand,
};
