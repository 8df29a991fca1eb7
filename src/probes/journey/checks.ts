import type { JourneyStep } from '../../config/journey-schema.ts';
import type { ProbeReason } from '../../domain/types.ts';
import { statusMatches } from '../http.ts';
import { forms, hasText, type Page } from './page.ts';
import { samlRequestProblem } from './saml.ts';

/** A failed check: the reason class and a short code-like detail (config strings only, never page text). */
export interface CheckFailure {
  reason: ProbeReason;
  detail: string;
}

const DEFAULT_STATUS = ['2xx'] as const;

/**
 * Runs a step's expectations in a fixed order and stops at the first miss. A missing selector or
 * form field means the markup drifted (`page_changed`); the rest mean this hop does not do its job
 * (`journey_step_failed`). `checks` lists what was looked at, for the operator.
 */
export function checkPage(expect: JourneyStep['expect'], status: number, page: Page): { failure: CheckFailure | null; checks: string[] } {
  const checks: string[] = [];
  const run = (label: string, test: () => CheckFailure | null): CheckFailure | null => {
    checks.push(label);
    return test();
  };
  const statuses = expect.status ?? [...DEFAULT_STATUS];
  const steps: (() => CheckFailure | null)[] = [
    () => run(`status ${statuses.join(',')}`, () => (statusMatches(status, statuses) ? null : { reason: 'journey_step_failed', detail: `status:${status}` })),
    () =>
      expect.host === undefined
        ? null
        : run(`host ${expect.host}`, () => (page.url.host === expect.host ? null : { reason: 'journey_step_failed', detail: `host:${page.url.host}` })),
    () => (expect.form === undefined ? null : run(`form ${expect.form.join(',')}`, () => formProblem(page, expect.form ?? []))),
    ...(expect.present ?? []).map((sel) => () => run(`present ${sel}`, () => (page.$(sel).length > 0 ? null : { reason: 'page_changed', detail: `selector_missing:${sel}` }))),
    ...(expect.absent ?? []).map((sel) => () => run(`absent ${sel}`, () => (page.$(sel).length === 0 ? null : { reason: 'journey_step_failed', detail: `selector_present:${sel}` }))),
    ...(expect.text ?? []).map((t) => () => run(`text "${t}"`, () => (hasText(page, t) ? null : { reason: 'journey_step_failed', detail: `text_missing:${t}` }))),
    ...(expect.notText ?? []).map((t) => () => run(`no text "${t}"`, () => (hasText(page, t) ? { reason: 'journey_step_failed', detail: `text_present:${t}` } : null))),
    () => (expect.samlRequest === undefined ? null : run('samlRequest AuthnRequest', () => samlProblem(page))),
  ];
  for (const step of steps) {
    const failure = step();
    if (failure) return { failure, checks };
  }
  return { failure: null, checks };
}

/** Some form must carry every expected field; otherwise the form was renamed or rebuilt. */
function formProblem(page: Page, fields: string[]): CheckFailure | null {
  const found = forms(page);
  if (found.some((f) => fields.every((name) => f.fields.some((x) => x.name === name)))) return null;
  const seen = new Set(found.flatMap((f) => f.fields.map((x) => x.name)));
  return { reason: 'page_changed', detail: `form_fields_missing:${fields.filter((n) => !seen.has(n)).join(',') || fields.join(',')}` };
}

function samlProblem(page: Page): CheckFailure | null {
  const value = forms(page).flatMap((f) => f.fields).find((x) => x.name === 'SAMLRequest')?.value;
  const problem = samlRequestProblem(value);
  return problem === null ? null : { reason: 'journey_step_failed', detail: problem };
}
