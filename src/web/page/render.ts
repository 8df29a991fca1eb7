import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ejs from 'ejs';
import type { Lang, Translate } from '../../i18n/index.ts';
import { incidentMarkdown } from './markdown.ts';
import type { PageLinks, PageModel } from './page-model.ts';
import type { PastPageModel } from './past-model.ts';

/** The EJS views directory (page, fragment, accessibility statement, partials). */
export const VIEWS_DIR = fileURLToPath(new URL('../../../views/', import.meta.url));

/** What the shared layout partials need. */
export interface LayoutModel {
  lang: Lang;
  otherLang: Lang;
  t: Translate;
  links: PageLinks;
}

/** Dates shown in the accessibility statement. */
export interface A11yDates {
  published: string;
  publishedIso: string;
  updated: string;
  updatedIso: string;
  prepared: string;
}

/** Compiled views; rendering is synchronous and escapes every `<%= %>` value. */
export interface Views {
  page(m: PageModel): string;
  fragment(m: PageModel): string;
  accessibility(m: LayoutModel, a11y: A11yDates): string;
  /** The 90-day history of incidents and windows (/historia, /history). */
  past(m: PastPageModel): string;
}

/**
 * Compiles the views once (partials are cached by EJS after their first include). Every view gets
 * `md`, the one renderer of incident text, so the page and the history show it alike.
 */
export function loadViews(dir = VIEWS_DIR): Views {
  const compile = (name: string): ejs.TemplateFunction => {
    const filename = join(dir, `${name}.ejs`);
    return ejs.compile(readFileSync(filename, 'utf8'), { filename, cache: true, rmWhitespace: true });
  };
  const page = compile('page');
  const fragment = compile('fragment');
  const accessibility = compile('accessibility');
  const past = compile('history');
  const md = incidentMarkdown();
  return {
    page: (m) => page({ m, md }) as string,
    fragment: (m) => fragment({ m, md }) as string,
    accessibility: (m, a11y) => accessibility({ m, a11y }) as string,
    past: (m) => past({ m, md }) as string,
  };
}
