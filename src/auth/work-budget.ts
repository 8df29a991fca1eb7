/**
 * A token bucket for expensive work: `perSecond` units refill continuously up to `capacity`.
 * `take(n)` either takes all n units at once or none, so callers refuse excess work outright
 * instead of queueing it.
 */
export class WorkBudget {
  private units: number;
  private at: number;

  constructor(
    private readonly perSecond: number,
    private readonly capacity: number,
    private readonly now: () => number,
  ) {
    this.units = capacity;
    this.at = now();
  }

  take(n: number): boolean {
    const t = this.now();
    this.units = Math.min(this.capacity, this.units + ((t - this.at) / 1000) * this.perSecond);
    this.at = t;
    if (this.units < n) return false;
    this.units -= n;
    return true;
  }
}
