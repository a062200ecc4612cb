import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import {
  BAD_VALUE_CHAR,
  ChunkedDecoder,
  HttpProtocolError,
  parseHead,
  TOKEN,
  type RequestHead,
} from './http1';
import type { PlannedResponse, ReceivedRequest } from './receiver-server';

/** What a connection needs from its server. */
export interface ConnectionHost {
  readonly maxBodyBytes: number;
  readonly maxHeaderBytes: number;
  /** `Connection: keep-alive` and `Keep-Alive: timeout=N` lines, ending the head. */
  readonly keepAliveLines: string;
  /** Null when the Host is allowed, else the answer to give (421). */
  refuseHost(head: RequestHead): PlannedResponse | null;
  /** Runs the request handler; never throws (a failure becomes a 500 answer). */
  handle(request: ReceivedRequest): PlannedResponse | null | Promise<PlannedResponse | null>;
  /** A request that could not be read or answered as asked; the receiver keeps running. */
  problem(error: Error): void;
}

/**
 * Where a connection is:
 * - `head`: reading a request's head (the first request's clock starts at connect);
 * - `body`: reading its body;
 * - `busy`: the handler is deciding, or the answer is held back (never answer), or the socket must drain;
 * - `idle`: between requests of a kept-alive connection;
 * - `closing`: the answer that ends the connection was written; input is read and dropped until the peer closes.
 */
type Phase = 'head' | 'body' | 'busy' | 'idle' | 'closing';

const CRLFCRLF = Buffer.from('\r\n\r\n');
const LFLF = Buffer.from('\n\n');
const EMPTY = Buffer.alloc(0);
const PLAIN = 'text/plain; charset=utf-8';
/** Input buffered while an answer is pending, beyond which the socket stops reading. */
const PAUSE_ABOVE = 256 * 1024;

let dateSecond = -1;
let dateText = '';
/** The Date header's value, made once per second. */
function httpDate(now: number): string {
  const second = Math.floor(now / 1000);
  if (second !== dateSecond) {
    dateSecond = second;
    dateText = new Date(second * 1000).toUTCString();
  }
  return dateText;
}

/**
 * The bytes of the last answer written, on any connection. An inbox rule's answer is one object for every request it
 * answers (see `decideResponse`), so under load most answers are this one, byte for byte, within the same second.
 */
let lastAnswer: {
  planned: PlannedResponse | null;
  headRequest: boolean;
  close: boolean;
  second: number;
  bytes: Buffer;
} = { planned: null, headRequest: false, close: false, second: -1, bytes: EMPTY };

/**
 * A body read in one piece is a view of the socket's read buffer. Kept as is when it is most of that buffer (the usual
 * case: one request per read); copied when the buffer is much larger (many pipelined requests in one read), so a
 * capture waiting in a queue does not hold on to its neighbours' bytes.
 */
function own(piece: Buffer): Buffer {
  return piece.buffer.byteLength > 2 * piece.length + 4096 ? Buffer.from(piece) : piece;
}

/** Status codes whose answers never carry a body (RFC 9110). */
function bodiless(status: number): boolean {
  return status < 200 || status === 204 || status === 304;
}

/**
 * One client connection of the receiver: reads requests one after another (pipelined ones wait their turn), hands
 * each complete request to the handler and writes its answer in order. See `http1.ts` for the framing rules.
 */
export class ReceiverConnection {
  private phase: Phase = 'head';
  /** `Date.now()` when the current phase began: the server's sweep compares it with the timeouts. */
  private since = Date.now();
  /** When the current request's first byte was read (`Date.now()`), or 0 before it. */
  private requestStart = 0;
  private pending: Buffer | null = null;
  private scanFrom = 0;
  private head: RequestHead | null = null;
  private perfStart = 0;
  private chunks: Buffer[] = [];
  private kept = 0;
  private truncated = false;
  private remaining = 0;
  private chunked: ChunkedDecoder | null = null;
  /** The peer has finished sending (half-close): end the connection after the current answer. */
  private peerEnded = false;
  private paused = false;
  /** Inside `advance()`: an answer given synchronously must not start reading the next request re-entrantly. */
  private advancing = false;

