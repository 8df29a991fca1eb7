import { CookieJar } from 'tough-cookie';

/**
 * One run's cookies. tough-cookie scopes each cookie to the host (or domain) that set it, so every
 * hop of the login path sees only its own cookies, as a browser would; SameSite is not enforced
 * because the monitor never has a cross-site page whose requests it would need to strip.
 */
export interface RunCookies {
  header(url: URL): Promise<string | undefined>;
  store(url: URL, setCookie: string | string[] | undefined): Promise<void>;
  /** The cookies a browser would send to `url`, for handing the run's session to the browser runner. */
  forUrl(url: URL): Promise<{ name: string; value: string; url: string }[]>;
}

export function createRunCookies(): RunCookies {
  const jar = new CookieJar(undefined, { looseMode: true });
  return {
    async header(url) {
      const value = await jar.getCookieString(url.href);
      return value === '' ? undefined : value;
    },
    async store(url, setCookie) {
      const list = setCookie === undefined ? [] : Array.isArray(setCookie) ? setCookie : [setCookie];
      // A malformed cookie from an upstream is its problem, not a reason to fail the hop.
      for (const c of list) await jar.setCookie(c, url.href, { ignoreError: true });
    },
    async forUrl(url) {
      return (await jar.getCookies(url.href)).map((c) => ({ name: c.key, value: c.value, url: url.href }));
    },
  };
}
