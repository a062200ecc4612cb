import type { FireBulkInput, FireBulkOutput, FireProgress } from '../../../shared/fire-models';
import { HookbenchError } from '../errors';
import { bulkFire } from './bulk-fire';
import { attemptHeaders, type Signer } from './fire-request';
import type { FireService } from './fire-service';
import { messageId } from './ids';

/**
 * Bulk fire of one event: one body (the edited one or one sample), a fresh message id and signature per request,
 * progress about every 100 ms as `fire:progress`, and the counts and latency percentiles at the end.
 */
export async function runBulk(
  input: FireBulkInput,
  fire: FireService,
  signer: Signer | null,
  onProgress: (progress: FireProgress) => void,
): Promise<FireBulkOutput> {
  const found = fire.event(input.provider, input.event);
  const [target] = await fire.targets(input.target, found.provider.detail.id, found.event.info.name);
  if (!target) throw new HookbenchError('not_found', 'No target to send to.');
  const body = fire.body(found, input.body, input.envelope ?? target.envelope);
  const template = fire.delivery(found, target, body, input);
  if (template.sign && !signer) throw new HookbenchError('unavailable', 'Signing is not available.');
  const { runId, signal, end } = fire.begin();
  const idPrefix = template.delivery.idPrefix || 'msg_';
  const emit = (
    state: FireProgress['state'],
    c: { done: number; ok: number; errors: number; elapsedMs: number },
  ): void =>
    onProgress({
      runId,
      kind: 'bulk',
      state,
      total: input.count,
      attempt: null,
      step: null,
      ...c,
    });
  try {
    const result = await bulkFire({
      url: template.url,
      method: template.delivery.method,
      body: template.body,
      count: input.count,
      concurrency: input.concurrency,
      timeoutMs: input.timeoutMs,
      headersFor: () => attemptHeaders({ ...template, messageId: messageId(idPrefix) }, signer),
      signal,
      onProgress: (c) => emit('running', c),
    });
    emit(result.cancelled ? 'cancelled' : 'done', result);
    return {
      runId,
      url: template.url,
      sent: result.done,
      ok: result.ok,
      errors: result.errors,
      statusCounts: result.statusCounts,
      errorMessages: result.errorMessages,
      latencyMs: result.latencyMs,
      durationMs: result.elapsedMs,
      requestsPerSecond: result.requestsPerSecond,
      cancelled: result.cancelled,
    };
  } finally {
    end();
  }
}
