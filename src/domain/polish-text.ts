/**
 * A configured name written at the start of a sentence: `aplikacja mObywatel` becomes
 * `Aplikacja mObywatel` and `e-dowód` becomes `E-dowód`, while names whose first word carries its own
 * capitals or is an address (`mBank`, `mojeID`, `login.gov.pl`) keep their spelling.
 */
export function atSentenceStart(name: string): string {
  const first = name.split(/\s/, 1)[0] ?? '';
  if (first === '' || first.includes('.') || first.slice(1) !== first.slice(1).toLowerCase()) return name;
  return first[0]!.toUpperCase() + name.slice(1);
}

/** Names joined the Polish way: `A`, `A i B`, `A, B i C`. */
export function polishList(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} i ${names.at(-1)!}`;
}

/** Names joined the English way: `A`, `A and B`, `A, B and C`. */
export function englishList(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)!}`;
}
