import { CIRCUIT_STATES, type CircuitState } from '../webhooks/breaker.ts';
import type { DeliveryOutcome, DispatcherOptions } from '../webhooks/dispatcher.ts';
import { DROP_REASONS, type DropReason } from '../webhooks/drop-log.ts';
import type { Metrics } from './definitions.ts';

/**
 * The dispatcher's hooks, turned into metrics. Every configured webhook's drop counters and
 * circuit gauge exist from the start (0 drops, closed), so alerts see a series before trouble.
 */
export function webhookMetricsHooks(metrics: Metrics, webhookIds: readonly string[]): Pick<DispatcherOptions, 'onOutcome' | 'onDrop' | 'onCircuit'> {
  const circuit = (webhook: string, state: CircuitState): void => {
    for (const s of CIRCUIT_STATES) metrics.webhookCircuit.set({ webhook, state: s }, s === state ? 1 : 0);
  };
  for (const webhook of webhookIds) {
    for (const reason of DROP_REASONS) metrics.webhookDropped.inc({ webhook, reason }, 0);
    circuit(webhook, 'closed');
  }
  return {
    onOutcome: (webhook: string, outcome: DeliveryOutcome) => metrics.webhookDeliveries.inc({ webhook, outcome }),
    onDrop: (webhook: string, reason: DropReason) => metrics.webhookDropped.inc({ webhook, reason }),
    onCircuit: circuit,
  };
}
