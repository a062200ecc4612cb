import { request } from 'node:http';
import { SseParser, type ServerSentEvent } from './sse-parser';
import type { TunnelCallbacks, TunnelHandle } from './tunnel-handle';

/**
 * The header Hookbench's relay client adds to each request it re-sends to the receiver, with the run's secret token
 * as its value. The capture pipeline trusts it only from loopback with the right token, marks the capture's route
 * `relay` and strips the header before storing.
 */
export const RELAY_HEADER = 'X-Hookbench-Relay';

/** Fields of a smee message that are not headers of the original request, and hop headers that do not carry over. */
const NOT_FORWARDED = new Set([
  'body',
  'query',
  'timestamp',
  'host',
  'content-length',
  'transfer-encoding',
  'connection',
  'keep-alive',
  RELAY_HEADER.toLowerCase(),
]);

/** A request rebuilt from one relay message, as Hookbench's relay client sends it to the receiver. */
export interface RelayedRequest {
  /** Path and query on the receiver. */
  path: string;
  headers: Record<string, string | string[]>;
  body: Buffer;
}

/**
 * Turns one smee message (`{...headers, body, query, timestamp}`) back into a request, the way smee-client does:
 * the body is `JSON.stringify` of the parsed body the relay sent (so a pretty-printed or otherwise formatted JSON body
 * arrives re-serialized), the query is merged into the target's, `host` and `content-length` are recomputed.
 */
export function rebuildRequest(message: Record<string, unknown>, targetPath: string): RelayedRequest {
  const url = new URL(targetPath, 'http://relay.invalid');
  const query = message.query;
  if (query !== null && typeof query === 'object') {
    for (const [key, value] of Object.entries(query as Record<string, unknown>)) {
      for (const item of Array.isArray(value) ? value : [value]) url.searchParams.append(key, String(item));
    }
  }
  const raw = message.body;
  const body =
    raw === undefined ? Buffer.alloc(0) : Buffer.from(typeof raw === 'string' ? raw : JSON.stringify(raw));
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(message)) {
    if (NOT_FORWARDED.has(name.toLowerCase())) continue;
    if (typeof value === 'string') headers[name] = value;
    else if (Array.isArray(value)) headers[name] = value.map(String);
    else if (typeof value === 'number' || typeof value === 'boolean') headers[name] = String(value);
  }
  const typeName = Object.keys(headers).find((n) => n.toLowerCase() === 'content-type');
  const typeValue = typeName ? headers[typeName] : undefined;
  // The body is JSON now, whatever the sender's form encoding was.
  const retype =
    raw !== undefined &&
    typeof raw !== 'string' &&
    !(typeof typeValue === 'string' && /json/i.test(typeValue));
  const kept = retype
    ? Object.fromEntries(Object.entries(headers).filter(([n]) => n.toLowerCase() !== 'content-type'))
    : headers;
  return {
    path: url.pathname + url.search,
    headers: {
      ...kept,
      ...(retype ? { 'content-type': 'application/json' } : {}),
      'content-length': String(body.length),
    },
    body,
  };
}

function post(target: URL, relayed: RelayedRequest, marker: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: target.hostname.replace(/^\[|\]$/g, ''),
        port: target.port,
        method: 'POST',
        path: relayed.path,
        headers: { ...relayed.headers, [RELAY_HEADER]: marker },
        agent: false,
        timeout: 30_000,
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('timeout', () => req.destroy(new Error('no answer within 30 s')));
    req.on('error', reject);
    req.end(relayed.body);
  });
}

export interface RelayOptions {
  /** The channel URL, e.g. `https://smee.io/abc123`: senders post there; this client listens to it. */
  channelUrl: string;
  /** The receiver URL messages are re-sent to, with the inbox path (`http://127.0.0.1:4545/hooks/default`). */
  target: string;
  /** The run's relay token (the value of `X-Hookbench-Relay`). */
  marker: string;
  /** Give up when the relay does not answer within this time. */
  connectTimeoutMs: number;
}

function describe(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}