  constructor(
    readonly socket: Socket,
    private readonly host: ConnectionHost,
  ) {
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('end', () => this.onEnd());
    // Resets and the like: the socket closes next, which is all there is to do.
    socket.on('error', () => undefined);
  }

  /** Whether the current phase has lasted longer than its timeout allows (`busy` never expires). */
  expired(now: number, timeouts: { headersMs: number; requestMs: number; keepAliveMs: number }): boolean {
    switch (this.phase) {
      case 'head':
        return now - this.since > timeouts.headersMs;
      case 'body':
        return now - (this.requestStart || this.since) > timeouts.requestMs;
      case 'idle':
      case 'closing':
        return now - this.since > timeouts.keepAliveMs;
      default:
        return false;
    }
  }

  /** Ends a connection whose phase expired: an idle one quietly, a stalled request with 408. */
  timedOut(): void {
    if (
      this.phase === 'idle' ||
      this.phase === 'closing' ||
      (this.phase === 'head' && this.requestStart === 0)
    ) {
      // Nothing sent since the last answer (or since connecting), or the answer that ends it is out: just close.
      this.socket.destroy();
      return;
    }
    this.fail(
      new HttpProtocolError(
        408,
        this.phase === 'head'
          ? 'The request headers did not arrive in time.'
          : 'The request body did not arrive in time.',
      ),
    );
  }

  private onData(chunk: Buffer): void {
    if (this.phase === 'closing') return;
    if (this.phase === 'idle') this.begin();
    this.pending = this.pending === null ? chunk : Buffer.concat([this.pending, chunk]);
    if (this.phase === 'busy') {
      if (!this.paused && this.pending.length > PAUSE_ABOVE) {
        this.paused = true;
        this.socket.pause();
      }
      return;
    }
    this.advance();
  }

  private onEnd(): void {
    this.peerEnded = true;
    if (this.phase === 'busy' || this.phase === 'closing') return;
    if (this.phase === 'idle' || (this.phase === 'head' && this.pending === null)) {
      this.socket.end();
      return;
    }
    this.fail(new HttpProtocolError(400, 'The connection ended before the request was complete.'));
  }

  /** A new request starts: its clock and its receive time. */
  private begin(): void {
    this.phase = 'head';
    this.since = Date.now();
    this.requestStart = 0;
  }

  /** Reads as much of the pending input as the current request allows. */
  private advance(): void {
    this.advancing = true;
    try {
      while (this.pending !== null) {
        if (this.phase === 'idle') this.begin();
        if (this.phase === 'head') {
          if (!this.readHead()) return;
        } else if (this.phase === 'body') {
          this.readBody();
        } else {
          return;
        }
      }
    } catch (error) {
      this.fail(
        error instanceof HttpProtocolError
          ? error
          : new HttpProtocolError(400, error instanceof Error ? error.message : String(error)),
      );
    } finally {
      this.advancing = false;
    }
  }

  private takePending(from: number): void {
    const pending = this.pending as Buffer;
    this.pending = from >= pending.length ? null : pending.subarray(from);
  }

