import { randomUUID } from 'node:crypto';
import type {
  EnvelopeOptions,
  FireAttempt,
  FireBulkInput,
  FireBulkOutput,
  FireProgress,
  FireSampleOutput,
  FireSendInput,
  FireSendOutput,
  FireSign,
  FireTarget,
} from '../../../shared/fire-models';
import type { Catalog, FoundEvent } from '../catalog/catalog';
import { isObject } from '../catalog/json-pointer';
import { HookbenchError } from '../errors';
import { applyEnvelope } from './envelope';
import { sendAttempt, type Delivery, type Signer } from './fire-request';
import { messageId } from './ids';
import { resolveSchedule, runWithRetries } from './retry-schedule';
import { runBulk } from './run-bulk';
import { newSampleContext, samplePayload, type SampleContext } from './sample-payload';

/** A subscription of a sandbox tenant that listens to an event (the subscriptions feature provides these). */
export interface TenantTarget {
  url: string;
  sign?: FireSign;
  envelope?: EnvelopeOptions;
}

export interface FireServiceDeps {
  catalog: () => Catalog;
  /** Signs like a provider (the signatures module's `sign`); null: signing is refused. */
  signer: Signer | null;
  /** The receiver's base URL, e.g. `http://127.0.0.1:4545`; null while it is not listening. */
  receiverUrl: () => string | null;
  inboxExists: (slug: string) => boolean;
  /** The subscriptions of a sandbox tenant listening to an event; absent until sandbox tenants exist. */
  tenantTargets?: (
    tenant: string,
    provider: string,
    event: string,
  ) => Promise<TenantTarget[]> | TenantTarget[];
  onProgress: (progress: FireProgress) => void;
}

/** A resolved destination with what it adds (a subscription's own signing and envelope). */
export interface ResolvedTarget {
  url: string;
  sign?: FireSign | undefined;
  envelope?: EnvelopeOptions | undefined;
}

/**
 * Fires catalogued events: samples, single sends with the provider's retry schedule, bulk fire and scenarios, to an
 * inbox of the local receiver, a URL or a sandbox tenant's subscriptions.
 */
export class FireService {
  private readonly runs = new Map<string, AbortController>();

  constructor(private readonly deps: FireServiceDeps) {}

  /** Finds an event that can be fired (wildcards such as `all` cannot). */
  event(provider: string, event: string): FoundEvent {
    const found = this.deps.catalog().findEvent(event, provider);
    if (found.event.info.kind === 'wildcard') {
      throw new HookbenchError(
        'invalid_input',
        `${found.event.info.name} is a subscription wildcard, not an event that is delivered: pick an event.`,
      );
    }
    return found;
  }

  /** A realistic payload for an event (see `samplePayload`), with the ids it generated. */
  sample(
    input: { provider: string; event: string; envelope?: EnvelopeOptions | undefined },
    ctx: SampleContext = newSampleContext(),
  ): FireSampleOutput {
    const { provider, event } = this.event(input.provider, input.event);
    const sample = samplePayload(provider, event, ctx, input.envelope);
    return {
      provider: provider.detail.id,
      event: event.info.name,
      payload: sample.payload,
      body: JSON.stringify(sample.payload, null, 2),
      documented: sample.documented,
      warnings: sample.warnings,
      ids: Object.fromEntries(ctx.ids),
    };
  }

  /** Where a target sends: the inbox's URL on the local receiver, the URL, or the tenant's subscriptions. */
  async targets(target: FireTarget, provider: string, event: string): Promise<ResolvedTarget[]> {
    if (target.kind === 'url') return [{ url: target.url }];
    if (target.kind === 'inbox') {
      const base = this.deps.receiverUrl();
      if (!base)
        throw new HookbenchError(
          'unavailable',
          'The receiver is not listening: start it to fire to an inbox.',
        );
      if (!this.deps.inboxExists(target.inbox))
        throw new HookbenchError('not_found', `No inbox "${target.inbox}".`);
      return [{ url: `${base}/hooks/${target.inbox}` }];
    }
    if (!this.deps.tenantTargets) {
      throw new HookbenchError(
        'unavailable',
        'Sandbox tenants are not available in this version: fire to an inbox or a URL.',
      );
    }
    const found = await this.deps.tenantTargets(target.tenant, provider, event);
    if (found.length === 0) {
      throw new HookbenchError(
        'not_found',
        `No subscription of tenant "${target.tenant}" listens to ${event}.`,
      );
    }
    return found;
  }

