import type { HeaderPair } from '../../../shared/models';

/**
 * HTTP/1.1 request framing for the receiver (RFC 9112): the request line, the header section and the two body
 * framings. The receiver speaks HTTP/1.1 over `node:net` itself rather than through `node:http` because it keeps
 * what a webhook capture needs (raw header names, order and duplicates, the target as sent) without building the
 * objects and streams `node:http` makes for every request; see README, "Why the receiver speaks HTTP/1.1 itself".
 *
 * Everything here is strict where leniency would let a request be read two ways (request smuggling): conflicting
 * lengths, Content-Length beside Transfer-Encoding, obsolete line folding, bare LF, control characters. Such requests
 * are refused with an error that says what was wrong; nothing here throws anything else.
 */

/** A request that cannot be read; `status` is what to answer before closing the connection. */
export class HttpProtocolError extends Error {
  constructor(
    readonly status: 400 | 408 | 417 | 431 | 505,
    message: string,
  ) {
    super(message);
    this.name = 'HttpProtocolError';
  }
}

export type BodyFraming = { kind: 'length'; length: number } | { kind: 'chunked' };

/** The request line and header section, read. */
export interface RequestHead {
  method: string;
  /** The request target as sent (path and query), undecoded. */
  url: string;
  /** `1.0` or `1.1` (a later 1.x is answered as 1.1). */
  httpVersion: string;
  /** Names in their original case and order, duplicates kept; values without surrounding whitespace. */
  headers: HeaderPair[];
  framing: BodyFraming;
  /** The connection stays open after the answer (HTTP/1.1 unless `Connection: close`; 1.0 only when asked). */
  keepAlive: boolean;
  /** `Expect: 100-continue`: the sender waits for an interim answer before sending the body. */
  expectContinue: boolean;
  /** The Host header's value, when there is exactly one. */
  host: string | null;
}

/** Header field names and methods: RFC 9110 `token`. */
export const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/** Characters a header value may not contain (anything but HTAB, visible ASCII and obs-text). */
export const BAD_VALUE_CHAR = /[^\t\x20-\x7e\x80-\xff]/;
/** A request target: visible ASCII and obs-text, no spaces. */
const TARGET = /^[\x21-\x7e\x80-\xff]+$/;
const DIGITS = /^\d{1,15}$/;

function trimOws(value: string): string {
  let start = 0;
  let end = value.length;
  while (start < end && (value.charCodeAt(start) === 32 || value.charCodeAt(start) === 9)) start++;
  while (end > start && (value.charCodeAt(end - 1) === 32 || value.charCodeAt(end - 1) === 9)) end--;
  return start === 0 && end === value.length ? value : value.slice(start, end);
}

function printable(text: string): string {
  const shown = text.length > 60 ? `${text.slice(0, 60)}…` : text;
  return JSON.stringify(shown);
}

function hasToken(list: string, token: string): boolean {
  // The usual value is one token (`keep-alive`, `close`): no list to split.
  if (list.length === token.length) return list.toLowerCase() === token;
  if (list.indexOf(',') === -1) return list.trim().toLowerCase() === token;
  return list
    .toLowerCase()
    .split(',')
    .some((t) => t.trim() === token);
}

/**
 * Reads a request's head: everything before the empty line that ends it, decoded as latin1 (one character per byte,
 * as `node:http` does). Throws `HttpProtocolError` naming the first problem found.
 */
