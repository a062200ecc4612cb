import { SVIX_RETRY_SCHEDULE, type FireAttempt, type FireSign } from '../../../shared/fire-models';
import type { HeaderPair } from '../../../shared/models';
import type { Catalog } from '../catalog/catalog';
import { isObject } from '../catalog/json-pointer';
import { sendAttempt, type Delivery } from '../fire/fire-request';
import { messageId } from '../fire/ids';
import { runWithRetries } from '../fire/retry-schedule';
import { newSampleContext, samplePayload } from '../fire/sample-payload';
import { sendDownstream } from '../forward/send-downstream';
import { sign } from '../signatures/index';
import type { DeliveryStats } from './sandbox-state';

/** One attempt as the sandbox logs it (`GET /_sandbox/subscriptions/<id>/attempts`). */
export interface AttemptLog {
  messageId: string;
  eventType: string;
  attempt: number;
  at: string;
  url: string;
  ok: boolean;
  status: number | null;
  error: string | null;
  durationMs: number;
  /** Milliseconds until the next attempt (time-compressed), null when none follows. */
  nextInMs: number | null;
}

/** What `/_sandbox/events` reports per subscription: its first attempt (retries go on in the background). */
export interface DeliveryReport {
  provider: string;
  subscriptionId: string;
  url: string;
  messageId: string;
  eventType: string;
  ok: boolean;
  status: number | null;
  error: string | null;
}

/** One subscription to deliver to, already resolved from a provider's shape. */
export interface DeliveryTarget {
  provider: 'credo-ai' | 'compliance-platform-v1' | 'credas';
  subscriptionId: string;
  url: string;
  eventType: string;
  /** The JSON body to send. */
  body: unknown;
  sign?: FireSign;
  /** Fetch a Bearer token before each attempt (Credo AI `o_auth`). */
  oauth?: { server: string; payload: unknown; payloadType: string };
  stats?: DeliveryStats;
  /** Delays before each attempt in seconds; default the provider's schedule (Svix's when it documents none). */
  schedule?: readonly number[];
  onDelivered?: (attempt: AttemptLog) => void;
}

const MAX_LOG = 500;

/** Asks an OAuth token server for a token with the subscription's `authentication_payload`. */
export async function fetchOAuthToken(
  oauth: NonNullable<DeliveryTarget['oauth']>,
  timeoutMs: number,
): Promise<string> {
  const form = /x-www-form-urlencoded/i.test(oauth.payloadType);
  const fields = isObject(oauth.payload) ? oauth.payload : {};
  const body = form
    ? new URLSearchParams(Object.entries(fields).map(([k, v]): [string, string] => [k, String(v)])).toString()
    : JSON.stringify(oauth.payload ?? {});
  const exchange = await sendDownstream({
    method: 'POST',
    url: oauth.server,
    headers: [
      ['Content-Type', oauth.payloadType],
      ['Accept', 'application/json'],
    ],
    body: Buffer.from(body),
    timeoutMs,
  });
  if (exchange.error) throw new Error(`OAuth token server: ${exchange.error}`);
  if (exchange.status === null || exchange.status < 200 || exchange.status >= 300)
    throw new Error(`OAuth token server answered ${exchange.status ?? 'nothing'}.`);
  let token: unknown;
  try {
    token = (
      JSON.parse(Buffer.from(exchange.bodyBase64, 'base64').toString('utf8')) as { access_token?: unknown }
    ).access_token;
  } catch {
    throw new Error('OAuth token server: the answer is not JSON.');
  }
  if (typeof token !== 'string' || !token)
    throw new Error('OAuth token server: no access_token in the answer.');
  return token;
}

/**
 * Delivers sandbox events like the providers do: the catalogue's sample (or the given data) in the provider's
 * envelope, the provider's delivery headers, Svix / Standard Webhooks signing, an OAuth Bearer token when asked,
 * retries on the provider's schedule compressed in time, and per-subscription stats and attempt logs.
 */
export class SandboxDelivery {
  private readonly logs = new Map<string, AttemptLog[]>();
  private readonly controller = new AbortController();

