import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ejs from 'ejs';
import type { Lang, Translate } from '../i18n/index.ts';
import type { PageLinks, PageModel } from './page-model.ts';

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
}

/** Compiles the views once (partials are cached by EJS after their first include). */
export function loadViews(dir = VIEWS_DIR): Views {
  const compile = (name: string): ejs.TemplateFunction => {
    const filename = join(dir, `${name}.ejs`);
    return ejs.compile(readFileSync(filename, 'utf8'), { filename, cache: true, rmWhitespace: true });
  };
  const page = compile('page');
  const fragment = compile('fragment');
  const accessibility = compile('accessibility');
  return {
    page: (m) => page({ m }) as string,
    fragment: (m) => fragment({ m }) as string,
    accessibility: (m, a11y) => accessibility({ m, a11y }) as string,
  };
}
