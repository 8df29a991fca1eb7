import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { journeyProbeSchema } from '../../src/config/journey-schema.ts';
import type { JourneyStepResult } from '../../src/domain/types.ts';
import { createMetrics } from '../../src/metrics/definitions.ts';
import { metricsObserver } from '../../src/metrics/pipeline-observer.ts';

const probe = journeyProbeSchema.parse({
  id: 'journey-pz', kind: 'journey', component: 'profil-zaufany', interval: '2m', timeout: '15s',
  journey: { steps: [{ id: 'ikp-entry', get: 'https://pacjent.gov.pl/ikp/zaloguj' }, { id: 'login-gov-chooser', submit: { fields: ['SAMLRequest'] } }, { id: 'pz-form', follow: { text: 'Profil Zaufany' } }] },
});
const step = (id: string, ok: boolean, ms: number): JourneyStepResult => ({ id, component: 'x', url: null, status: 200, durationMs: ms, ok, checks: [] });

describe('journey step metrics', () => {
  it('when a journey passes and then fails at the chooser, then success per step follows the latest run and unreached steps drop out', async () => {
    const metrics = createMetrics(new Registry(), { version: 't', node: process.version });
    const observer = metricsObserver(metrics);
    observer.journeySteps?.({ ...probe, kind: 'journey' }, [step('ikp-entry', true, 120), step('login-gov-chooser', true, 300), step('pz-form', true, 80)]);
    let text = await metrics.registry.metrics();
    expect(text).toContain('ikpstatus_journey_step_success{probe="journey-pz",step="pz-form"} 1');
    observer.journeySteps?.(probe, [step('ikp-entry', true, 100), step('login-gov-chooser', false, 250)]);
    text = await metrics.registry.metrics();
    expect(text).toContain('ikpstatus_journey_step_success{probe="journey-pz",step="ikp-entry"} 1');
    expect(text).toContain('ikpstatus_journey_step_success{probe="journey-pz",step="login-gov-chooser"} 0');
    expect(text).not.toContain('ikpstatus_journey_step_success{probe="journey-pz",step="pz-form"}');
    expect(text).toContain('ikpstatus_journey_step_duration_seconds_count{probe="journey-pz",step="ikp-entry"} 2');
    expect(text).toContain('ikpstatus_journey_step_duration_seconds_sum{probe="journey-pz",step="login-gov-chooser"} 0.55');
  });
});