  constructor(
    private readonly deps: {
      catalog: () => Catalog;
      /** Divides every retry delay: 1000 turns 5 minutes into 0.3 s. */
      compression: number;
      timeoutMs: number;
      onChange: () => void;
    },
  ) {}

  /** The attempts logged for a subscription, oldest first. */
  attempts(subscriptionId: string): AttemptLog[] {
    return [...(this.logs.get(subscriptionId) ?? [])];
  }

  /** A catalogued sample of an event with the given envelope; `data` replaces the sample's `data` when given. */
  sampleBody(
    provider: string,
    eventType: string,
    data: unknown,
    envelope: { prefix?: string | null; suffix?: string | null } = {},
  ): unknown {
    const found = this.deps.catalog().findEvent(eventType, provider);
    const sample = samplePayload(found.provider, found.event, newSampleContext(), envelope).payload;
    if (data === undefined) return sample;
    if (isObject(sample) && 'data' in sample) return { ...sample, data };
    if (isObject(sample)) return { ...sample, data };
    return data;
  }

  private log(id: string, entry: AttemptLog): void {
    const list = this.logs.get(id) ?? [];
    list.push(entry);
    if (list.length > MAX_LOG) list.splice(0, list.length - MAX_LOG);
    this.logs.set(id, list);
  }

  /** Delivers to one subscription; resolves after the first attempt, retries go on in the background. */
  deliver(target: DeliveryTarget): Promise<DeliveryReport> {
    const found = this.deps.catalog().get(target.provider);
    const info = found.detail.delivery;
    const id = messageId(info.idPrefix || 'msg_');
    const schedule =
      target.schedule ?? (info.retrySchedule.length > 1 ? info.retrySchedule : [...SVIX_RETRY_SCHEDULE]);
    const d: Delivery = {
      url: target.url,
      body: Buffer.from(JSON.stringify(target.body)),
      messageId: id,
      delivery: info,
      headers: [],
      sign: target.sign,
      timeoutMs: this.deps.timeoutMs,
    };
    const send = async (n: number): Promise<Omit<FireAttempt, 'nextInMs'>> => {
      let headers: HeaderPair[] = [];
      if (target.oauth) {
        try {
          headers = [['Authorization', `Bearer ${await fetchOAuthToken(target.oauth, this.deps.timeoutMs)}`]];
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          return {
            attempt: n,
            ok: false,
            requestHeaders: [],
            exchange: {
              at: Date.now(),
              method: 'POST',
              url: target.url,
              status: null,
              headers: [],
              bodyBase64: '',
              durationMs: 0,
              error: message,
            },
          };
        }
      }
      return sendAttempt({ ...d, headers }, sign, n);
    };
    let resolveFirst: (report: DeliveryReport) => void = () => undefined;
    const first = new Promise<DeliveryReport>((resolve) => (resolveFirst = resolve));
    void runWithRetries(schedule, this.deps.compression, this.controller.signal, send, (a) => {
      const entry: AttemptLog = {
        messageId: id,
        eventType: target.eventType,
        attempt: a.attempt,
        at: new Date(a.exchange.at).toISOString(),
        url: target.url,
        ok: a.ok,
        status: a.exchange.status,
        error: a.exchange.error,
        durationMs: a.exchange.durationMs,
        nextInMs: a.nextInMs,
      };
      this.log(target.subscriptionId, entry);
      if (target.stats) {
        target.stats.total_deliveries++;
        if (a.ok) target.stats.successful_deliveries++;
        else target.stats.failed_deliveries++;
      }
      target.onDelivered?.(entry);
      this.deps.onChange();
      resolveFirst({
        provider: target.provider,
        subscriptionId: target.subscriptionId,
        url: target.url,
        messageId: id,
        eventType: target.eventType,
        ok: a.ok,
        status: a.exchange.status,
        error: a.exchange.error,
      });
    });
    return first;
  }

  /** Stops every pending retry (the sandbox is closing). */
  close(): void {
    this.controller.abort();
  }
}
