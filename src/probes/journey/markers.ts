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
  { re: /_cf_chl_opt|<title>\s*Just a moment\.\.\.\s*<\/title>/i, detail: 'waf:cloudflare' },
  { re: /Attention Required!\s*\|\s*Cloudflare/i, detail: 'waf:cloudflare' },
  { re: /The requested URL was rejected\.\s*Please consult with your administrator/i, detail: 'waf:f5' },
];

const MAINTENANCE = /przerw[aąy] techniczn|prac[eiaoy]*\s+serwisow|prac[eiaoy]*\s+konserwacyjn/i;
/** A short page that mentions maintenance is the maintenance page; a long one may just carry a news item. */
const SHORT_PAGE_CHARS = 1_500;

/** What kind of foreign page this is, if any: `blocked` for a WAF, `maintenance_page` for maintenance. */
export function foreignPage(page: PageText, headers: Record<string, string | string[] | undefined>): { reason: ProbeReason; detail: string } | null {
  if (headers['cf-mitigated'] === 'challenge') return { reason: 'blocked', detail: 'waf:cloudflare' };
  const waf = WAF_MARKERS.find((m) => m.re.test(page.raw));
  if (waf) return { reason: 'blocked', detail: waf.detail };
  if (MAINTENANCE.test(page.headline) || (page.text.length <= SHORT_PAGE_CHARS && MAINTENANCE.test(page.text))) {
    return { reason: 'maintenance_page', detail: 'maintenance_page' };
  }
  return null;
}
