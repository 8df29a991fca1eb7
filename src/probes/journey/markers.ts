import type { ProbeReason } from '../../domain/types.ts';

/** The parts of a fetched page the markers look at. */
export interface PageText {
  /** Raw markup (WAF pages are recognised by their scripts as much as by their words). */
  raw: string;
  /** `<title>` plus h1/h2 texts: where a maintenance page says what it is. */
  headline: string;
  /** Visible text, whitespace collapsed. */
  text: string;
}

/**
 * Pages that are not the site's own answer. A WAF or bot challenge says nothing about whether
 * patients can log in (`blocked`, never an outage); a maintenance page is a planned break.
 * Only markers found on challenge pages themselves are used, not the scripts a WAF injects
 * into every normal page.
 */
const WAF_MARKERS: readonly { re: RegExp; detail: string }[] = [
  { re: /Request unsuccessful\.\s*Incapsula incident ID/i, detail: 'waf:incapsula' },
  // Imperva (Incapsula) block and CAPTCHA pages frame their challenge from /_Incapsula_Resource;
  // normal pages only load a script from there, never a frame.
  { re: /<iframe\b[^>]*\bsrc\s*=\s*["'][^"']*\/_Incapsula_Resource\?/i, detail: 'waf:incapsula' },
  // Imperva Advanced Bot Protection (formerly Distil Networks) names its challenge page so.
  { re: /<title>\s*Pardon Our Interruption\s*<\/title>/i, detail: 'waf:imperva' },
  { re: /_cf_chl_opt|<title>\s*Just a moment\.\.\.\s*<\/title>/i, detail: 'waf:cloudflare' },
  { re: /Attention Required!\s*\|\s*Cloudflare/i, detail: 'waf:cloudflare' },
  { re: /The requested URL was rejected\.\s*Please consult with your administrator/i, detail: 'waf:f5' },
];

/**
 * An Imperva JavaScript challenge is a page with no content of its own that runs a script from
 * /_Incapsula_Resource (every protected page loads that script, so the empty page is what tells).
 */
const INCAPSULA_RESOURCE = /\/_Incapsula_Resource\b/i;
const CHALLENGE_TEXT_CHARS = 200;

const MAINTENANCE = /przerw[aąy] techniczn|prac[eiaoy]*\s+serwisow|prac[eiaoy]*\s+konserwacyjn/i;
/** A short page that mentions maintenance is the maintenance page; a long one may just carry a news item. */
const SHORT_PAGE_CHARS = 1_500;

/**
 * What kind of foreign page this is, if any: `blocked` for a WAF or a "too many requests" answer
 * (the site pushed the monitor back; it says nothing about patients), `maintenance_page` for maintenance.
 */
export function foreignPage(page: PageText, headers: Record<string, string | string[] | undefined>, status: number): { reason: ProbeReason; detail: string } | null {
  if (status === 429) return { reason: 'blocked', detail: 'rate_limited:429' };
  if (headers['cf-mitigated'] === 'challenge') return { reason: 'blocked', detail: 'waf:cloudflare' };
  const waf = WAF_MARKERS.find((m) => m.re.test(page.raw));
  if (waf) return { reason: 'blocked', detail: waf.detail };
  if (INCAPSULA_RESOURCE.test(page.raw) && page.text.length <= CHALLENGE_TEXT_CHARS) return { reason: 'blocked', detail: 'waf:incapsula' };
  if (MAINTENANCE.test(page.headline) || (page.text.length <= SHORT_PAGE_CHARS && MAINTENANCE.test(page.text))) {
    return { reason: 'maintenance_page', detail: 'maintenance_page' };
  }
  return null;
}
