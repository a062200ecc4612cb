import { randomBytes } from 'node:crypto';
import type { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { EVENT_CHANNELS } from '../../shared/channels';
import type { Handlers } from '../../shared/contract';
import type { ApiErrorCode, Result } from '../../shared/models';
import { dispatch } from '../core/dispatch';
import type { WorkbenchEvents } from '../core/workbench';
import { refusalReason, TOKEN_HEADER, tokenMatches } from './request-guard';
import { serveStatic } from './static-files';

export interface ControlServerOptions {
  handlers: Handlers;
  events: EventEmitter<WorkbenchEvents>;
  /** Folder of the built renderer (out/renderer). */
  rendererDir: string;
  /** 0 picks a free port. */
  port?: number;
  /** Fixed token for tests; a random one is made per run otherwise. */
  token?: string;
  /** Where internal errors are reported. */
  report?: (error: unknown) => void;
}

export interface ControlAddress {
  port: number;
  /** The UI address with the token, e.g. `http://127.0.0.1:4546/?token=…`. */
  uiUrl: string;
}

const MAX_REQUEST_BYTES = 1024 * 1024;
const HEARTBEAT_MS = 15_000;

const STATUS_OF: Record<ApiErrorCode, number> = {
  invalid_input: 400,
  forbidden: 403,
  not_found: 404,
  unknown_channel: 404,
  unavailable: 503,
  internal: 500,
};

function sendJson(res: ServerResponse, status: number, result: Result<unknown>): void {
  const body = JSON.stringify(result);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Length': Buffer.byteLength(body),
  });
  res.end(body);
}

function fail(res: ServerResponse, code: ApiErrorCode, message: string): void {
  sendJson(res, STATUS_OF[code], { ok: false, error: { code, message } });
}

/** Percent-decodes a path part; a malformed escape is left as is (it then names no channel). */
function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

function readBody(req: IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_REQUEST_BYTES) {
        resolve(null);
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * Browser mode's transport: the contract's handlers behind `POST /api/<channel>`, the contract's events as
 * server-sent events on `GET /api/events`, and the built renderer on every other path. Bound to 127.0.0.1 only,
 * guarded by a per-run token and Host/Origin checks so that no other web page can drive it.
 */
export class ControlServer {
  readonly token: string;
  private readonly server: Server;
  private readonly sockets = new Set<Socket>();
  private readonly streams = new Set<ServerResponse>();
  private port = 0;

  constructor(private readonly options: ControlServerOptions) {
    this.token = options.token ?? randomBytes(24).toString('base64url');
    this.server = createServer({ headersTimeout: 10_000, requestTimeout: 30_000 }, (req, res) => {
      this.route(req, res).catch((error: unknown) => {
        (options.report ?? console.error)(error);
        if (!res.headersSent) fail(res, 'internal', 'The control server failed to answer; see the log.');
        else res.destroy();
      });
    });
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  /** Listens on 127.0.0.1 and resolves with the port and the UI address carrying the token. */
  listen(): Promise<ControlAddress> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.options.port ?? 0, '127.0.0.1', () => {
        this.server.off('error', reject);
        this.port = (this.server.address() as AddressInfo).port;
        resolve({ port: this.port, uiUrl: `http://127.0.0.1:${this.port}/?token=${this.token}` });
      });
    });
  }

  /** Ends every event stream and connection and stops listening. */
  close(): Promise<void> {
    if (!this.server.listening) return Promise.resolve();
    return new Promise((resolve) => {
      for (const stream of this.streams) stream.end();
      this.server.close(() => resolve());
      for (const socket of this.sockets) socket.destroy();
    });
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const refusal = refusalReason(req, this.port);
    if (refusal) {
      fail(res, 'forbidden', refusal);
      return;
    }
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/api/events') {
      if (req.method !== 'GET') {
        fail(res, 'invalid_input', 'Use GET for /api/events.');
        return;
      }
      if (!tokenMatches(url.searchParams.get('token') ?? req.headers[TOKEN_HEADER]?.toString(), this.token)) {
        fail(res, 'forbidden', 'Missing or wrong token: open the UI address that `hookbench serve` printed.');
        return;
      }
      this.openEventStream(res);
      return;
    }
    if (url.pathname.startsWith('/api/')) {
      await this.handleApi(req, res, safeDecode(url.pathname.slice('/api/'.length)));
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      fail(res, 'invalid_input', 'Only GET serves the UI.');
      return;
    }
    await serveStatic(this.options.rendererDir, url.pathname, res);
  }

  private async handleApi(req: IncomingMessage, res: ServerResponse, channel: string): Promise<void> {
    if (req.method !== 'POST') {
      fail(res, 'invalid_input', `Use POST for /api/${channel}.`);
      return;
    }
    if (!tokenMatches(req.headers[TOKEN_HEADER]?.toString(), this.token)) {
      fail(res, 'forbidden', 'Missing or wrong token: open the UI address that `hookbench serve` printed.');
      return;
    }
    // A JSON content type forces a CORS preflight on any cross-origin attempt, which this server never grants.
    if (!req.headers['content-type']?.toLowerCase().startsWith('application/json')) {
      fail(res, 'invalid_input', 'Send the input as application/json.');
      return;
    }
    const body = await readBody(req);
    if (body === null) {
      fail(res, 'invalid_input', `The request body is larger than ${MAX_REQUEST_BYTES} bytes.`);
      return;
    }
    let input: unknown;
    try {
      input = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
    } catch {
      fail(res, 'invalid_input', 'The request body is not valid JSON.');
      return;
    }
    const result = await dispatch(this.options.handlers, channel, input, this.options.report);
    sendJson(res, result.ok ? 200 : STATUS_OF[result.error.code], result);
  }

  private openEventStream(res: ServerResponse): void {
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    res.write(': connected\n\n');
    const unsubscribe = EVENT_CHANNELS.map((name) => {
      const listener = (payload: unknown): void => {
        res.write(`event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`);
      };
      this.options.events.on(name, listener);
      return () => this.options.events.off(name, listener);
    });
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
    this.streams.add(res);
    res.on('close', () => {
      clearInterval(heartbeat);
      for (const off of unsubscribe) off();
      this.streams.delete(res);
    });
  }
}
