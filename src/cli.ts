import { commands } from './cli/commands.ts';

const USAGE = `usage: ikp-status [command] [options]

commands:
  serve                      run the monitor (default)
  check-config FILE          validate a config file; prints every problem
  demo [--config FILE] [--sim-port N]
                             run the monitor against simulated upstreams; prints the page,
                             console and API URLs and a new operator token (shown once).
                             Without --config it runs config/demo.yaml; with it, FILE is
                             used as is (nothing is merged in) after every {{sim}} in it
                             is replaced by the simulator's URL, so start from a copy of
                             config/demo.yaml. PORT and HOST set where the monitor
                             listens; --sim-port or DEMO_SIM_PORT the simulator's port
                             (default 4100; 0 picks a free one)
  demo --scenario NAME [--off] [--sim-port N]
                             switch a scenario of a running demo on (or off)
  notices parse [--published ISO-8601]
                             parse a Polish notice read from stdin; prints kind,
                             windows and components as JSON
  probe ID [FILE]            run one probe once and print its result as JSON (with
                             every step for journeys); exit 0 passed, 1 failed
  token create NAME [--role operator|viewer]
                             print a new admin API token (once) and the config
                             snippet with its salted scrypt hash
  help, --help, -h           show this text
`;

/** Runs the CLI with argv (without node and script); resolves to the exit code. */
export async function runCli(argv: string[]): Promise<number> {
  const [first, ...rest] = argv;
  // Checked before the options-mean-serve rule below: `--help` must print usage, not start a server.
  if (first === 'help' || first === '--help' || first === '-h') {
    process.stdout.write(USAGE);
    return 0;
  }
  const name = first === undefined || first.startsWith('-') ? 'serve' : first;
  const args = first === undefined || first.startsWith('-') ? argv : rest;
  const load = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!load) {
    process.stderr.write(`unknown command "${name}"\n\n${USAGE}`);
    return 2;
  }
  return (await load())(args);
}
