import type { ConsoleKey } from './text.ts';

/**
 * The console label of each field a validation error can name (paths as the admin inputs give
 * them, e.g. `title.pl`), so an error summary says "Tytuł (po polsku)" rather than a key.
 */
const LABELS: Readonly<Record<string, ConsoleKey>> = {
  'title.pl': 'inc.title.pl',
  'title.en': 'inc.title.en',
  'body.pl': 'inc.body.pl',
  'body.en': 'inc.body.en',
  impact: 'inc.impact',
  state: 'inc.state',
  title: 'mw.title',
  text: 'mw.text',
  link: 'mw.link',
  start: 'mw.start',
  end: 'mw.end',
  components: 'mw.components',
  component: 'ov.component',
  status: 'ov.status',
  reason: 'ov.reason',
  for: 'ov.for',
  until: 'ov.until.field',
  from: 'rc.from',
  to: 'rc.to',
  kind: 'nq.kind',
  body: 'field.body',
};

/** A field path with list positions dropped (`components.1` → `components`): the form has one input for the list. */
export function fieldName(path: string): string {
  return path
    .split('.')
    .filter((part) => !/^\d+$/.test(part))
    .join('.');
}

/** The label key of a field path; the form as a whole when the path is unknown. */
export function fieldLabelKey(path: string): ConsoleKey {
  return LABELS[fieldName(path)] ?? 'field.body';
}

/** The id of the input an error links to (`title.pl` → `f-title_pl`, `components.1` → `f-components`). */
export function fieldAnchor(path: string): string {
  return `f-${fieldName(path).replace(/\./g, '_')}`;
}
