import type { InboxSettings } from '../../../shared/inbox-models';
import type { CaptureRoute, CaptureSummary, DownstreamExchange, HeaderPair } from '../../../shared/models';
import type { NewCapture, StoredSignature } from '../../db/capture-repository';
import type { StoredInbox } from '../../db/inbox-repository';
import { sendDownstream } from '../forward/send-downstream';
import type { InboxService } from '../inboxes/inbox-service';
import type { CaptureWriter } from './capture-writer';
import {
  NEVER_ANSWER,
  tooLargeResponse,
  type PlannedResponse,
  type ReceivedRequest,
} from './receiver-server';

/** Case-insensitive lookup of the first header with this name. */
export function headerValue(headers: readonly HeaderPair[], name: string): string | null {
  const wanted = name.toLowerCase();
  for (const [key, value] of headers) {
    if (key.length === wanted.length && key.toLowerCase() === wanted) return value;
  }
  return null;
}

/** The path part of a request target, without the query. */
export function pathOf(url: string): string {
  const q = url.indexOf('?');
  return q === -1 ? url : url.slice(0, q);
}

/** The id that ties retries of one message together: the inbox's own header, else `svix-id`, else `webhook-id`. */
export function deliveryIdOf(headers: readonly HeaderPair[], customHeader: string | null): string | null {
  const names = customHeader ? [customHeader] : ['svix-id', 'webhook-id'];
  for (const name of names) {
    const value = headerValue(headers, name);
    if (value) return value;
  }
  return null;
}

function plain(status: number, text: string): PlannedResponse {
  return { status, headers: [['Content-Type', 'text/plain; charset=utf-8']], body: Buffer.from(text) };
}

/** What the inbox's rule or its failure simulation answers to this attempt. */
export function decideResponse(
  settings: InboxSettings,
  attempt: number,
  random: () => number,
): PlannedResponse | typeof NEVER_ANSWER {
  const { failure, response } = settings;
  if (failure.neverAnswer) return NEVER_ANSWER;
  if (attempt <= failure.failFirstAttempts) {
    return plain(
      failure.failStatus,
      `Simulated failure: attempt ${attempt} of the first ${failure.failFirstAttempts} fails.\n`,
    );
  }
  if (failure.failPercent > 0 && random() * 100 < failure.failPercent) {
    return plain(
      failure.failStatus,
      `Simulated failure: ${failure.failPercent}% of requests fail at random.\n`,
    );
  }
  return ruleAnswer(response);
}

/** The answer of each rule, made once: the rule's headers and body bytes are the same for every request it answers. */
const ruleAnswers = new WeakMap<InboxSettings['response'], PlannedResponse>();
function ruleAnswer(rule: InboxSettings['response']): PlannedResponse {
  let answer = ruleAnswers.get(rule);
  if (!answer) {
    answer = { status: rule.status, headers: rule.headers, body: Buffer.from(rule.body) };
    ruleAnswers.set(rule, answer);
  }
  return answer;
}

function fromDownstream(exchange: DownstreamExchange): PlannedResponse {
  if (exchange.status === null) return plain(502, `Forwarding failed: ${exchange.error ?? 'no answer'}\n`);
  const skip = new Set(['content-length', 'transfer-encoding', 'connection', 'keep-alive']);
  return {
    status: exchange.status,
    headers: exchange.headers.filter(([n]) => !skip.has(n.toLowerCase())),
    body: Buffer.from(exchange.bodyBase64, 'base64'),
  };
}

export interface CapturePipelineDeps {
  inboxes: InboxService;
  writer: CaptureWriter;
  /** Attempts already stored for a delivery id. */
  storedAttempts: (deliveryId: string) => number;
  onCaptured: (capture: CaptureSummary) => void;
  /**
   * Hands the committed capture to work that must not delay the answer (the check against the documented shapes):
   * the callee only queues it; it runs after the answer has gone out.
   */
  afterStored?: (summary: CaptureSummary, capture: NewCapture) => void;
  onForwarded: (id: number, exchange: DownstreamExchange) => void;
  /** The signature check of a request, from its raw headers and body; unconfigured when absent. */
  verify?: (inbox: StoredInbox, request: ReceivedRequest, route: CaptureRoute) => StoredSignature;
  /**
   * How a request arrived (direct, a tunnel, Hookbench's relay) and its headers as stored: Hookbench's internal relay
   * marker is removed here, before the check, the store and forwarding. Absent: every request is direct.
   */
  arrival?: (request: ReceivedRequest) => { route: CaptureRoute; headers: HeaderPair[] };
  maxBodyBytes: number;
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

const sleepFor = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** What `handle` learned about a request before its answer is known. */
interface Arrived {
  request: ReceivedRequest;
  path: string;
  route: CaptureRoute;
  inbox: StoredInbox;
  matched: boolean;
  deliveryId: string | null;
  attempt: number;
}

/** Stored as the answer of a request that was never answered. */
const NO_RESPONSE = Object.freeze({ status: 0, headers: [] as HeaderPair[], body: Buffer.alloc(0) });

/**
 * Turns each received request into a stored capture and an answer: route to an inbox, count the attempt, decide
 * the answer (rule, simulated failure or the forward target's answer), check the signature, commit, report, then — after the commit —
 * wait the rule's delay and answer. Forwarding in `rule` mode happens after the answer, beside the capture.
 */
export class CapturePipeline {
  /** Attempts seen per delivery id since start (seeded from the store on first sight). */
  private readonly attempts = new Map<string, number>();

