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
