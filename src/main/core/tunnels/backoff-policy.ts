export interface BackoffOptions {
  /** The first restart waits this long. */
  initialMs: number;
  /** Each further failure in a row multiplies the wait by this. */
  factor: number;
  /** The wait never grows beyond this. */
  maxMs: number;
  /** Restarts stop after this many failures in a row. */
  maxAttempts: number;
  /** Online this long without failing: the count of failures in a row starts again from zero. */
  stableMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = {
  initialMs: 1000,
  factor: 2,
  maxMs: 60_000,
  maxAttempts: 8,
  stableMs: 60_000,
};

/**
 * Exponential back-off for restarting a tunnel: 1 s, 2 s, 4 s … up to a cap, a bounded number of failures in a row,
 * and a reset once the tunnel has stayed up for a while (so a tunnel that fails once a day restarts quickly).
 */
export class BackoffPolicy {
  private readonly options: BackoffOptions;
  private failures = 0;
  private stableTimer: NodeJS.Timeout | undefined;

  constructor(options: Partial<BackoffOptions> = {}) {
    this.options = { ...DEFAULT_BACKOFF, ...options };
  }

  /** Failures in a row so far. */
  get attempts(): number {
    return this.failures;
  }

  /** Counts a failure; the wait before the next start, or null when it is time to give up. */
  failed(): number | null {
    this.cancelStable();
    this.failures += 1;
    if (this.failures > this.options.maxAttempts) return null;
    const { initialMs, factor, maxMs } = this.options;
    return Math.min(maxMs, Math.round(initialMs * factor ** (this.failures - 1)));
  }

  /** The tunnel came online: forget earlier failures once it has stayed up for `stableMs`. */
  online(): void {
    this.cancelStable();
    this.stableTimer = setTimeout(() => {
      this.failures = 0;
    }, this.options.stableMs);
    this.stableTimer.unref();
  }

  cancelStable(): void {
    clearTimeout(this.stableTimer);
    this.stableTimer = undefined;
  }

  /** Starts counting from zero (the user started a tunnel). */
  reset(): void {
    this.cancelStable();
    this.failures = 0;
  }
}
