import type { FireAttempt, FireBulkOutput } from '../../shared/fire-models';

const ms = (n: number): string => (n < 10 ? n.toFixed(1) : String(Math.round(n)));

/** One attempt of `trigger`: `attempt 1: 204 in 3 ms` or `attempt 2: failed after 10000 ms: No answer …`. */
export function formatAttempt(a: FireAttempt): string {
  const e = a.exchange;
  const outcome =
    e.status === null
      ? `failed after ${ms(e.durationMs)} ms: ${e.error ?? 'no answer'}`
      : `${e.status} in ${ms(e.durationMs)} ms`;
  const next = a.nextInMs === null ? '' : ` (next attempt in ${ms(a.nextInMs)} ms)`;
  return `attempt ${a.attempt}: ${outcome}${next}`;
}

/** The summary of `trigger --count`: sent, ok, errors by cause, latency percentiles and the request rate. */
export function formatBulk(r: FireBulkOutput, event: string, concurrency: number): string[] {
  const causes = r.errorMessages.map((m) => `${m.message}: ${m.count}`).join(', ');
  const l = r.latencyMs;
  return [
    `Sent ${r.sent} ${event} to ${r.url} at concurrency ${concurrency} in ${(r.durationMs / 1000).toFixed(2)} s${r.cancelled ? ' (stopped)' : ''}`,
    `  ok ${r.ok}, errors ${r.errors}${causes ? ` (${causes})` : ''}`,
    `  latency ms: p50 ${ms(l.p50)}  p95 ${ms(l.p95)}  p99 ${ms(l.p99)}  (min ${ms(l.min)}, max ${ms(l.max)})`,
    `  ${r.requestsPerSecond} requests/s`,
  ];
}
