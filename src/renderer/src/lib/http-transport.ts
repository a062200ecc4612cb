import type { RawApi } from '../../../shared/api';
import { REQUEST_CHANNELS, type RequestChannel } from '../../../shared/channels';
import type { ApiErrorCode, Result } from '../../../shared/models';
import { openEventStream, type EventSourceLike } from './event-stream';
import type { ConnectionFeed } from './connection-state';

/** Sends one request on a channel and always resolves to a `Result`, whatever happened on the way. */
export type Requester = (channel: RequestChannel, input: unknown) => Promise<Result<unknown>>;

/** The header browser mode checks on every request. */
export const TOKEN_HEADER = 'X-Hookbench-Token';

export interface HttpTransportOptions {
  /** The per-run token `hookbench serve` printed; null when the page was opened without one. */
  token: string | null;
  fetch: typeof fetch;
  createEventSource: (url: string) => EventSourceLike;
  /** Prefix for `/api/…`; empty means the page's own origin, which is where `hookbench serve` serves it. */
  baseUrl?: string;
  onProblem?: (message: string) => void;
}

const failure = (code: ApiErrorCode, message: string): Result<never> => ({
  ok: false,
  error: { code, message },
});

const NO_TOKEN_MESSAGE =
  'This page has no access token. Open the exact address `hookbench serve` printed (it ends with ?token=…).';

/** True when `value` has the shape of a `Result` (the server's answer to every request, errors included). */
function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  if (value.ok === true) return 'data' in value;
  if (value.ok !== false || !('error' in value)) return false;
  const error = value.error;
  return (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    typeof error.code === 'string' &&
    'message' in error &&
    typeof error.message === 'string'
  );
}

/**
 * Builds the browser-mode requester: `POST /api/<channel>` with the token header and the input as JSON. The body
 * of every answer is a `Result`, also for 4xx/5xx, so it is read whatever the status; anything else (server gone,
 * proxy error page) becomes an `unavailable` result with a message saying what went wrong.
 */
export function createHttpRequester(options: Omit<HttpTransportOptions, 'createEventSource'>): Requester {
  const base = options.baseUrl ?? '';
  return async (channel, input) => {
    if (!options.token) return failure('forbidden', NO_TOKEN_MESSAGE);
    let response: Response;
    try {
      response = await options.fetch(`${base}/api/${channel}`, {
        method: 'POST',
        headers: { [TOKEN_HEADER]: options.token, 'Content-Type': 'application/json' },
        body: JSON.stringify(input ?? {}),
        cache: 'no-store',
      });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return failure(
        'unavailable',
        `Cannot reach the Hookbench server (${reason}). Is \`hookbench serve\` still running?`,
      );
    }
    let body: unknown;
    try {
      body = JSON.parse(await response.text());
    } catch {
      return failure(
        'unavailable',
        `The Hookbench server answered ${channel} with HTTP ${response.status} and a body that is not JSON.`,
      );
    }
    if (isResult(body)) return body;
    return failure(
      'unavailable',
      `The Hookbench server answered ${channel} with HTTP ${response.status} but not with a Hookbench result.`,
    );
  };
}

/**
 * Lays requests out as the same `domain.verb(input)` object the desktop preload exposes, generated from the
 * channel list so a new channel needs no change here.
 */
export function rawApiFromRequester(request: Requester, on: RawApi['on']): RawApi {
  const domains: Record<string, Record<string, (input?: unknown) => Promise<Result<unknown>>>> = {};
  for (const channel of REQUEST_CHANNELS) {
    const at = channel.indexOf(':');
    const domain = (domains[channel.slice(0, at)] ??= {});
    domain[channel.slice(at + 1)] = (input) => request(channel, input);
  }
  // The loop above builds exactly the mapped RawApi type; TypeScript cannot follow a runtime loop.
  return { ...domains, on } as unknown as RawApi;
}

/** The browser-mode transport: HTTP requests plus the server-sent event stream with its connection state. */
export function createHttpTransport(options: HttpTransportOptions): {
  raw: RawApi;
  connection: ConnectionFeed;
} {
  const request = createHttpRequester(options);
  if (!options.token) {
    // Without a token the stream would only be refused over and over; say so once instead.
    const raw = rawApiFromRequester(request, () => () => undefined);
    return { raw, connection: { current: () => 'disconnected', subscribe: () => () => undefined } };
  }
  const stream = openEventStream({
    url: `${options.baseUrl ?? ''}/api/events?token=${encodeURIComponent(options.token)}`,
    createEventSource: options.createEventSource,
    ...(options.onProblem ? { onProblem: options.onProblem } : {}),
  });
  return { raw: rawApiFromRequester(request, stream.on), connection: stream.connection };
}
