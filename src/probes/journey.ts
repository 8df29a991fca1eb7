import { performance } from 'node:perf_hooks';
import type { JourneyProbeConfig, JourneyStep } from '../config/journey-schema.ts';
import type { JourneyStepResult, ProbeOutcome } from '../domain/types.ts';
import { classifyError } from './errors.ts';
import { createDispatcher, elapsedSince, type OwnDispatcher } from './fetch-bounded.ts';
import { actionRequest } from './journey/actions.ts';
import type { PageRenderer } from './journey/browser.ts';
import { checkPage, type CheckFailure } from './journey/checks.ts';
import { createRunCookies, type RunCookies } from './journey/cookies.ts';
import { foreignPage } from './journey/markers.ts';
import { navigate, reportUrl, type NavLimits } from './journey/navigate.ts';
import { parsePage, type Page } from './journey/page.ts';
import type { Prober } from './types.ts';

type StepRun =
  | { ok: true; page: Page; result: JourneyStepResult }
  | { ok: false; failure: CheckFailure; result: JourneyStepResult; actionFailed: boolean };

/** Shared by every step of one run. */
interface RunContext {
  probe: JourneyProbeConfig;
  cookies: RunCookies;
  limits: Omit<NavLimits, 'signal'>;
  runSignal: AbortSignal;
  budget: AbortSignal;
  renderer: PageRenderer | undefined;
}

/** Runs one step: its action, the fetch (with its own budget), foreign-page detection, then its checks. */
async function runStep(step: JourneyStep, page: Page | null, run: RunContext): Promise<StepRun> {
  const started = performance.now();
  const component = step.component ?? run.probe.component ?? '';
  const result: JourneyStepResult = { id: step.id, component, url: null, status: null, durationMs: 0, ok: false, checks: [] };
  const finish = (failure: CheckFailure | null, next?: Page, actionFailed = false): StepRun => {
    result.durationMs = elapsedSince(started);
    if (failure === null && next !== undefined) return { ok: true, page: next, result: { ...result, ok: true } };
    const f = failure ?? { reason: 'internal_error' as const, detail: 'no_page' };
    return { ok: false, failure: f, result: { ...result, reason: f.reason, detail: f.detail }, actionFailed };
  };
  const action = actionRequest(step, page);
  result.checks.push(...action.checks);
  if ('failure' in action) return finish(action.failure, undefined, true);
  // Kept in a variable for the whole step: on Node 20 a timeout signal only referenced through
  // AbortSignal.any may be collected before it fires.
  const stepBudget = AbortSignal.timeout(step.timeout ?? run.probe.journey.stepTimeout);
  const signal = AbortSignal.any([run.runSignal, stepBudget]);
  try {
    const nav = await navigate(action.request, run.cookies, { ...run.limits, signal });
    result.url = reportUrl(nav.url);
    result.status = nav.status;
    // A hop passed on the way (a redirect through mojeID) answers for its own failures.
    const hop = step.via?.find((v) => nav.url.href.startsWith(v.urlPrefix));
    if (hop) result.component = hop.component;
    if (!nav.ok) return finish({ reason: 'journey_step_failed', detail: nav.status === null ? `${nav.failure.reason}:${nav.failure.detail}` : nav.failure.reason });
    let next = parsePage(nav.html, nav.url);
    const foreign = foreignPage(next, nav.headers, nav.status);
    if (foreign) return finish(foreign);
    if (step.render === 'browser') {
      if (!run.renderer) return finish({ reason: 'internal_error', detail: 'browser_runner_disabled' });
      result.checks.push('rendered in browser');
      const remaining = Math.max(1, (step.timeout ?? run.probe.journey.stepTimeout) - (performance.now() - started));
      const rendered = await run.renderer.render(nav.url, await run.cookies.forUrl(nav.url), { userAgent: run.limits.userAgent, timeoutMs: remaining, signal });
      next = parsePage(rendered.html, rendered.url);
    }
    const checked = checkPage(step.expect, nav.status, next);
    result.checks.push(...checked.checks);
    return finish(checked.failure, next);
  } catch (err) {
    if (run.budget.aborted || run.runSignal.aborted) return finish({ reason: 'journey_step_failed', detail: 'timeout:journey_budget' });
    if (stepBudget.aborted) return finish({ reason: 'journey_step_failed', detail: 'timeout:step_budget' });
    const c = classifyError(err);
    return finish({ reason: 'journey_step_failed', detail: `${c.reason}:${c.detail}` });
  }
}

/**
 * Walks a login path step by step (DESIGN §6) up to the page where a credential would be typed,
 * and never past it. Each step gets its own budget inside the probe's overall timeout, cookies are
 * kept per host, redirects are capped as in the HTTP probe. The outcome names the failed step and
 * its component; every step that ran is listed. Never throws for a down target.
 */
export const journeyProber: Prober<JourneyProbeConfig> = async (probe, ctx) => {
  const started = performance.now();
  const budget = AbortSignal.timeout(probe.timeout);
  const runSignal = AbortSignal.any([ctx.signal, budget]);
  const { journey } = probe;
  let own: OwnDispatcher | undefined;
  const steps: JourneyStepResult[] = [];
  try {
    const dispatcher = ctx.dispatcher ?? (own = await createDispatcher({ timeout: journey.stepTimeout, connectTimeout: journey.connectTimeout })).dispatcher;
    const run: RunContext = {
      probe,
      cookies: createRunCookies(),
      limits: { maxRedirects: journey.maxRedirects, maxBodyBytes: journey.maxBodyBytes, userAgent: ctx.userAgent, dispatcher },
      runSignal,
      budget,
      renderer: ctx.renderer,
    };
    let page: Page | null = null;
    for (const step of journey.steps) {
      const r = await runStep(step, page, run);
      const prev = steps.at(-1);
      if (!r.ok && r.actionFailed && prev !== undefined) {
        // The action (a tile, a form) belongs to the previous page, so its absence is that page's fault.
        Object.assign(prev, { ok: false, reason: r.failure.reason, detail: r.failure.detail, checks: [...prev.checks, ...r.result.checks] });
        r.result = prev;
      } else steps.push(r.result);
      if (!r.ok) {
        return {
          ok: false,
          degraded: false,
          reason: r.failure.reason,
          detail: r.failure.detail,
          durationMs: elapsedSince(started),
          ...(r.result.status !== null ? { httpStatus: r.result.status } : {}),
          failedStep: { id: r.result.id, component: r.result.component },
          steps,
        } satisfies ProbeOutcome;
      }
      page = r.page;
    }
    const last = steps.at(-1);
    return { ok: true, degraded: false, reason: 'ok', durationMs: elapsedSince(started), ...(last?.status != null ? { httpStatus: last.status } : {}), steps };
  } catch (err) {
    return { ok: false, degraded: false, reason: 'internal_error', detail: classifyError(err).detail, durationMs: elapsedSince(started), steps };
  } finally {
    await own?.close();
  }
};
