import { load, type CheerioAPI } from 'cheerio';
import type { PageText } from './markers.ts';

/** A fetched page, parsed once and queried by every check of its step. */
export interface Page extends PageText {
  $: CheerioAPI;
  url: URL;
}

/** One named control of a form, as the page has it. */
export interface FormField {
  name: string;
  type: string;
  value: string;
}

/** A form found on the page: where it goes and what it would send. */
export interface FoundForm {
  action: URL;
  method: 'GET' | 'POST';
  fields: FormField[];
}

const collapse = (s: string): string => s.replace(/\s+/g, ' ').trim();
/** Case- and diacritic-insensitive, so "Profil zaufany" matches "PROFIL ZAUFANY" and "Profil Zaufany". */
const fold = (s: string): string => collapse(s).normalize('NFD').replace(/\p{M}/gu, '').replace(/ł/g, 'l').replace(/Ł/g, 'L').toLowerCase();

/** Parses a page; the body was already capped by the fetch, so cheerio's cost is bounded. */
export function parsePage(html: string, url: URL): Page {
  const $ = load(html);
  const headline = collapse([$('title').text(), $('h1').text(), $('h2').first().text()].join(' '));
  const body = $('body').clone();
  body.find('script, style, template').remove();
  return { $, url, raw: html, headline, text: collapse(body.text()) };
}

/** The text a tile or link shows: its text, its images' alt texts, its aria-label and title. */
function label($: CheerioAPI, el: Parameters<CheerioAPI>[0]): string {
  const node = $(el);
  const alts = node.find('img[alt]').map((_, img) => $(img).attr('alt') ?? '').get();
  return [node.text(), ...alts, node.attr('aria-label') ?? '', node.attr('title') ?? ''].join(' ');
}

const LINKISH = 'a[href], [data-href], [data-url], button[formaction]';

/**
 * The URL of the first link or tile that matches `selector` (default: anything link-like) and shows
 * `text`. Tile ids are generated, so matching by visible text is the stable way (DESIGN §6).
 */
export function findLink(page: Page, selector: string | undefined, text: string | undefined): URL | 'missing' | 'no_target' {
  const { $ } = page;
  const wanted = text === undefined ? null : fold(text);
  const candidates = $(selector ?? LINKISH).filter((_, el) => wanted === null || fold(label($, el)).includes(wanted));
  if (candidates.length === 0) return 'missing';
  for (const el of candidates.toArray()) {
    const node = $(el);
    // A matched wrapper (e.g. a tile div) may hold the actual link inside it.
    const target = node.attr('href') ?? node.attr('data-href') ?? node.attr('data-url') ?? node.attr('formaction') ?? node.find('a[href]').first().attr('href');
    if (target === undefined) continue;
    try {
      const url = new URL(target, page.url);
      if (url.protocol === 'http:' || url.protocol === 'https:') return url;
    } catch {
      // an unusable href on one candidate does not rule out the next
    }
  }
  return 'no_target';
}

/** Every form matching `selector`, with the controls it would send (submit buttons are not sent: nothing is clicked). */
export function forms(page: Page, selector = 'form'): FoundForm[] {
  const { $ } = page;
  return $(selector)
    .filter('form')
    .toArray()
    .map((el) => {
      const form = $(el);
      const fields: FormField[] = form
        .find('input[name], textarea[name], select[name]')
        .toArray()
        .filter((c) => $(c).attr('disabled') === undefined)
        .map((c) => {
          const control = $(c);
          const tag = (c as { tagName?: string }).tagName ?? 'input';
          const type = tag === 'input' ? (control.attr('type') ?? 'text').toLowerCase() : tag;
          const value = tag === 'textarea' ? control.text() : tag === 'select' ? (control.find('option[selected]').attr('value') ?? '') : (control.attr('value') ?? '');
          return { name: control.attr('name') ?? '', type, value };
        });
      let action: URL;
      try {
        action = new URL(form.attr('action') || page.url.href, page.url);
      } catch {
        action = page.url;
      }
      return { action, method: (form.attr('method') ?? 'GET').toUpperCase() === 'POST' ? 'POST' : 'GET', fields } satisfies FoundForm;
    });
}

/** Whether the visible text contains `text` (case- and diacritic-insensitive). */
export function hasText(page: Page, text: string): boolean {
  return fold(page.text).includes(fold(text));
}