  /** Returns false when more input is needed. */
  private readHead(): boolean {
    let pending = this.pending as Buffer;
    if (this.requestStart === 0) {
      // Empty lines before a request line are allowed (RFC 9112 §2.2).
      let skip = 0;
      while (skip + 1 < pending.length && pending[skip] === 13 && pending[skip + 1] === 10) skip += 2;
      if (skip > 0) {
        this.takePending(skip);
        if (this.pending === null) return false;
        pending = this.pending;
      }
      this.requestStart = Date.now();
      this.perfStart = performance.now();
    }
    const end = pending.indexOf(CRLFCRLF, this.scanFrom);
    const limit = this.host.maxHeaderBytes;
    if (end === -1 || end > limit) {
      // CRLF CRLF holds no LF LF: an LF LF before the end of the head is a head written with bare LFs.
      if (end === -1 && pending.indexOf(LFLF) !== -1) {
        throw new HttpProtocolError(400, 'The request head ends its lines with a bare LF; HTTP needs CRLF.');
      }
      if (pending.length > limit) {
        throw new HttpProtocolError(431, `The request headers are larger than ${limit} bytes.`);
      }
      this.scanFrom = Math.max(0, pending.length - 3);
      return false;
    }
    const head = parseHead(pending.toString('latin1', 0, end));
    this.takePending(end + 4);
    this.scanFrom = 0;
    this.head = head;
    this.chunks = [];
    this.kept = 0;
    this.truncated = false;

    const refusal = this.host.refuseHost(head);
    if (refusal) {
      this.finishWith(refusal, true);
      return false;
    }
    if (head.framing.kind === 'chunked') {
      this.chunked = new ChunkedDecoder(this.host.maxHeaderBytes);
    } else if (head.framing.length === 0) {
      this.complete();
      return true;
    } else {
      this.remaining = head.framing.length;
    }
    if (head.expectContinue) this.socket.write('HTTP/1.1 100 Continue\r\n\r\n');
    this.phase = 'body';
    this.since = Date.now();
    return true;
  }

  private readBody(): void {
    const pending = this.pending as Buffer;
    let done: boolean;
    if (this.chunked) {
      const used = this.chunked.push(pending, (piece) => this.keep(piece));
      this.takePending(used);
      done = this.chunked.done;
    } else {
      const take = Math.min(this.remaining, pending.length);
      const piece = take === pending.length ? pending : pending.subarray(0, take);
      this.takePending(take);
      this.remaining -= take;
      this.keep(piece);
      done = this.remaining === 0;
    }
    if (this.truncated) {
      // The rest of an over-cap body is not read: the 413 answer closes the connection.
      this.pending = null;
      this.complete();
    } else if (done) {
      this.complete();
    }
  }

  /** Keeps body bytes up to the cap; returns false once past it (the request is then complete and truncated). */
  private keep(piece: Buffer): boolean {
    const room = this.host.maxBodyBytes - this.kept;
    if (piece.length <= room) {
      this.chunks.push(piece);
      this.kept += piece.length;
      return true;
    }
    if (room > 0) this.chunks.push(piece.subarray(0, room));
    this.kept += Math.max(room, 0);
    this.truncated = true;
    return false;
  }

  private complete(): void {
    const head = this.head as RequestHead;
    this.chunked = null;
    this.phase = 'busy';
    const chunks = this.chunks;
    const request: ReceivedRequest = {
      method: head.method,
      url: head.url,
      httpVersion: head.httpVersion,
      headers: head.headers,
      body:
        chunks.length === 0 ? EMPTY : chunks.length === 1 ? own(chunks[0] as Buffer) : Buffer.concat(chunks),
      truncated: this.truncated,
      remoteAddress: this.socket.remoteAddress ?? null,
      receivedAt: this.requestStart,
      startedAt: this.perfStart,
    };
    this.chunks = [];
    const planned = this.host.handle(request);
    if (planned instanceof Promise) {
      // `handle` never rejects; a failed handler already became a 500 answer.
      void planned.then((p) => this.finish(p));
    } else {
      this.finish(planned);
    }
  }

  /** Writes the handler's answer (null: hold the connection without answering, until the client gives up). */
  private finish(planned: PlannedResponse | null): void {
    if (planned === null || this.socket.destroyed) return;
    this.finishWith(planned, this.truncated || !(this.head as RequestHead).keepAlive);
  }

