/**
 * Maps `xs` through `run`, at most `size` at a time, awaiting each batch before the next. Thousands
 * of store calls sent at once queue on one connection (the last would pass the command timeout,
 * which reads as "store down") and parse their replies in one long turn of the event loop, which
 * delays probe fires; in batches, fires start between them.
 */
export async function inBatches<T, R>(xs: readonly T[], size: number, run: (x: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < xs.length; i += size) out.push(...(await Promise.all(xs.slice(i, i + size).map(run))));
  return out;
}
