import { checkConfigFile } from '../config/load.ts';

/** `ikp-status check-config FILE`: prints every problem, exits 1 if there are any. */
export async function checkConfigCommand(args: string[]): Promise<number> {
  const file = args[0] ?? process.env.CONFIG ?? 'config/default.yaml';
  const problems = checkConfigFile(file);
  if (problems.length === 0) {
    process.stdout.write(`${file}: OK\n`);
    return 0;
  }
  process.stderr.write(`${file}: ${problems.length} problem(s)\n${problems.map((p) => `  - ${p}`).join('\n')}\n`);
  return 1;
}
