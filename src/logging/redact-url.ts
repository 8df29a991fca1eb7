import { CENSOR, redactString } from './redact.ts';

const MAX_PARAMS = 20;
const MAX_NAME = 64;
const MAX_PATH = 512;

/**
 * The form of a request URL that may be logged: the path redacted by shape (percent-decoded,
 * normalised, then PESEL-like runs and tokens replaced), and the query string reduced to its
 * parameter names, since values are where people paste PESELs and tokens (`?token=`,
 * `?access_token=`). Never throws, whatever the URL holds.
 */
export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  const rawPath = q === -1 ? url : url.slice(0, q);
  const path = redactString(rawPath.length > MAX_PATH ? `${rawPath.slice(0, MAX_PATH)}…` : rawPath);
  if (q === -1) return path;
  const names = url
    .slice(q + 1)
    .split('&')
    .filter((pair) => pair.length > 0)
    .slice(0, MAX_PARAMS)
    .map((pair) => {
      const eq = pair.indexOf('=');
      const name = redactString(eq === -1 ? pair : pair.slice(0, eq)).slice(0, MAX_NAME);
      return eq === -1 ? name : `${name}=${CENSOR.secret}`;
    });
  return `${path}?${names.join('&')}`;
}
