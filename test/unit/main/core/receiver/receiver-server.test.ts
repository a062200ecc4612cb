import { afterEach, describe, expect, it } from 'vitest';
import {
  ReceiverServer,
  type PlannedResponse,
  type ReceivedRequest,
} from '../../../../../src/main/core/receiver/receiver-server';
import { rawRequest } from '../../../../helpers/raw-http';

const OK: PlannedResponse = { status: 204, headers: [['X-Test', 'yes']], body: Buffer.alloc(0) };

describe('ReceiverServer', () => {
  let server: ReceiverServer | undefined;
  afterEach(async () => {
    await server?.close();
  });

  async function start(handler: (r: ReceivedRequest) => PlannedResponse, maxBodyBytes?: number) {
    server = new ReceiverServer(handler, { port: 0, ...(maxBodyBytes ? { maxBodyBytes } : {}) });
    return server.listen();
  }

  it('binds 127.0.0.1 on a free port when asked for port 0', async () => {
    const address = await start(() => OK);
    expect(address.host).toBe('127.0.0.1');
    expect(address.port).toBeGreaterThan(0);
    expect(address.url).toBe(`http://127.0.0.1:${address.port}`);
  });

  it('keeps headers in received order and case, duplicates included, and the body byte for byte', async () => {
    const seen: ReceivedRequest[] = [];
    const { port } = await start((r) => {
      seen.push(r);
      return OK;
    });
    const body = Buffer.from([0x7b, 0xff, 0xfe, 0x00, 0x7d]); // not valid UTF-8
    const head =
      `PUT /hooks/default/x?b=2&a=1&a=%20 HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nX-Dup: one\r\n` +
      `svix-ID: msg_1\r\nX-Dup: two\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n`;
    const response = await rawRequest(port, Buffer.concat([Buffer.from(head, 'latin1'), body]));
    expect(response.status).toBe(204);
    expect(response.head).toContain('X-Test: yes');
    const got = seen[0]!;
    expect(got.method).toBe('PUT');
    expect(got.url).toBe('/hooks/default/x?b=2&a=1&a=%20');
    expect(got.httpVersion).toBe('1.1');
    expect(got.headers).toEqual([
      ['Host', `127.0.0.1:${port}`],
      ['X-Dup', 'one'],
      ['svix-ID', 'msg_1'],
      ['X-Dup', 'two'],
      ['Content-Length', String(body.length)],
      ['Connection', 'close'],
    ]);
    expect(got.body.equals(body)).toBe(true);
    expect(got.remoteAddress).toBe('127.0.0.1');
    expect(Math.abs(got.receivedAt - Date.now())).toBeLessThan(5000);
  });

  it('reassembles a chunked body exactly', async () => {
    const seen: ReceivedRequest[] = [];
    const { port } = await start((r) => {
      seen.push(r);
      return OK;
    });
    const request =
      'POST /hooks/default HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n' +
      '5\r\n{"a":\r\n3\r\n1}\n\r\n0\r\n\r\n';
    await rawRequest(port, request);
    expect(seen[0]!.body.toString('latin1')).toBe('{"a":1}\n');
  });

  it('answers 400 to a malformed request and keeps serving', async () => {
    const { port } = await start(() => OK);
    const bad = await rawRequest(port, 'THIS IS NOT HTTP\r\n\r\n');
    expect(bad.status).toBe(400);
    const good = await rawRequest(port, 'GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    expect(good.status).toBe(204);
  });

  it('answers 413 above the body cap and hands over the kept prefix marked truncated', async () => {
    const seen: ReceivedRequest[] = [];
    const { port } = await start((r) => {
      seen.push(r);
      return r.truncated ? { status: 413, headers: [], body: Buffer.from('too big') } : OK;
    }, 16);
    const body = 'x'.repeat(64);
    const response = await rawRequest(
      port,
      `POST /big HTTP/1.1\r\nHost: x\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`,
    );
    expect(response.status).toBe(413);
    expect(seen[0]!.truncated).toBe(true);
    expect(seen[0]!.body.toString()).toBe('x'.repeat(16));
  });

  it('answers 500 when the handler fails, reports it, and keeps running', async () => {
    const errors: Error[] = [];
    let fail = true;
    const { port } = await start(() => {
      if (fail) throw new Error('disk on fire');
      return OK;
    });
    server!.on('request-error', (e) => errors.push(e));
    const first = await rawRequest(
      port,
      'POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n',
    );
    expect(first.status).toBe(500);
    expect(errors.map((e) => e.message)).toEqual(['disk on fire']);
    fail = false;
    const second = await rawRequest(
      port,
      'POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n',
    );
    expect(second.status).toBe(204);
  });

  it('emits listening and closed', async () => {
    const events: string[] = [];
    server = new ReceiverServer(() => OK, { port: 0 });
    server.on('listening', () => events.push('listening'));
    server.on('closed', () => events.push('closed'));
    await server.listen();
    await server.close();
    expect(events).toEqual(['listening', 'closed']);
    expect(server.current).toBeNull();
  });
});

describe('ReceiverServer against slow clients', () => {
  it('drops a client that stalls while sending headers or body, and keeps serving others', async () => {
    const { connect } = await import('node:net');
    const server = new ReceiverServer(() => OK, { port: 0, headersTimeoutMs: 300, requestTimeoutMs: 600 });
    const { port } = await server.listen();
    try {
      const closedAfter = (payload: string) =>
        new Promise<number>((resolve) => {
          const started = Date.now();
          const socket = connect(port, '127.0.0.1', () => socket.write(payload));
          socket.on('data', () => undefined);
          socket.on('error', () => undefined);
          socket.on('close', () => resolve(Date.now() - started));
        });
      const [stalledHeaders, stalledBody] = await Promise.all([
        closedAfter('POST / HTTP/1.1\r\nHost: x\r\nX-Slow: '),
        closedAfter('POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nonly a part'),
      ]);
      // Closed by the server well before the client would ever have finished (it never does).
      expect(stalledHeaders).toBeLessThan(5_000);
      expect(stalledBody).toBeLessThan(5_000);
      const ok = await rawRequest(port, 'GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
      expect(ok.status).toBe(204);
    } finally {
      await server.close();
    }
  });
});
