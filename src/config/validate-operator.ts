import type { Config } from './schema.ts';
import { describeItem } from './format-errors.ts';

/** Checks the operator sections the schema cannot: duplicate token names and webhook ids, webhook secrets. */
export function validateOperatorConfig(config: Config): string[] {
  const problems: string[] = [];
  for (const name of duplicates(config.admin.tokens.map((t) => t.name))) problems.push(`${describeItem('admin token', name)}: duplicate name`);
  for (const id of duplicates(config.webhooks.map((w) => w.id))) problems.push(`${describeItem('webhook', id)}: duplicate id`);
  for (const w of config.webhooks) {
    const name = describeItem('webhook', w.id);
    if (w.kind === 'generic' && w.secret === undefined) problems.push(`${name}: secret: is required for kind generic (deliveries are signed with it)`);
    if (w.kind !== 'generic' && w.secret !== undefined) problems.push(`${name}: secret: is only used by kind generic (${w.kind} carries its secret in the URL)`);
  }
  return problems;
}

function duplicates(values: string[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const v of values) (seen.has(v) ? dup : seen).add(v);
  return [...dup];
}
