import { performance, type EventLoopUtilization } from 'node:perf_hooks';

const MIN_WINDOW_MS = 50;

/** Work that may wait: it runs in slices, after the receiver's own work. */
export interface BackgroundTask {
  /** Does at most `max` items of its work; returns true when more is waiting. */
  step(max: number): boolean;
}

export interface BackgroundWorkOptions {
  /**
   * The share of the event loop's time used by other work (the receiver) since the previous call, from 0 to 1.
   * Default: measured with `performance.eventLoopUtilization()`, minus this scheduler's own slices.
   */
  load?: () => number;
  /**
   * Above this load, work is throttled. Default 0.25: slices last at most `sliceMs`, so a receiver crowded out by
   * them still gets a third of the time or more, which is above this and throttles them.
   */
  busyLoad?: number;
  /** Items per task and step when the loop has room; steps repeat until `sliceMs` is used. Default 64. */
  idleItems?: number;
  /** How long a slice may last when the loop has room, ms. Default 4. */
  sliceMs?: number;
  /** Items per task and slice while the loop is busy. Default 16. */
  busyItems?: number;
  /**
   * The pause between slices while the loop is busy. Default 1 s: each slice commits its own transaction, and under a
   * flood of 35,000 captures a second ten such slices a second cost the receiver ~5% of its time while checking 0.5%
   * of what arrived (bench/receiver-ab.mjs). The work is kept, not lost: it catches up once the flood ends.
   */
  busyPauseMs?: number;
  report?: (error: unknown) => void;
}

/**
 * Runs the work that follows a capture but must never hold it up — search indexing and the check against the
 * documented shapes — at a lower priority than receiving: in slices between the receiver's turns, at full speed
 * while the event loop has room, and in small slices with pauses between them while it is busy (a flood of
 * requests), so a flood is answered and committed at full speed and the derived work catches up afterwards. Every
 * task keeps its backlog in SQLite or bounded in memory, so a long flood costs time afterwards, never memory.
 */
export class BackgroundWork {
  private readonly waiting = new Set<BackgroundTask>();
  private timer: { cancel: () => void } | null = null;
  private closed = false;
  /** Time spent in this scheduler's slices since the last load measurement, ms. */
  private ownMs = 0;
  private elu: EventLoopUtilization | null = null;
  private lastLoad = 0;
  private measuredAt = 0;
  private readonly measuredLoad: () => number;

  constructor(private readonly options: BackgroundWorkOptions = {}) {
    this.measuredLoad = options.load ?? (() => this.loopLoad());
  }

  /** Whether the last measurement found the loop busy (slices are small and spaced out). */
  get throttled(): boolean {
    return this.lastLoad > (this.options.busyLoad ?? 0.25);
  }

  /** Tells the scheduler a task has work waiting; it runs in a later slice. */
  wake(task: BackgroundTask): void {
    if (this.closed) return;
    this.waiting.add(task);
    this.schedule();
  }

  /** True while some task still has work waiting. */
  get pending(): boolean {
    return this.waiting.size > 0;
  }

  /** Stops scheduling; waiting work stays where its task keeps it (SQLite) for the next start. */
  close(): void {
    this.closed = true;
    this.timer?.cancel();
    this.timer = null;
    this.waiting.clear();
  }

  private loopLoad(): number {
    // Shorter windows are one or two turns of the loop: too noisy to decide on.
    if (this.elu && performance.now() - this.measuredAt < MIN_WINDOW_MS) return this.lastLoad;
    this.measuredAt = performance.now();
    const now = performance.eventLoopUtilization();
    const delta = this.elu ? performance.eventLoopUtilization(now, this.elu) : null;
    this.elu = now;
    const own = this.ownMs;
    this.ownMs = 0;
    if (!delta) return 0;
    const total = delta.idle + delta.active;
    if (total <= 0) return this.lastLoad;
    return Math.max(0, Math.min(1, (delta.active - own) / total));
  }

  private schedule(): void {
    if (this.timer || this.closed) return;
    this.lastLoad = this.measuredLoad();
    if (this.throttled) {
      const handle = setTimeout(() => this.run(), this.options.busyPauseMs ?? 1000);
      this.timer = { cancel: () => clearTimeout(handle) };
    } else {
      const handle = setImmediate(() => this.run());
      this.timer = { cancel: () => clearImmediate(handle) };
    }
  }

  private run(): void {
    this.timer = null;
    if (this.closed) return;
    const started = performance.now();
    const throttled = this.throttled;
    const max = throttled ? (this.options.busyItems ?? 16) : (this.options.idleItems ?? 64);
    const until = started + (throttled ? 0 : (this.options.sliceMs ?? 4));
    // Busy: one small step per task. Room: steps until the slice's time is used, then the receiver's turn.
    do {
      for (const task of [...this.waiting]) {
        let more: boolean;
        try {
          more = task.step(max);
        } catch (error) {
          // The task keeps its backlog; it is woken again by its next piece of work (or at the next start).
          (this.options.report ?? ((e: unknown) => console.error(e)))(error);
          more = false;
        }
        if (!more) this.waiting.delete(task);
      }
    } while (this.waiting.size > 0 && performance.now() < until);
    this.ownMs += performance.now() - started;
    if (this.waiting.size > 0) this.schedule();
  }
}