  private finishWith(planned: PlannedResponse, close: boolean): void {
    const head = this.head as RequestHead;
    const ending = close || this.peerEnded;
    const written = this.socket.write(this.responseBytes(planned, head.method === 'HEAD', ending));
    this.head = null;
    if (ending) {
      this.closeAfterWrite();
      return;
    }
    this.phase = 'idle';
    this.since = Date.now();
    this.requestStart = 0;
    if (this.paused) {
      this.paused = false;
      this.socket.resume();
    }
    if (!written) {
      // The client is not reading its answers: read no more of its requests until it does.
      this.phase = 'busy';
      this.socket.once('drain', () => this.next());
      return;
    }
    this.next();
  }

  /** Goes on with a pipelined request already read, if any. */
  private next(): void {
    if (this.socket.destroyed) return;
    if (this.phase === 'busy') {
      this.phase = 'idle';
      this.since = Date.now();
    }
    // Inside advance() its loop goes on by itself.
    if (this.pending !== null && !this.advancing) this.advance();
  }

  private closeAfterWrite(): void {
    this.phase = 'closing';
    this.since = Date.now();
    this.pending = null;
    if (this.paused) {
      this.paused = false;
      this.socket.resume();
    }
    this.socket.end();
  }

  /**
   * Answers a request that cannot be read, then closes: after a framing error nothing more on it can be trusted.
   * Only reached while reading a head or a body (never while an answer is being decided).
   */
  private fail(error: HttpProtocolError): void {
    this.host.problem(error);
    if (this.socket.destroyed) return;
    const body = Buffer.from(`Hookbench could not read this request: ${error.message}\n`);
    this.head = null;
    this.socket.write(
      this.responseBytes({ status: error.status, headers: [['Content-Type', PLAIN]], body }, false, true),
    );
    this.closeAfterWrite();
  }

  /**
   * The answer as bytes. Content-Length and Connection are Hookbench's: a rule's own framing headers would break the
   * connection, so they are left out (the rule editor says so); a rule's Date replaces Hookbench's. Header lines
   * that are not valid HTTP are dropped and reported rather than sent.
   */
  private responseBytes(planned: PlannedResponse, headRequest: boolean, close: boolean): Buffer {
    const now = Date.now();
    const last = lastAnswer;
    if (
      last.planned === planned &&
      last.headRequest === headRequest &&
      last.close === close &&
      last.second === Math.floor(now / 1000)
    ) {
      return last.bytes;
    }
    const bytes = this.answerBytes(planned, headRequest, close, now);
    lastAnswer = { planned, headRequest, close, second: Math.floor(now / 1000), bytes };
    return bytes;
  }

  private answerBytes(planned: PlannedResponse, headRequest: boolean, close: boolean, now: number): Buffer {
    const { status, body } = planned;
    let text = `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Unknown'}\r\n`;
    let hasDate = false;
    for (const [name, value] of planned.headers) {
      if (!TOKEN.test(name) || BAD_VALUE_CHAR.test(value)) {
        this.host.problem(
          new Error(`Left out the answer header ${JSON.stringify(name)}: not valid in HTTP.`),
        );
        continue;
      }
      switch (name.length) {
        case 4:
          if (name.toLowerCase() === 'date') hasDate = true;
          break;
        case 10:
        case 14:
        case 17: {
          const lower = name.toLowerCase();
          if (lower === 'connection' || lower === 'keep-alive' || lower === 'content-length') continue;
          if (lower === 'transfer-encoding') continue;
          break;
        }
      }
      text += `${name}: ${value}\r\n`;
    }
    const noBody = bodiless(status);
    if (!noBody) text += `Content-Length: ${body.length}\r\n`;
    if (!hasDate) text += `Date: ${httpDate(now)}\r\n`;
    text += close ? 'Connection: close\r\n\r\n' : this.host.keepAliveLines;
    const headBytes = Buffer.from(text, 'latin1');
    if (noBody || headRequest || body.length === 0) return headBytes;
    return Buffer.concat([headBytes, body], headBytes.length + body.length);
  }
}