export function parseHead(head: string): RequestHead {
  const lines = head.split('\r\n');
  const requestLine = lines[0] as string;
  // METHOD SP target SP HTTP/d.d, read by position (no match array per request).
  const firstSpace = requestLine.indexOf(' ');
  const secondSpace = firstSpace === -1 ? -1 : requestLine.indexOf(' ', firstSpace + 1);
  const version = secondSpace === -1 ? '' : requestLine.slice(secondSpace + 1);
  const method = firstSpace > 0 ? requestLine.slice(0, firstSpace) : '';
  const url = secondSpace > firstSpace + 1 ? requestLine.slice(firstSpace + 1, secondSpace) : '';
  const major = version.charCodeAt(5) - 48;
  const minor = version.charCodeAt(7) - 48;
  if (
    !TOKEN.test(method) ||
    !TARGET.test(url) ||
    version.length !== 8 ||
    !version.startsWith('HTTP/') ||
    version[6] !== '.' ||
    !(major >= 0 && major <= 9) ||
    !(minor >= 0 && minor <= 9)
  ) {
    throw new HttpProtocolError(
      400,
      `The request line ${printable(requestLine)} is not "METHOD target HTTP/1.1" (one space between the three parts).`,
    );
  }
  if (major !== 1) {
    throw new HttpProtocolError(505, `HTTP/${major}.${minor} is not supported here; send HTTP/1.1.`);
  }
  const httpVersion = minor === 0 ? '1.0' : '1.1';

  const headers: HeaderPair[] = [];
  let contentLength: string | null = null;
  let transferEncoding: string | null = null;
  let connection = '';
  let expect: string | null = null;
  let host: string | null = null;
  let hosts = 0;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] as string;
    const first = line.charCodeAt(0);
    if (first === 32 || first === 9) {
      throw new HttpProtocolError(
        400,
        `Header line ${i} starts with whitespace (obsolete line folding); put each header on one line.`,
      );
    }
    const colon = line.indexOf(':');
    const name = colon > 0 ? line.slice(0, colon) : '';
    if (!TOKEN.test(name)) {
      throw new HttpProtocolError(
        400,
        colon <= 0
          ? `Header line ${i} ${printable(line)} has no "name: value" form.`
          : `Header name ${printable(name)} (line ${i}) has characters a header name cannot have.`,
      );
    }
    const value = trimOws(line.slice(colon + 1));
    if (BAD_VALUE_CHAR.test(value)) {
      throw new HttpProtocolError(
        400,
        `The value of header ${name} (line ${i}) contains a control character.`,
      );
    }
    headers.push([name, value]);
    // Only names of the right length are lower-cased: most headers are none of these.
    switch (name.length) {
      case 4:
        if (name.toLowerCase() === 'host') {
          hosts++;
          host = value;
        }
        break;
      case 6:
        if (name.toLowerCase() === 'expect') expect = value.toLowerCase();
        break;
      case 10:
        if (name.toLowerCase() === 'connection') connection += `${connection ? ',' : ''}${value}`;
        break;
      case 14:
        if (name.toLowerCase() === 'content-length') {
          if (!DIGITS.test(value)) {
            throw new HttpProtocolError(400, `Content-Length ${printable(value)} is not a number of bytes.`);
          }
          if (contentLength !== null && Number(contentLength) !== Number(value)) {
            throw new HttpProtocolError(
              400,
              `Two different Content-Length headers (${contentLength} and ${value}): the body's end is ambiguous.`,
            );
          }
          contentLength = value;
        }
        break;
      case 17:
        if (name.toLowerCase() === 'transfer-encoding') {
          transferEncoding = transferEncoding === null ? value : `${transferEncoding}, ${value}`;
        }
        break;
    }
  }

  if (httpVersion === '1.1' && hosts !== 1) {
    throw new HttpProtocolError(
      400,
      hosts === 0 ? 'An HTTP/1.1 request needs a Host header.' : 'The request has more than one Host header.',
    );
  }

  let framing: BodyFraming = { kind: 'length', length: 0 };
  if (transferEncoding !== null) {
    if (contentLength !== null) {
      throw new HttpProtocolError(
        400,
        "The request has both Content-Length and Transfer-Encoding: the body's end is ambiguous.",
      );
    }
    const codings = transferEncoding
      .toLowerCase()
      .split(',')
      .map((c) => c.trim());
    if (codings[codings.length - 1] !== 'chunked' || codings.indexOf('chunked') !== codings.length - 1) {
      throw new HttpProtocolError(
        400,
        `Transfer-Encoding ${printable(transferEncoding)} does not end with "chunked", so the body's end is unknown.`,
      );
    }
    framing = { kind: 'chunked' };
  } else if (contentLength !== null) {
    framing = { kind: 'length', length: Number(contentLength) };
  }

  let expectContinue = false;
  if (expect !== null && httpVersion === '1.1') {
    if (expect !== '100-continue') {
      throw new HttpProtocolError(417, `Expect ${printable(expect)} is not supported (only 100-continue).`);
    }
    expectContinue = true;
  }

  const keepAlive =
    httpVersion === '1.1' ? !hasToken(connection, 'close') : hasToken(connection, 'keep-alive');
  return {
    method,
    url,
    httpVersion,
    headers,
    framing,
    keepAlive,
    expectContinue,
    host: hosts === 1 ? host : null,
  };
}