  /**
   * The body to send: the edited text as it is (its envelope `type` re-composed when prefix/suffix are given), or a
   * fresh sample, compact as providers send it.
   */
  body(
    found: FoundEvent,
    text: string | undefined,
    envelope: EnvelopeOptions | undefined,
    ctx?: SampleContext,
  ): string {
    const { provider, event } = found;
    if (text === undefined) {
      const sample = samplePayload(provider, event, ctx ?? newSampleContext(), envelope);
      return JSON.stringify(sample.payload);
    }
    if (!envelope || !provider.envelope) return text;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new HookbenchError(
        'invalid_input',
        'body: the prefix/suffix can only be applied to a JSON body; this one does not parse.',
      );
    }
    if (!isObject(parsed)) return text;
    return JSON.stringify(applyEnvelope(provider.envelope, event.info.name, parsed, envelope, false));
  }

  /** Builds the delivery of one message to one target. */
  delivery(
    found: FoundEvent,
    target: ResolvedTarget,
    body: string,
    input: { headers: FireSendInput['headers']; sign?: FireSign | undefined; timeoutMs: number },
  ): Delivery {
    const info = found.provider.detail.delivery;
    return {
      url: target.url,
      body: Buffer.from(body),
      messageId: messageId(info.idPrefix || 'msg_'),
      delivery: info,
      headers: input.headers,
      sign: input.sign ?? target.sign,
      timeoutMs: input.timeoutMs,
    };
  }

  private startRun(): { runId: string; signal: AbortSignal; end: () => void } {
    const runId = randomUUID();
    const controller = new AbortController();
    this.runs.set(runId, controller);
    return { runId, signal: controller.signal, end: () => this.runs.delete(runId) };
  }

  /** Sends one attempt of a prepared delivery (no retries): used by scenarios. */
  attempt(d: Delivery): Promise<FireAttempt> {
    return sendAttempt(d, this.deps.signer, 1).then((a) => ({ ...a, nextInMs: null }));
  }

  /**
   * Sends one event. With a retry policy, failed attempts are retried on the schedule with the same message id
   * (each signed with its own timestamp). Unless `wait`, the answer comes after the first attempt with state
   * `retrying`, and later attempts arrive as `fire:progress` events of the run.
   */
  async send(input: FireSendInput, wait = false): Promise<FireSendOutput> {
    const found = this.event(input.provider, input.event);
    const [first, ...others] = await this.targets(
      input.target,
      found.provider.detail.id,
      found.event.info.name,
    );
    if (!first) throw new HookbenchError('not_found', 'No target to send to.');
    const body = this.body(found, input.body, input.envelope ?? first.envelope);
    const d = this.delivery(found, first, body, input);
    if (d.sign && !this.deps.signer) throw new HookbenchError('unavailable', 'Signing is not available.');
    const schedule = resolveSchedule(input.retry, d.delivery);
    const compression = input.retry?.compression ?? 1;
    const { runId, signal, end } = this.startRun();
    const started = performance.now();
    let resolveFirst: (a: FireAttempt) => void = () => undefined;
    const firstAttempt = new Promise<FireAttempt>((resolve) => (resolveFirst = resolve));
    const progress = (
      state: FireProgress['state'],
      attempts: FireAttempt[],
      latest: FireAttempt | null,
    ): void =>
      this.deps.onProgress({
        runId,
        kind: 'send',
        state,
        done: attempts.length,
        total: schedule.length,
        ok: attempts.filter((a) => a.ok).length,
        errors: attempts.filter((a) => !a.ok).length,
        elapsedMs: performance.now() - started,
        attempt: latest,
        step: null,
      });
    const seen: FireAttempt[] = [];
    const run = runWithRetries(
      schedule,
      compression,
      signal,
      (n) => sendAttempt(d, this.deps.signer, n),
      (a) => {
        seen.push(a);
        resolveFirst(a);
        progress(a.nextInMs === null ? (a.ok ? 'delivered' : 'failed') : 'running', seen, a);
      },
    ).then((outcome) => {
      end();
      if (outcome.state === 'cancelled') progress('cancelled', outcome.attempts, null);
      return outcome;
    });
    const base = {
      runId,
      provider: found.provider.detail.id,
      event: found.event.info.name,
      messageId: d.messageId,
      url: d.url,
      body,
    };
    const result = await Promise.race([run, wait ? run : firstAttempt.then(() => null)]);
    const output: FireSendOutput = result
      ? { ...base, attempts: result.attempts, state: result.state, alsoSentTo: [] }
      : {
          ...base,
          attempts: [...seen],
          state: seen.some((a) => a.ok) ? 'delivered' : 'retrying',
          alsoSentTo: [],
        };
    for (const other of others) {
      const attempt = await this.attempt(
        this.delivery(found, other, this.body(found, input.body, input.envelope ?? other.envelope), input),
      );
      output.alsoSentTo.push({
        url: other.url,
        status: attempt.exchange.status,
        error: attempt.exchange.error,
      });
    }
    return output;
  }

  /** Fires `count` copies of an event at `concurrency`, each with its own message id and signature. */
  bulk(input: FireBulkInput): Promise<FireBulkOutput> {
    return runBulk(input, this, this.deps.signer, this.deps.onProgress);
  }

  /** Registers a run that `cancel` can stop (bulk fire, scenarios). */
  begin(): { runId: string; signal: AbortSignal; end: () => void } {
    return this.startRun();
  }

  /** Stops a retrying send, a bulk fire or a scenario; false when no such run is going. */
  cancel(runId: string): boolean {
    const run = this.runs.get(runId);
    if (!run) return false;
    run.abort();
    return true;
  }

  /** Stops every run (the workbench is closing). */
  close(): void {
    for (const run of this.runs.values()) run.abort();
  }
}
