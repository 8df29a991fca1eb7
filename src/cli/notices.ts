import { parseArgs } from 'node:util';
import { parseNotice } from '../notices/parser/index.ts';

/** `ikp-status notices parse [--published ISO-8601]`: parses notice text from stdin and prints the JSON. */
export async function noticesCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'parse') {
    process.stderr.write('usage: ikp-status notices parse [--published ISO-8601] < notice.txt\n');
    return 2;
  }
  const { values } = parseArgs({ args: rest, options: { published: { type: 'string' }, timezone: { type: 'string', default: 'Europe/Warsaw' } } });
  const published = values.published ?? new Date().toISOString();
  if (Number.isNaN(Date.parse(published))) {
    process.stderr.write(`--published: "${published}" is not an ISO-8601 date-time\n`);
    return 2;
  }
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  process.stdout.write(`${JSON.stringify(parseNotice(text, published, values.timezone), null, 2)}\n`);
  return 0;
}
