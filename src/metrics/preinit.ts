import type { Config } from '../config/schema.ts';
import { CAUSE_CODES } from '../triage/types.ts';
import { MISS_REASONS } from '../scheduler/probe-scheduler.ts';
import type { Metrics } from './definitions.ts';

/** Webhook delivery outcomes (the `outcome` label of ikpstatus_webhook_deliveries_total). */
export const WEBHOOK_OUTCOMES = ['delivered', 'failed', 'dropped'] as const;

/**
 * Creates every counter series whose label values are known from the config at 0, so each one
 * exists from the first scrape: increase()/rate() then see the first event instead of the
 * series merely appearing (which they read as no change), and dashboard panels are not empty.
 */
export function preinitialiseCounters(metrics: Metrics, config: Config): void {
  for (const probe of config.probes) {
    if (probe.kind === 'notices') metrics.noticeParseFailures.inc({ source: probe.id }, 0);
  }
  for (const reason of MISS_REASONS) metrics.schedulerMissedFires.inc({ reason }, 0);
  metrics.schedulerConcurrencyLimit.set(config.scheduler.concurrency);
  for (const cause of CAUSE_CODES) metrics.triageRequests.inc({ first_cause: cause }, 0);
  for (const webhook of config.webhooks) {
    for (const outcome of WEBHOOK_OUTCOMES) metrics.webhookDeliveries.inc({ webhook: webhook.id, outcome }, 0);
  }
}
