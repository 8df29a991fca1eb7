/** How many rounds of percent-decoding to undo (`%2534` is `%34` is `4`). */
const MAX_ROUNDS = 3;
const ESCAPES = /(?:%[0-9A-Fa-f]{2})+/g;

/**
 * Percent-decodes text without ever throwing: every run of valid escapes is decoded as UTF-8
 * (invalid sequences become U+FFFD), stray `%` stay as they are, and `+` counts as a space
 * (form encoding). Repeated while it changes anything, so double encoding hides nothing.
 */
export function safePercentDecode(text: string): string {
  let current = text.replace(/\+/g, ' ');
  for (let round = 0; round < MAX_ROUNDS && current.includes('%'); round++) {
    const next = current.replace(ESCAPES, (run) => Buffer.from(run.replace(/%/g, ''), 'hex').toString('utf8'));
    if (next === current) break;
    current = next;
  }
  return current;
}
