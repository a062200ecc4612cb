import { Pool } from 'undici';
import type { LatencyStats } from '../../../shared/fire-models';
import type { HeaderPair } from '../../../shared/models';

export interface BulkPlan {
  url: string;
  method: string;
  body: Buffer;
  count: number;
  concurrency: number;
  timeoutMs: number;
  /** The headers of request i (a fresh message id and signature each). */
  headersFor: (index: number) => readonly HeaderPair[];
  signal: AbortSignal;
  /** Called about every `progressMs` while running, and once at the end. */
  onProgress?: (progress: BulkCounts) => void;
  progressMs?: number;
}

export interface BulkCounts {
  done: number;
  ok: number;
  errors: number;
  elapsedMs: number;
}

export interface BulkResult extends BulkCounts {
  statusCounts: Record<string, number>;
  errorMessages: { message: string; count: number }[];
  latencyMs: LatencyStats;
  requestsPerSecond: number;
  cancelled: boolean;
}

/** Nearest-rank percentile of sorted values (0 when empty). */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] ?? 0;
}

/** min, p50, p95, p99, max and mean of some latencies, rounded to 0.01 ms. */
export function latencyStats(values: Float64Array): LatencyStats {
  const sorted = Float64Array.from(values).sort();
  const round = (n: number): number => Math.round(n * 100) / 100;
  const sum = sorted.reduce((a, b) => a + b, 0);
  return {
    min: round(sorted[0] ?? 0),
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted[sorted.length - 1] ?? 0),
    mean: round(sorted.length ? sum / sorted.length : 0),
  };
}

function failureMessage(error: unknown, timeoutMs: number): string {
  const code = (error as { code?: string }).code ?? (error as { cause?: { code?: string } }).cause?.code;
  if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT')
    return `no answer within ${timeoutMs} ms`;
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'UND_ERR_SOCKET' || code === 'ECONNRESET') return 'connection closed before an answer';
  return error instanceof Error ? error.message : String(error);
}

/**
 * Sends `count` requests with at most `concurrency` in flight over one keep-alive undici Pool, timing each from
 * send to the end of its answer. Failures are counted, never thrown; aborting the signal stops new requests and
 * waits for those in flight.
 */
export async function bulkFire(plan: BulkPlan): Promise<BulkResult> {
  const target = new URL(plan.url);
  const path = `${target.pathname}${target.search}`;
  const pool = new Pool(target.origin, {
    connections: plan.concurrency,
    pipelining: 1,
    headersTimeout: plan.timeoutMs,
    bodyTimeout: plan.timeoutMs,
  });
  const latencies = new Float64Array(plan.count);
  const statusCounts: Record<string, number> = {};
  const messages = new Map<string, number>();
  let answered = 0;
  let next = 0;
  const counts: BulkCounts = { done: 0, ok: 0, errors: 0, elapsedMs: 0 };
  const started = performance.now();
  const progressMs = plan.progressMs ?? 100;
  const report = (): void => {
    counts.elapsedMs = performance.now() - started;
    plan.onProgress?.({ ...counts });
  };
  const timer = plan.onProgress ? setInterval(report, progressMs) : null;

  const worker = async (): Promise<void> => {
    while (next < plan.count && !plan.signal.aborted) {
      const index = next++;
      const headers = plan.headersFor(index).flat();
      const t0 = performance.now();
      try {
        const res = await pool.request({ path, method: plan.method, headers, body: plan.body });
        await res.body.dump();
        latencies[answered++] = performance.now() - t0;
        const key = String(res.statusCode);
        statusCounts[key] = (statusCounts[key] ?? 0) + 1;
        if (res.statusCode >= 200 && res.statusCode < 300) counts.ok++;
        else {
          counts.errors++;
          const message = `HTTP ${res.statusCode}`;
          messages.set(message, (messages.get(message) ?? 0) + 1);
        }
      } catch (error) {
        counts.errors++;
        statusCounts.none = (statusCounts.none ?? 0) + 1;
        const message = failureMessage(error, plan.timeoutMs);
        messages.set(message, (messages.get(message) ?? 0) + 1);
      }
      counts.done++;
    }
  };

  try {
    await Promise.all(Array.from({ length: Math.min(plan.concurrency, plan.count) }, worker));
  } finally {
    if (timer) clearInterval(timer);
    await pool.close();
  }
  report();
  const seconds = counts.elapsedMs / 1000;
  return {
    ...counts,
    statusCounts,
    errorMessages: [...messages.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 5)
      .map(([message, count]) => ({ message, count })),
    latencyMs: latencyStats(latencies.subarray(0, answered)),
    requestsPerSecond: seconds > 0 ? Math.round((counts.done / seconds) * 10) / 10 : 0,
    cancelled: plan.signal.aborted && counts.done < plan.count,
  };
}
