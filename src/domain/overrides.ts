import type { ComponentStatus } from './types.ts';

/** An operator forcing a component's status for a bounded time (for when probes are wrong). One per component. */
export interface Override {
  component: string;
  status: ComponentStatus;
  /** Why: mandatory, shown to operators and kept in the audit trail. */
  reason: string;
  createdBy: string;
  /** Epoch ms. */
  createdAt: number;
  /** Epoch ms; the override stops applying at this instant. */
  expiresAt: number;
}
