import type { JourneyStep } from '../../config/journey-schema.ts';
import { isCredentialField } from '../../domain/credential-fields.ts';
import type { CheckFailure } from './checks.ts';
import type { NavRequest } from './navigate.ts';
import { findLink, forms, type Page } from './page.ts';

/** Controls that a browser sends only when clicked or chosen; a journey clicks and chooses nothing. */
const NOT_SENT: ReadonlySet<string> = new Set(['submit', 'button', 'image', 'reset', 'file', 'checkbox', 'radio']);

/** Turns a step's action into a request, or says why it cannot be taken on this page. */
export function actionRequest(step: JourneyStep, page: Page | null): { request: NavRequest; checks: string[] } | { failure: CheckFailure; checks: string[] } {
  if (step.get !== undefined) return { request: { url: new URL(step.get), method: 'GET' }, checks: [] };
  if (page === null) return { failure: { reason: 'internal_error', detail: 'no_page' }, checks: [] };
  if (step.follow !== undefined) return follow(step.follow, page);
  if (step.submit !== undefined) return submit(step.submit, page);
  return { failure: { reason: 'internal_error', detail: 'no_action' }, checks: [] };
}

function follow(f: NonNullable<JourneyStep['follow']>, page: Page): ReturnType<typeof actionRequest> {
  const checks = [`follow ${[f.selector, f.text === undefined ? undefined : `"${f.text}"`].filter(Boolean).join(' ')}`];
  const target = findLink(page, f.selector, f.text);
  if (target === 'missing') {
    const detail = f.method !== undefined ? `method_missing:${f.method}` : `link_missing:${f.text ?? f.selector ?? ''}`;
    // A missing login method is the hop failing its job; a missing plain link is markup drift.
    return { failure: { reason: f.method !== undefined ? 'journey_step_failed' : 'page_changed', detail }, checks };
  }
  if (target === 'no_target') return { failure: { reason: 'page_changed', detail: `link_without_target:${f.text ?? f.selector ?? ''}` }, checks };
  return { request: { url: target, method: 'GET' }, checks };
}

/**
 * Sends an auto-submitting form exactly as the page built it. The form is refused outright if it has
 * any credential field (password, PIN, CAN, one-time or SMS code, PESEL), whatever its value: the
 * journey stops before anything is sent.
 */
function submit(s: NonNullable<JourneyStep['submit']>, page: Page): ReturnType<typeof actionRequest> {
  const checks = [`submit ${s.selector} with ${s.fields.join(',')}`];
  const form = forms(page, s.selector).find((f) => s.fields.every((name) => f.fields.some((x) => x.name === name)));
  if (form === undefined) return { failure: { reason: 'page_changed', detail: `form_fields_missing:${s.fields.join(',')}` }, checks };
  const secret = form.fields.find((x) => isCredentialField(x.name, x.type));
  checks.push('no credential fields');
  // The field name comes from the page (untrusted), so only a short, plain form of it reaches the detail.
  const shown = secret?.name.replace(/[^\p{L}\p{N}:._-]/gu, '').slice(0, 40);
  if (secret !== undefined) return { failure: { reason: 'journey_step_failed', detail: `refused_credential_field:${shown}` }, checks };
  const params = new URLSearchParams();
  for (const x of form.fields) if (!NOT_SENT.has(x.type)) params.append(x.name, x.value);
  if (form.method === 'POST') return { request: { url: form.action, method: 'POST', body: params.toString() }, checks };
  const url = new URL(form.action);
  url.search = params.toString();
  return { request: { url, method: 'GET' }, checks };
}