  constructor(private readonly deps: CapturePipelineDeps) {}

  private nextAttempt(deliveryId: string | null): number {
    if (deliveryId === null) return 1;
    const seen = this.attempts.get(deliveryId) ?? this.deps.storedAttempts(deliveryId);
    if (this.attempts.size > 50_000) this.attempts.clear();
    this.attempts.set(deliveryId, seen + 1);
    return seen + 1;
  }

  /**
   * The receiver's request handler. Not an `async` function: it runs once per request, and its common path (no
   * forwarding to wait for) goes straight to the commit without suspending.
   */
  readonly handle = (
    received: ReceivedRequest,
  ): PlannedResponse | typeof NEVER_ANSWER | Promise<PlannedResponse | typeof NEVER_ANSWER> => {
    const arrival = this.deps.arrival?.(received);
    const request: ReceivedRequest =
      arrival && arrival.headers !== received.headers ? { ...received, headers: arrival.headers } : received;
    const route = arrival?.route ?? 'direct';
    const path = pathOf(request.url);
    const { inbox, matched } = this.deps.inboxes.route(path);
    const { settings } = inbox;
    const deliveryId = deliveryIdOf(request.headers, settings.deliveryIdHeader);
    const attempt = this.nextAttempt(deliveryId);
    const planned = request.truncated
      ? tooLargeResponse(this.deps.maxBodyBytes)
      : decideResponse(settings, attempt, this.deps.random ?? Math.random);
    const arrived: Arrived = { request, path, route, inbox, matched, deliveryId, attempt };
    if (
      settings.forward.url &&
      !request.truncated &&
      settings.forward.respondWith === 'downstream' &&
      planned !== NEVER_ANSWER
    ) {
      return this.forward(request, settings.forward.url, settings).then((exchange) =>
        this.store(arrived, fromDownstream(exchange), exchange),
      );
    }
    return this.store(arrived, planned, null);
  };

  /** Commits the capture with its answer, reports it, then (after the commit) waits the rule's delay. */
  private store(
    arrived: Arrived,
    planned: PlannedResponse | typeof NEVER_ANSWER,
    forwarded: DownstreamExchange | null,
  ): Promise<PlannedResponse | typeof NEVER_ANSWER> {
    const { request, route, inbox } = arrived;
    const { settings } = inbox;
    const capture: NewCapture = {
      inbox: inbox.slug,
      receivedAt: request.receivedAt,
      method: request.method,
      url: request.url,
      path: arrived.path,
      httpVersion: request.httpVersion,
      headers: request.headers,
      contentType: headerValue(request.headers, 'content-type'),
      body: request.body,
      truncated: request.truncated,
      remoteAddress: request.remoteAddress,
      durationMs: Math.max(0, performance.now() - request.startedAt),
      response: planned === NEVER_ANSWER ? NO_RESPONSE : planned,
      unmatched: !arrived.matched,
      deliveryId: arrived.deliveryId,
      attempt: arrived.attempt,
      forwarded,
      route,
      // Checked here, from the bytes as received, and stored in the same insert as the capture.
      signature: this.deps.verify?.(inbox, request, route),
    };
    return this.deps.writer.write(capture).then((summary) => {
      this.deps.onCaptured(summary);
      this.deps.afterStored?.(summary, capture);
      const forwardTo = settings.forward.url;
      if (forwardTo && !request.truncated && forwarded === null) {
        void this.forward(request, forwardTo, settings).then((exchange) =>
          this.deps.onForwarded(summary.id, exchange),
        );
      }
      if (planned !== NEVER_ANSWER && settings.response.delayMs > 0) {
        return (this.deps.sleep ?? sleepFor)(settings.response.delayMs).then(() => planned);
      }
      return planned;
    });
  }

  private forward(
    request: ReceivedRequest,
    url: string,
    settings: InboxSettings,
  ): Promise<DownstreamExchange> {
    return sendDownstream({
      method: request.method,
      url,
      headers: request.headers,
      body: request.body,
      timeoutMs: settings.forward.timeoutMs,
    });
  }
}
