/** A past outage period of a component re-booked as maintenance, with who and why. */
export interface Reclassification {
  id: string;
  component: string;
  /** Epoch ms, start of the period (inclusive). */
  from: number;
  /** Epoch ms, end of the period (exclusive). */
  to: number;
  reason: string;
  createdBy: string;
  createdAt: number;
  /** Outage seconds moved to maintenance in the daily uptime buckets. */
  movedSeconds: number;
  /** History entries written (rewritten or inserted) to match. */
  transitionsWritten: number;
}
