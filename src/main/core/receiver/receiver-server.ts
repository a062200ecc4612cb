import { EventEmitter } from 'node:events';
import { createServer as createNetServer, type AddressInfo, type Server as NetServer } from 'node:net';
import type { HeaderPair } from '../../../shared/models';
import type { RequestHead } from './http1';
import { ReceiverConnection, type ConnectionHost } from './receiver-connection';

/** One request exactly as it arrived. */
export interface ReceivedRequest {
  method: string;
  /** Path and query as sent, undecoded. */
  url: string;
  httpVersion: string;
  /** Header names in their original case and order, duplicates kept. */
  headers: HeaderPair[];
  body: Buffer;
  /** True when the body went over the size cap and only its first bytes were kept. */
  truncated: boolean;
  remoteAddress: string | null;
  /** Wall-clock time the request started arriving, ms since the epoch. */
  receivedAt: number;
  /** `performance.now()` at the same moment, to measure durations without clock jumps. */
  startedAt: number;
}

/** What to answer. */
export interface PlannedResponse {
  status: number;
  headers: HeaderPair[];
  body: Buffer;
}

/** Returned by a handler to hold the connection open without answering (to exercise a sender's timeout). */
export const NEVER_ANSWER = Symbol('never-answer');

/**
 * Decides the answer to a request and records it. The receiver writes the answer only after this resolves, so a
 * handler that commits the capture first guarantees that every acknowledged request is stored.
 */
export type RequestHandler = (
  request: ReceivedRequest,
) => PlannedResponse | typeof NEVER_ANSWER | Promise<PlannedResponse | typeof NEVER_ANSWER>;

export interface ReceiverOptions {
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Bodies above this many bytes are answered 413 and kept truncated. Default 10 MiB. */
  maxBodyBytes?: number;
  /** A client must send all its headers within this time. */
  headersTimeoutMs?: number;
  /** A client must send the whole request within this time. */
  requestTimeoutMs?: number;
  /** An idle kept-alive connection is closed after this time. Default 5 s. */
  keepAliveTimeoutMs?: number;
  /**
   * Host header values accepted besides loopback names (for a tunnel's public host). Null or empty accepts any Host;
   * requests for other hosts get 421 and are not stored.
   */
  allowedHosts?: readonly string[] | null;
}

export interface ReceiverAddress {
  host: string;
  port: number;
  url: string;
}

export interface ReceiverEvents {
  listening: [ReceiverAddress];
  closed: [];
  /** The request could not be handled (malformed, or the handler failed); the receiver itself keeps running. */
  'request-error': [Error];
}

export const DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024;

