import { connect, type Socket } from 'node:net';

/** A parsed HTTP/1.1 response read off a raw socket. */
export interface RawResponse {
  status: number;
  head: string;
  body: Buffer;
}

/**
 * Sends bytes exactly as given over a plain TCP socket and reads until the server closes, so tests control header
 * case, order, duplicates and framing the way a real sender could.
 */
export function rawRequest(port: number, bytes: Buffer | string, host = '127.0.0.1'): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, host);
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('end', () => {
      const all = Buffer.concat(chunks);
      const split = all.indexOf('\r\n\r\n');
      const head = all.subarray(0, split === -1 ? all.length : split).toString('latin1');
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(head)?.[1] ?? 0);
      resolve({ status, head, body: split === -1 ? Buffer.alloc(0) : all.subarray(split + 4) });
    });
    socket.write(bytes);
  });
}

/** One answer read off a kept-alive connection. */
export interface RawAnswer {
  status: number;
  head: string;
  /** Header names lower-cased, values as sent (last one wins). */
  headers: Record<string, string>;
  body: Buffer;
}

/**
 * A raw TCP conversation with an HTTP/1.1 server: write any bytes, read answers one by one (framed by Content-Length,
 * bodiless when the status or a HEAD request says so), and see when the server closes.
 */
export class RawConnection {
  private buffered = Buffer.alloc(0);
  private waiters: (() => void)[] = [];
  closed = false;
  readonly socket: Socket;

  private constructor(socket: Socket) {
    this.socket = socket;
    socket.on('data', (chunk: Buffer) => {
      this.buffered = Buffer.concat([this.buffered, chunk]);
      this.wake();
    });
    socket.on('close', () => {
      this.closed = true;
      this.wake();
    });
    socket.on('error', () => undefined);
  }

  static open(port: number, host = '127.0.0.1'): Promise<RawConnection> {
    return new Promise((resolve, reject) => {
      const socket = connect(port, host, () => resolve(new RawConnection(socket)));
      socket.once('error', reject);
    });
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }

  private async until<T>(take: () => T | null, what: string, timeoutMs = 5_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const got = take();
      if (got !== null) return got;
      if (this.closed) throw new Error(`the server closed the connection before ${what}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${what}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  write(bytes: Buffer | string): void {
    this.socket.write(bytes);
  }

  /** Reads the next answer; `noBody` for the answer to a HEAD request. */
  read(options: { noBody?: boolean; timeoutMs?: number } = {}): Promise<RawAnswer> {
    return this.until(
      () => {
        const end = this.buffered.indexOf('\r\n\r\n');
        if (end === -1) return null;
        const head = this.buffered.subarray(0, end).toString('latin1');
        const status = Number(/^HTTP\/1\.1 (\d{3}) /.exec(head)?.[1] ?? 0);
        const headers: Record<string, string> = {};
        for (const line of head.split('\r\n').slice(1)) {
          const colon = line.indexOf(':');
          headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
        }
        const bodiless = options.noBody || status < 200 || status === 204 || status === 304;
        const length = bodiless ? 0 : Number(headers['content-length'] ?? 0);
        if (this.buffered.length < end + 4 + length) return null;
        const body = this.buffered.subarray(end + 4, end + 4 + length);
        this.buffered = this.buffered.subarray(end + 4 + length);
        return { status, head, headers, body };
      },
      'an answer',
      options.timeoutMs,
    );
  }

  /** Resolves once the server has closed the connection. */
  async closedByServer(timeoutMs = 5_000): Promise<void> {
    await this.until(() => (this.closed ? true : null), 'the close', timeoutMs);
  }

  end(): void {
    this.socket.end();
  }

  destroy(): void {
    this.socket.destroy();
  }
}
