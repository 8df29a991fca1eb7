/** Where a receiver's circuit stands: `closed` delivers, `open` waits out a cool-down, `half_open` lets one probe through. */
export type CircuitState = 'closed' | 'open' | 'half_open';

export const CIRCUIT_STATES: readonly CircuitState[] = ['closed', 'open', 'half_open'];

/** When to open and how long to stay open. */
export interface BreakerOptions {
  /** Consecutive failed attempts (no answer, 408/425/429/5xx) that open the circuit. */
  failures: number;
  /** First cool-down; it doubles each time a half-open probe fails, up to `maxCooldownMs`. */
  cooldownMs: number;
  maxCooldownMs: number;
}

/**
 * A per-receiver circuit breaker. While a receiver keeps failing, its deliveries stop costing
 * connections and timeouts: they wait (bounded) until a single probe after the cool-down shows
 * the receiver answers again. Pure state with an injected clock; the dispatcher does the I/O.
 */
export class CircuitBreaker {
  private current: CircuitState = 'closed';
  private consecutive = 0;
  private openUntil = 0;
  private cooldown: number;
  private probing = false;

  constructor(
    private readonly opts: BreakerOptions,
    private readonly now: () => number,
    private readonly onChange: (state: CircuitState, info: { failures: number; cooldownMs: number }) => void,
  ) {
    this.cooldown = opts.cooldownMs;
  }

  get state(): CircuitState {
    return this.current;
  }

  /** Milliseconds until an open circuit lets a probe through (0 when it already would). */
  get waitMs(): number {
    return this.current === 'open' ? Math.max(0, this.openUntil - this.now()) : 0;
  }

  /** Whether one more attempt may start, given how many run; a half-open circuit admits a single probe. */
  tryStart(running: number, concurrency: number): boolean {
    if (this.current === 'open' && this.now() >= this.openUntil) this.move('half_open');
    if (this.current === 'open') return false;
    if (this.current === 'half_open') {
      if (this.probing || running > 0) return false;
      this.probing = true;
      return true;
    }
    return running < concurrency;
  }

  /** Reports how a started delivery ended: `null` when no attempt was made (e.g. another replica owned it). */
  settle(result: 'success' | 'failure' | null): void {
    const wasProbe = this.probing;
    this.probing = false;
    if (result === 'success') {
      this.consecutive = 0;
      this.cooldown = this.opts.cooldownMs;
      if (this.current !== 'closed') this.move('closed');
    } else if (result === 'failure') {
      this.consecutive += 1;
      if (this.current === 'half_open' && wasProbe) {
        this.cooldown = Math.min(this.opts.maxCooldownMs, this.cooldown * 2);
        this.open();
      } else if (this.current === 'closed' && this.consecutive >= this.opts.failures) this.open();
    }
  }

  private open(): void {
    this.openUntil = this.now() + this.cooldown;
    this.move('open');
  }

  private move(state: CircuitState): void {
    this.current = state;
    this.onChange(state, { failures: this.consecutive, cooldownMs: this.cooldown });
  }
}
