import { parseArgs } from 'node:util';
import { generateToken, hashToken } from '../domain/token-hash.ts';
import { ADMIN_ROLES, type AdminRole } from '../domain/actor.ts';

const USAGE = 'usage: ikp-status token create NAME [--role operator|viewer]\n';
const NAME = /^[a-z0-9][a-z0-9-]*$/;

/** `ikp-status token create NAME [--role operator|viewer]`: prints a new token once, and the config snippet with its hash. */
export async function tokenCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'create') {
    process.stderr.write(USAGE);
    return 2;
  }
  let parsed;
  try {
    parsed = parseArgs({ args: rest, allowPositionals: true, options: { role: { type: 'string', default: 'operator' } } });
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  const [name, ...extra] = parsed.positionals;
  const role = parsed.values.role;
  if (name === undefined || extra.length > 0 || !NAME.test(name)) {
    process.stderr.write(`NAME must be one word of lowercase letters, digits and dashes (e.g. alice, helpdesk-bot)\n${USAGE}`);
    return 2;
  }
  if (!(ADMIN_ROLES as readonly string[]).includes(role)) {
    process.stderr.write(`--role must be one of: ${ADMIN_ROLES.join(', ')}\n`);
    return 2;
  }
  const token = generateToken();
  process.stdout.write(tokenReport(name, role as AdminRole, token, await hashToken(token)));
  return 0;
}

/** The text `token create` prints: the token (shown once) and the YAML to add to the config. */
export function tokenReport(name: string, role: AdminRole, token: string, hash: string): string {
  return [
    `New admin API token "${name}" (role ${role}). It is shown only now: keep it in a password manager.`,
    '',
    `  ${token}`,
    '',
    'Use it as:  Authorization: Bearer <token>',
    'Add this to the config (only the hash is stored; restart the replicas to load it):',
    '',
    'admin:',
    '  tokens:',
    `    - name: ${name}`,
    `      role: ${role}`,
    `      hash: "${hash}"`,
    '',
  ].join('\n');
}
