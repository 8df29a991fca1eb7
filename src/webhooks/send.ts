/** Sends one request; resolves to the HTTP status, or null when no response came (timeout, refused, reset). */
export type SendRequest = (url: string, body: string, headers: Record<string, string>, timeoutMs: number) => Promise<number | null>;

/** POSTs with fetch: no redirects followed, the response body discarded, any network error reported as null. */
export const fetchSend: SendRequest = async (url, body, headers, timeoutMs) => {
  // A plain timer we own: AbortSignal.timeout can lose its timer after GC on Node 20 when combined.
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), timeoutMs);
  try {
    const res = await fetch(url, { method: 'POST', body, headers, redirect: 'manual', signal: abort.signal });
    await res.body?.cancel();
    return res.status;
  } catch {
    return null;
  } finally {
    clearTimeout(timer);
  }
};

/**
 * Sends under a hard deadline of our own (the timeout plus a second), so a receiver that never
 * answers frees its slot on time even if `send` ignored its own timeout.
 */
export function sendWithDeadline(send: SendRequest, url: string, body: string, headers: Record<string, string>, timeoutMs: number): Promise<number | null> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), timeoutMs + 1_000)));
  return Promise.race([send(url, body, headers, timeoutMs), deadline]).finally(() => clearTimeout(timer));
}