const MAX_CHUNK_LINE = 4096;
const MORE_THAN_SIZE = (): HttpProtocolError =>
  new HttpProtocolError(400, 'A chunk has more data than its size says (no CRLF right after its data).');
const HEX_SIZE = /^([0-9a-fA-F]{1,13})[ \t]*(;.*)?$/;

/**
 * Decodes a `Transfer-Encoding: chunked` body as it arrives, in pieces of any size: chunk sizes (extensions are
 * ignored), data, the last chunk and trailer fields (read and dropped, as `node:http` keeps them apart from the
 * headers). Throws `HttpProtocolError` on bad framing.
 */
export class ChunkedDecoder {
  private state: 'size' | 'data' | 'data-end' | 'trailers' | 'done' = 'size';
  private remaining = 0;
  /** The part of the current line (size, data end or trailer) seen so far, latin1. */
  private line = '';
  private trailerBytes = 0;

  constructor(private readonly maxTrailerBytes: number) {}

  get done(): boolean {
    return this.state === 'done';
  }

  /**
   * Consumes bytes from `buf` (starting at 0) and hands each piece of body data to `onData`, which returns false to
   * stop reading. Returns how many bytes were consumed: all of them, unless the body ended (or reading stopped)
   * inside `buf`; the rest is the next request.
   */
  push(buf: Buffer, onData: (piece: Buffer) => boolean): number {
    let pos = 0;
    while (pos < buf.length && this.state !== 'done') {
      if (this.state === 'data') {
        const take = Math.min(this.remaining, buf.length - pos);
        const more = onData(pos === 0 && take === buf.length ? buf : buf.subarray(pos, pos + take));
        pos += take;
        this.remaining -= take;
        if (this.remaining === 0) this.state = 'data-end';
        if (!more) return pos;
        continue;
      }
      const lf = buf.indexOf(10, pos);
      const end = lf === -1 ? buf.length : lf + 1;
      this.line += buf.toString('latin1', pos, end);
      pos = end;
      if (lf === -1) {
        this.checkPartialLine();
        continue;
      }
      const line = this.line;
      this.line = '';
      if (!line.endsWith('\r\n')) {
        throw new HttpProtocolError(400, 'A line of the chunked body ends with a bare LF instead of CRLF.');
      }
      this.endOfLine(line.slice(0, -2));
    }
    return pos;
  }

  private checkPartialLine(): void {
    if (this.state === 'size' && this.line.length > MAX_CHUNK_LINE) {
      throw new HttpProtocolError(400, 'A chunk size line is longer than 4096 bytes.');
    }
    if (this.state === 'data-end' && this.line.length > 2) throw MORE_THAN_SIZE();
    this.checkTrailerSize();
  }

  private checkTrailerSize(): void {
    if (this.state === 'trailers' && this.trailerBytes + this.line.length > this.maxTrailerBytes) {
      throw new HttpProtocolError(431, `The trailer fields are larger than ${this.maxTrailerBytes} bytes.`);
    }
  }

  private endOfLine(text: string): void {
    switch (this.state) {
      case 'size': {
        const match = HEX_SIZE.exec(text);
        if (!match || (match[2] !== undefined && BAD_VALUE_CHAR.test(match[2]))) {
          throw new HttpProtocolError(
            400,
            `The chunk size line ${printable(text)} is not a hexadecimal size.`,
          );
        }
        this.remaining = parseInt(match[1] as string, 16);
        this.state = this.remaining === 0 ? 'trailers' : 'data';
        return;
      }
      case 'data-end':
        if (text !== '') throw MORE_THAN_SIZE();
        this.state = 'size';
        return;
      case 'trailers':
        this.trailerBytes += text.length + 2;
        this.checkTrailerSize();
        if (text === '') {
          this.state = 'done';
          return;
        }
        if (!TOKEN.test(text.slice(0, Math.max(0, text.indexOf(':'))))) {
          throw new HttpProtocolError(400, `The trailer line ${printable(text)} has no "name: value" form.`);
        }
        return;
      default:
        return;
    }
  }
}
