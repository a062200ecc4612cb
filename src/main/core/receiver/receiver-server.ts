import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { HeaderPair } from '../../../shared/models';

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

function pairs(raw: string[]): HeaderPair[] {
  const out: HeaderPair[] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) out.push([raw[i] as string, raw[i + 1] as string]);
  return out;
}

function hostForUrl(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

const PLAIN = 'text/plain; charset=utf-8';
const LOOPBACK_NAMES = new Set(['127.0.0.1', 'localhost', '::1']);

/**
 * The local HTTP server webhooks are sent to. It knows nothing of storage or Electron: it turns each request into a
 * `ReceivedRequest`, asks its handler what to answer, and writes that answer. Binds 127.0.0.1 unless told otherwise.
 */
export class ReceiverServer extends EventEmitter<ReceiverEvents> {
  private readonly server: Server;
  private readonly sockets = new Set<Socket>();
  private address: ReceiverAddress | null = null;
  private readonly maxBodyBytes: number;

  constructor(
    private readonly handler: RequestHandler,
    private options: ReceiverOptions = {},
  ) {
    super();
    this.maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
    this.server = createServer(
      {
        headersTimeout: options.headersTimeoutMs ?? 10_000,
        requestTimeout: options.requestTimeoutMs ?? 30_000,
        keepAliveTimeout: 5_000,
        // Node checks the two timeouts above only this often (30 s by default), which would let a stalled client
        // hold a connection far longer than configured.
        connectionsCheckingInterval: Math.min(1_000, options.headersTimeoutMs ?? 1_000),
      },
      (req, res) => this.onRequest(req, res),
    );
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    this.server.on('clientError', (error, socket) => {
      this.emit('request-error', error);
      if (socket.writable && !(error as { code?: string }).code?.startsWith('ERR_HTTP_REQUEST_TIMEOUT')) {
        socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      } else {
        socket.destroy();
      }
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
    return new Promise((resolve) => {
      this.server.close(() => {
        this.address = null;
        this.emit('closed');
        resolve();
      });
      this.server.closeIdleConnections();
      for (const socket of this.sockets) socket.destroy();
    });
  }

  /** Replaces the Host allow-list while running (a tunnel started or stopped). */
  setAllowedHosts(hosts: readonly string[] | null): void {
    this.options.allowedHosts = hosts;
  }

  private hostAllowed(req: IncomingMessage): boolean {
    const allowed = this.options.allowedHosts;
    // Checked first: reading `req.headers` builds the parsed header object, which nothing else here needs.
    if (!allowed || allowed.length === 0) return true;
    const host = req.headers.host;
    if (!host) return false;
    const name = host
      .replace(/:\d+$/, '')
      .replace(/^\[|\]$/g, '')
      .toLowerCase();
    return (
      LOOPBACK_NAMES.has(name) ||
      allowed.some((a) => a.toLowerCase() === name || a.toLowerCase() === host.toLowerCase())
    );
  }

  private onRequest(req: IncomingMessage, res: ServerResponse): void {
    if (!this.hostAllowed(req)) {
      this.emit('request-error', new Error(`Refused a request for host ${req.headers.host ?? '(none)'}`));
      res.writeHead(421, { 'Content-Type': PLAIN, Connection: 'close' });
      res.end('This Hookbench receiver does not serve that host name.\n');
      req.resume();
      return;
    }
    const startedAt = performance.now();
    const receivedAt = Date.now();
    const chunks: Buffer[] = [];
    let kept = 0;
    let truncated = false;
    let finished = false;

    const complete = (): void => {
      if (finished) return;
      finished = true;
      const request: ReceivedRequest = {
        method: req.method ?? 'GET',
        url: req.url ?? '/',
        httpVersion: req.httpVersion,
        headers: pairs(req.rawHeaders),
        body: Buffer.concat(chunks, kept),
        truncated,
        remoteAddress: req.socket.remoteAddress ?? null,
        receivedAt,
        startedAt,
      };
      void this.answer(request, res);
    };

    req.on('data', (chunk: Buffer) => {
      if (truncated) return;
      const room = this.maxBodyBytes - kept;
      if (chunk.length > room) {
        if (room > 0) chunks.push(chunk.subarray(0, room));
        kept += Math.max(room, 0);
        truncated = true;
        // Stop reading a body we will not keep; the 413 closes the connection.
        res.setHeader('Connection', 'close');
        complete();
        return;
      }
      chunks.push(chunk);
      kept += chunk.length;
    });
    req.on('end', complete);
    req.on('error', (error) => this.emit('request-error', error));
  }

  private async answer(request: ReceivedRequest, res: ServerResponse): Promise<void> {
    let planned: PlannedResponse | typeof NEVER_ANSWER;
    try {
      planned = await this.handler(request);
    } catch (error) {
      this.emit('request-error', error instanceof Error ? error : new Error(String(error)));
      planned = {
        status: 500,
        headers: [['Content-Type', PLAIN]],
        body: Buffer.from('Hookbench could not store this request; see the app log.\n'),
      };
    }
    if (res.destroyed || planned === NEVER_ANSWER) return;
    res.statusCode = planned.status;
    for (const [name, value] of planned.headers) res.appendHeader(name, value);
    if (!res.hasHeader('content-length')) res.setHeader('Content-Length', planned.body.length);
    res.end(planned.body);
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
