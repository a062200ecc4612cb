import { setTimeout as sleep } from 'node:timers/promises';
import type { CatalogDelivery } from '../../../shared/catalog-models';
import { SVIX_RETRY_SCHEDULE, type FireAttempt, type RetryPolicy } from '../../../shared/fire-models';

/**
 * The delays (seconds) before each attempt: none asked, one attempt; `provider`, the catalogue's schedule (one
 * attempt when it documents none); `svix`, Svix's; or the list given.
 */
export function resolveSchedule(policy: RetryPolicy | undefined, delivery: CatalogDelivery): number[] {
  if (!policy) return [0];
  if (policy.schedule === 'svix') return [...SVIX_RETRY_SCHEDULE];
  if (policy.schedule === 'provider')
    return delivery.retrySchedule.length ? [...delivery.retrySchedule] : [0];
  return [...policy.schedule];
}

/** The wait in ms before attempt `index` (0-based) after compression. */
export function delayMs(schedule: readonly number[], index: number, compression: number): number {
  return ((schedule[index] ?? 0) * 1000) / compression;
}

/** Resolves after `ms`, or false at once when the signal aborts. */
export async function wait(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return false;
  if (ms <= 0) return true;
  try {
    await sleep(ms, undefined, { signal });
    return true;
  } catch {
    return false;
  }
}

/**
 * Runs attempts on a schedule until one succeeds, the schedule ends or the signal aborts. `send` performs attempt
 * n (1-based) and always resolves; `onAttempt` sees each attempt with the delay before the next one.
 */
export async function runWithRetries(
  schedule: readonly number[],
  compression: number,
  signal: AbortSignal,
  send: (attempt: number) => Promise<Omit<FireAttempt, 'nextInMs'>>,
  onAttempt: (attempt: FireAttempt) => void,
): Promise<{ attempts: FireAttempt[]; state: 'delivered' | 'failed' | 'cancelled' }> {
  const attempts: FireAttempt[] = [];
  for (let i = 0; i < schedule.length; i++) {
    if (!(await wait(delayMs(schedule, i, compression), signal))) return { attempts, state: 'cancelled' };
    const result = await send(i + 1);
    const last = i === schedule.length - 1;
    const attempt: FireAttempt = {
      ...result,
      nextInMs: result.ok || last ? null : delayMs(schedule, i + 1, compression),
    };
    attempts.push(attempt);
    onAttempt(attempt);
    if (result.ok) return { attempts, state: 'delivered' };
  }
  return { attempts, state: 'failed' };
}
