import { parseArgs } from 'node:util';
import { parseNotice, type ParsedNotice } from '../notices/parser/index.ts';

const USAGE = 'usage: ikp-status notices parse [--published ISO-8601] [--timezone ZONE] [--explain] < notice.txt\n';

/**
 * `ikp-status notices parse`: parses notice text from stdin and prints kind, windows, components
 * and confidence as JSON; `--explain` prints, in Polish, the confidence and the phrases behind
 * the kind, each window and each component.
 */
export async function noticesCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'parse') {
    process.stderr.write(USAGE);
    return 2;
  }
  const { values } = parseArgs({
    args: rest,
    options: { published: { type: 'string' }, timezone: { type: 'string', default: 'Europe/Warsaw' }, explain: { type: 'boolean', default: false } },
  });
  const published = values.published ?? new Date().toISOString();
  if (Number.isNaN(Date.parse(published))) {
    process.stderr.write(`--published: "${published}" is not an ISO-8601 date-time\n`);
    return 2;
  }
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  const parsed = parseNotice(text, published, values.timezone);
  if (values.explain) {
    process.stdout.write(explain(parsed));
    return 0;
  }
  const { kind, windows, components, confidence } = parsed;
  process.stdout.write(`${JSON.stringify({ kind, windows, components, confidence }, null, 2)}\n`);
  return 0;
}

const KIND_PL: Record<ParsedNotice['kind'], string> = {
  maintenance: 'planowana przerwa',
  outage: 'awaria',
  resolved: 'problem usunięty',
  none: 'nie dotyczy działania usług',
};

const quote = (phrase: string): string => `„${phrase}”`;

/** The human-readable explanation: what was decided and which phrases decided it. */
export function explain(parsed: ParsedNotice): string {
  const lines = [
    `Rodzaj komunikatu: ${KIND_PL[parsed.kind]}`,
    `Pewność: ${parsed.confidence.toFixed(2)}`,
    `Rodzaj ustalony na podstawie: ${parsed.evidence.kind.length > 0 ? parsed.evidence.kind.map(quote).join(', ') : 'brak rozstrzygających fraz'}`,
  ];
  if (parsed.evidence.windows.length === 0) lines.push('Okna czasowe: brak');
  parsed.evidence.windows.forEach((w, k) => {
    const how = w.precise ? '' : ' (przyjęte z konwencji: cały dzień lub noc 22:00–6:00)';
    lines.push(`Okno ${k + 1}: ${w.start} – ${w.end ?? 'do odwołania'}${how}, z frazy ${quote(w.phrase)}`);
  });
  if (parsed.evidence.components.length === 0) lines.push('Usługi: nie rozpoznano');
  for (const c of parsed.evidence.components) lines.push(`Usługa ${c.id}: z frazy ${quote(c.phrase)}`);
  return `${lines.join('\n')}\n`;
}