/**
 * Connects to a smee-style relay channel (server-sent events) and re-sends every message to the receiver. Online once
 * the event stream is open; the stream ending or failing is a failure the manager restarts. Messages are delivered
 * one at a time, in order.
 */
export function startRelay(options: RelayOptions, callbacks: TunnelCallbacks): TunnelHandle {
  const abort = new AbortController();
  let stopped = false;
  let settled = false;
  const target = new URL(options.target);
  const fail = (message: string, retry: boolean): void => {
    if (stopped || settled) return;
    settled = true;
    callbacks.failed(message, retry);
    abort.abort();
  };
  let delivering: Promise<void> = Promise.resolve();
  const deliver = (event: ServerSentEvent): void => {
    // smee sends `ready` when the stream opens and `ping` now and then; webhooks come as plain messages.
    if (event.event !== 'message') return;
    let message: unknown;
    try {
      message = JSON.parse(event.data);
    } catch {
      callbacks.output('Skipped a relay message that is not JSON.');
      return;
    }
    if (message === null || typeof message !== 'object' || Array.isArray(message)) return;
    const relayed = rebuildRequest(message as Record<string, unknown>, target.pathname + target.search);
    delivering = delivering.then(async () => {
      try {
        const status = await post(target, relayed, options.marker);
        callbacks.output(
          `Relayed POST ${relayed.path} (${relayed.body.length} bytes): the receiver answered ${status}.`,
        );
      } catch (error) {
        callbacks.output(`Could not deliver a relayed request to ${options.target}: ${describe(error)}`);
      }
    });
  };

  const run = async (): Promise<void> => {
    const timer = setTimeout(() => {
      fail(
        `The relay ${options.channelUrl} did not answer within ${Math.round(options.connectTimeoutMs / 1000)} s.`,
        true,
      );
    }, options.connectTimeoutMs);
    let res: Response;
    try {
      res = await fetch(options.channelUrl, {
        headers: { Accept: 'text/event-stream' },
        signal: abort.signal,
      });
    } catch (error) {
      clearTimeout(timer);
      fail(`Could not reach the relay ${options.channelUrl}: ${describe(error)}`, true);
      return;
    }
    clearTimeout(timer);
    const type = res.headers.get('content-type') ?? '';
    if (!res.ok || !type.includes('text/event-stream') || !res.body) {
      await res.body?.cancel().catch(() => undefined);
      const permanent = res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429;
      fail(
        res.ok
          ? `${options.channelUrl} is not a relay channel: it answered ${type || 'no content type'} instead of an event stream.`
          : `The relay answered ${res.status} ${res.statusText} for ${options.channelUrl}.`,
        !res.ok && !permanent,
      );
      return;
    }
    callbacks.output(`Connected to ${options.channelUrl}; relaying to ${options.target}.`);
    callbacks.online(options.channelUrl);
    const parser = new SseParser();
    const decoder = new TextDecoder();
    try {
      for await (const chunk of res.body as AsyncIterable<Uint8Array>) {
        for (const event of parser.feed(decoder.decode(chunk, { stream: true }))) deliver(event);
      }
      fail(`The relay ${options.channelUrl} closed the connection.`, true);
    } catch (error) {
      fail(`The connection to the relay ${options.channelUrl} broke: ${describe(error)}`, true);
    }
  };
  void run();

  return {
    stop() {
      stopped = true;
      abort.abort();
      return Promise.resolve();
    },
  };
}

/**
 * Asks a smee-style relay for a new channel: `GET <newUrl>` answers with a redirect to the channel's URL (smee.io's
 * `https://smee.io/new` redirects to `https://smee.io/<random>`).
 */
export async function createRelayChannel(newUrl: string, timeoutMs: number): Promise<string> {
  let res: Response;
  try {
    res = await fetch(newUrl, { redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    throw new Error(`Could not ask ${newUrl} for a new channel: ${describe(error)}`, { cause: error });
  }
  await res.body?.cancel().catch(() => undefined);
  const location = res.headers.get('location');
  if (res.status < 300 || res.status >= 400 || !location) {
    throw new Error(`${newUrl} did not hand out a channel (it answered ${res.status} without a redirect).`);
  }
  return new URL(location, newUrl).toString();
}
