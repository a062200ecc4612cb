import type { Subscribe } from '../../../shared/api';
import { EVENT_CHANNELS, type EventChannel } from '../../../shared/channels';
import type { ConnectionFeed, ConnectionState } from './connection-state';

/** The part of the browser's `EventSource` used here; tests pass a fake. */
export interface EventSourceLike {
  readonly readyState: number;
  onopen: ((event: Event) => void) | null;
  onerror: ((event: Event) => void) | null;
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void): void;
  close(): void;
}

/** `EventSource.CLOSED`: the browser gave up and will not retry by itself (e.g. the server answered 403). */
const CLOSED = 2;

export interface EventStreamOptions {
  url: string;
  createEventSource: (url: string) => EventSourceLike;
  /** How long to wait before reopening a stream the browser gave up on, by attempt (1, 2, …). */
  retryDelayMs?: (attempt: number) => number;
  /** Told about events that could not be read, so they are logged rather than silently lost. */
  onProblem?: (message: string) => void;
}

/** Pushed events and the connection state of one server-sent event stream. */
export interface EventStream {
  on: Subscribe;
  connection: ConnectionFeed;
  close(): void;
}

const backoff = (attempt: number): number => Math.min(30_000, 1000 * 2 ** (attempt - 1));

/**
 * Opens the browser-mode event stream and keeps it open. While the connection is only interrupted the browser
 * reconnects by itself; when it gives up (the stream is CLOSED) we open a new one after a growing delay, because a
 * restarted `hookbench serve` should bring the page back to life without a reload.
 */
export function openEventStream(options: EventStreamOptions): EventStream {
  const listeners = new Map<EventChannel, Set<(payload: unknown) => void>>();
  const stateListeners = new Set<(state: ConnectionState) => void>();
  const retryDelay = options.retryDelayMs ?? backoff;
  const report = options.onProblem ?? ((message: string) => console.error(message));
  let state: ConnectionState = 'connecting';
  let source: EventSourceLike | null = null;
  let failures = 0;
  let closed = false;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;

  const setState = (next: ConnectionState): void => {
    if (next === state) return;
    state = next;
    for (const listener of [...stateListeners]) listener(next);
  };

  const deliver = (event: EventChannel, data: string): void => {
    let payload: unknown;
    try {
      payload = JSON.parse(data);
    } catch {
      report(`Hookbench ignored a "${event}" event whose data is not JSON: ${data.slice(0, 200)}`);
      return;
    }
    for (const listener of [...(listeners.get(event) ?? [])]) listener(payload);
  };

  const open = (): void => {
    const stream = options.createEventSource(options.url);
    source = stream;
    stream.onopen = () => {
      failures = 0;
      setState('connected');
    };
    stream.onerror = () => {
      if (closed || source !== stream) return;
      setState('reconnecting');
      if (stream.readyState === CLOSED) {
        stream.close();
        failures += 1;
        retryTimer = setTimeout(open, retryDelay(failures));
      }
    };
    for (const name of EVENT_CHANNELS) {
      stream.addEventListener(name, (message) => deliver(name, message.data));
    }
  };

  open();

  const on: Subscribe = (event, listener) => {
    const set = listeners.get(event) ?? new Set();
    listeners.set(event, set);
    const untyped = listener as (payload: unknown) => void;
    set.add(untyped);
    return () => {
      set.delete(untyped);
    };
  };

  return {
    on,
    connection: {
      current: () => state,
      subscribe: (listener) => {
        stateListeners.add(listener);
        return () => {
          stateListeners.delete(listener);
        };
      },
    },
    close: () => {
      closed = true;
      clearTimeout(retryTimer);
      source?.close();
      setState('disconnected');
    },
  };
}