function hostForUrl(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

const PLAIN = 'text/plain; charset=utf-8';
const LOOPBACK_NAMES = new Set(['127.0.0.1', 'localhost', '::1']);
/** The largest request head accepted (as `node:http`'s default); larger ones are answered 431. */
const DEFAULT_MAX_HEADER_BYTES = 16 * 1024;
const KEEP_ALIVE_MS = 5_000;

/**
 * The local HTTP server webhooks are sent to. It knows nothing of storage or Electron: it turns each request into a
 * `ReceivedRequest`, asks its handler what to answer, and writes that answer. Binds 127.0.0.1 unless told otherwise.
 * It speaks HTTP/1.1 over `node:net` itself (framing in `http1.ts`, one connection in `receiver-connection.ts`).
 */
export class ReceiverServer extends EventEmitter<ReceiverEvents> implements ConnectionHost {
  private readonly server: NetServer;
  private readonly connections = new Set<ReceiverConnection>();
  private address: ReceiverAddress | null = null;
  private sweep: ReturnType<typeof setInterval> | null = null;
  readonly maxBodyBytes: number;
  readonly maxHeaderBytes = DEFAULT_MAX_HEADER_BYTES;
  readonly keepAliveLines: string;
  private readonly timeouts: { headersMs: number; requestMs: number; keepAliveMs: number };

  constructor(
    private readonly handler: RequestHandler,
    private options: ReceiverOptions = {},
  ) {
    super();
    this.maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
    this.timeouts = {
      headersMs: options.headersTimeoutMs ?? 10_000,
      requestMs: options.requestTimeoutMs ?? 30_000,
      keepAliveMs: options.keepAliveTimeoutMs ?? KEEP_ALIVE_MS,
    };
    const seconds = Math.max(1, Math.floor(this.timeouts.keepAliveMs / 1000));
    this.keepAliveLines = `Connection: keep-alive\r\nKeep-Alive: timeout=${seconds}\r\n\r\n`;
    // Half-open: a sender that finishes sending (shuts down its side) still gets its answer.
    this.server = createNetServer({ allowHalfOpen: true, noDelay: true }, (socket) => {
      const connection = new ReceiverConnection(socket, this);
      this.connections.add(connection);
      socket.on('close', () => this.connections.delete(connection));
    });
  }

  /** Starts listening; resolves with the real address (useful with port 0). */
  listen(): Promise<ReceiverAddress> {
    const host = this.options.host ?? '127.0.0.1';
    const port = this.options.port ?? 0;
    return new Promise((resolve, reject) => {
      const onError = (error: Error): void => reject(error);
      this.server.once('error', onError);
      this.server.listen(port, host, () => {
        this.server.off('error', onError);
        const info = this.server.address() as AddressInfo;
        this.address = { host, port: info.port, url: `http://${hostForUrl(host)}:${info.port}` };
        // One timer for every connection's timeouts, checked this often (at most 1 s past a limit).
        const { headersMs, requestMs, keepAliveMs } = this.timeouts;
        const every = Math.max(25, Math.min(1_000, headersMs / 2, requestMs / 2, keepAliveMs / 2));
        this.sweep = setInterval(() => this.expire(), every);
        this.sweep.unref();
        this.emit('listening', this.address);
        resolve(this.address);
      });
    });
  }

  /** The address once listening, else null. */
  get current(): ReceiverAddress | null {
    return this.address;
  }

  /** Stops accepting, ends idle and in-flight connections, resolves when closed. */
  close(): Promise<void> {
    if (!this.server.listening) return Promise.resolve();
    if (this.sweep) clearInterval(this.sweep);
    this.sweep = null;
    return new Promise((resolve) => {
      this.server.close(() => {
        this.address = null;
        this.emit('closed');
        resolve();
      });
      for (const connection of this.connections) connection.socket.destroy();
    });
  }

  /** Replaces the Host allow-list while running (a tunnel started or stopped). */
  setAllowedHosts(hosts: readonly string[] | null): void {
    this.options.allowedHosts = hosts;
  }

  private expire(): void {
    const now = Date.now();
    for (const connection of this.connections) {
      if (connection.expired(now, this.timeouts)) connection.timedOut();
    }
  }

  /** ConnectionHost: null when the request's Host may be served, else the 421 answer. */
  refuseHost(head: RequestHead): PlannedResponse | null {
    const allowed = this.options.allowedHosts;
    if (!allowed || allowed.length === 0) return null;
    const host = head.host;
    if (host !== null) {
      const name = host
        .replace(/:\d+$/, '')
        .replace(/^\[|\]$/g, '')
        .toLowerCase();
      if (
        LOOPBACK_NAMES.has(name) ||
        allowed.some((a) => a.toLowerCase() === name || a.toLowerCase() === host.toLowerCase())
      ) {
        return null;
      }
    }
    this.emit('request-error', new Error(`Refused a request for host ${host ?? '(none)'}`));
    return {
      status: 421,
      headers: [['Content-Type', PLAIN]],
      body: Buffer.from('This Hookbench receiver does not serve that host name.\n'),
    };
  }

  /** ConnectionHost: runs the handler; a failure is reported and answered 500, never thrown. */
  handle(request: ReceivedRequest): PlannedResponse | null | Promise<PlannedResponse | null> {
    let result: ReturnType<RequestHandler>;
    try {
      result = this.handler(request);
    } catch (error) {
      return this.failed(error);
    }
    if (result instanceof Promise) {
      return result.then(
        (planned) => (planned === NEVER_ANSWER ? null : planned),
        (error: unknown) => this.failed(error),
      );
    }
    return result === NEVER_ANSWER ? null : result;
  }

  /** ConnectionHost: a request that could not be read, or an answer header that could not be sent. */
  problem(error: Error): void {
    this.emit('request-error', error);
  }

  private failed(error: unknown): PlannedResponse {
    this.emit('request-error', error instanceof Error ? error : new Error(String(error)));
    return {
      status: 500,
      headers: [['Content-Type', PLAIN]],
      body: Buffer.from('Hookbench could not store this request; see the app log.\n'),
    };
  }
}

/** The answer given to a body over the cap. */
export function tooLargeResponse(maxBodyBytes: number): PlannedResponse {
  return {
    status: 413,
    headers: [['Content-Type', PLAIN]],
    body: Buffer.from(`Body larger than ${maxBodyBytes} bytes; Hookbench kept the first ${maxBodyBytes}.\n`),
  };
}
