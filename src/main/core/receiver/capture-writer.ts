import type { CaptureSummary } from '../../../shared/models';
import type { CaptureRepository, NewCapture } from '../../db/capture-repository';

interface Pending {
  capture: NewCapture;
  resolve: (summary: CaptureSummary) => void;
  reject: (error: unknown) => void;
}

/**
 * Commits captures in batches: requests that arrive in the same turn of the event loop share one transaction, and
 * each one's promise resolves only after that transaction committed. The receiver answers a sender after its
 * promise resolves, so batching raises throughput without ever acknowledging an unstored request.
 */
export class CaptureWriter {
  private queue: Pending[] = [];
  private scheduled = false;

  constructor(
    private readonly captures: CaptureRepository,
    private readonly maxBatch = 256,
  ) {}

  /** Resolves with the stored capture once it is committed; rejects (nothing stored) when the commit fails. */
  write(capture: NewCapture): Promise<CaptureSummary> {
    return new Promise((resolve, reject) => {
      this.queue.push({ capture, resolve, reject });
      if (this.queue.length >= this.maxBatch) this.flush();
      else if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  /** Commits everything queued now. */
  flush(): void {
    this.scheduled = false;
    const batch = this.queue;
    if (batch.length === 0) return;
    this.queue = [];
    let stored: CaptureSummary[];
    try {
      stored = this.captures.insertMany(batch.map((p) => p.capture));
    } catch (error) {
      for (const p of batch) p.reject(error);
      return;
    }
    batch.forEach((p, i) => p.resolve(stored[i] as CaptureSummary));
  }
}
