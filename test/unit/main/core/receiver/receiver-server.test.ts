import { Pool } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import {
  NEVER_ANSWER,
  ReceiverServer,
  type PlannedResponse,
  type ReceivedRequest,
  type ReceiverOptions,
  type RequestHandler,
} from '../../../../../src/main/core/receiver/receiver-server';
import { RawConnection, rawRequest } from '../../../../helpers/raw-http';

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

describe('ReceiverServer speaks HTTP/1.1', () => {
  let server: ReceiverServer | undefined;
  const connections: RawConnection[] = [];
  afterEach(async () => {
    for (const c of connections.splice(0)) c.destroy();
    await server?.close();
    server = undefined;
  });

  async function start(
    handler: RequestHandler,
    options: Partial<ReceiverOptions> = {},
  ): Promise<{ port: number; errors: Error[]; open: () => Promise<RawConnection> }> {
    server = new ReceiverServer(handler, { port: 0, ...options });
    const errors: Error[] = [];
    server.on('request-error', (e) => errors.push(e));
    const { port } = await server.listen();
    const open = async (): Promise<RawConnection> => {
      const c = await RawConnection.open(port);
      connections.push(c);
      return c;
    };
    return { port, errors, open };
  }

  const echo: RequestHandler = (r) => ({
    status: 200,
    headers: [['Content-Type', 'text/plain']],
    body: Buffer.from(`${r.method} ${r.url} ${r.body.toString('latin1')}`),
  });

  it('answers several requests on one kept-alive connection, each after the one before', async () => {
    const { open } = await start(echo);
    const c = await open();
    for (const n of [1, 2, 3]) {
      c.write(`POST /n/${n} HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\n\r\n${n}`);
      const answer = await c.read();
      expect(answer.status).toBe(200);
      expect(answer.body.toString()).toBe(`POST /n/${n} ${n}`);
      expect(answer.headers.connection).toBe('keep-alive');
      expect(answer.headers['keep-alive']).toBe('timeout=5');
      expect(answer.headers['content-length']).toBe(String(answer.body.length));
      expect(answer.headers.date).toMatch(/GMT$/);
    }
  });

  it('answers pipelined requests in order, even when a later one is decided first', async () => {
    const { open } = await start(async (r) => {
      // The first request takes longest to decide.
      if (r.url === '/slow') await new Promise((resolve) => setTimeout(resolve, 50));
      return echo(r);
    });
    const c = await open();
    c.write(
      'POST /slow HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\n\r\na' +
        'GET /fast HTTP/1.1\r\nHost: x\r\n\r\n' +
        'POST /chunked HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nbc\r\n0\r\n\r\n',
    );
    expect((await c.read()).body.toString()).toBe('POST /slow a');
    expect((await c.read()).body.toString()).toBe('GET /fast ');
    expect((await c.read()).body.toString()).toBe('POST /chunked bc');
  });

  it('reads a request sent one byte at a time', async () => {
    const seen: ReceivedRequest[] = [];
    const { open } = await start((r) => {
      seen.push(r);
      return echo(r);
    });
    const c = await open();
    const bytes = Buffer.from(
      '\r\nPOST /slowly?q=1 HTTP/1.1\r\nHost: x\r\nX-A: 1\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n',
    );
    for (const byte of bytes) {
      c.write(Buffer.from([byte]));
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect((await c.read()).body.toString()).toBe('POST /slowly?q=1 abc');
    expect(seen[0]!.headers).toEqual([
      ['Host', 'x'],
      ['X-A', '1'],
      ['Transfer-Encoding', 'chunked'],
    ]);
  });

  it('sends 100 Continue to a sender that waits for it, then reads the body', async () => {
    const { open } = await start(echo);
    const c = await open();
    c.write('PUT /big HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nExpect: 100-continue\r\n\r\n');
    expect((await c.read()).status).toBe(100);
    c.write('data');
    expect((await c.read()).body.toString()).toBe('PUT /big data');
  });

  it('answers HEAD with the headers only, and 204 and 304 without a body or length', async () => {
    const { open } = await start((r) => ({
      status: r.url === '/none' ? 204 : r.url === '/same' ? 304 : 200,
      headers: [],
      body: Buffer.from('not for HEAD'),
    }));
    const c = await open();
    c.write('HEAD / HTTP/1.1\r\nHost: x\r\n\r\n');
    const head = await c.read({ noBody: true });
    expect(head.headers['content-length']).toBe('12');
    c.write(
      'GET /none HTTP/1.1\r\nHost: x\r\n\r\nGET /same HTTP/1.1\r\nHost: x\r\n\r\nGET / HTTP/1.1\r\nHost: x\r\n\r\n',
    );
    const none = await c.read();
    expect(none.status).toBe(204);
    expect(none.headers['content-length']).toBeUndefined();
    expect((await c.read()).status).toBe(304);
    // Nothing stray came before this answer: each bodiless answer really was bodiless.
    expect((await c.read()).body.toString()).toBe('not for HEAD');
  });

  it('closes after answering HTTP/1.0 unless asked to keep the connection, and after Connection: close', async () => {
    const { open } = await start(echo);
    const old = await open();
    old.write('GET /old HTTP/1.0\r\n\r\n');
    expect((await old.read()).headers.connection).toBe('close');
    await old.closedByServer();

    const kept = await open();
    kept.write('GET /a HTTP/1.0\r\nConnection: keep-alive\r\n\r\n');
    expect((await kept.read()).headers.connection).toBe('keep-alive');
    kept.write('GET /b HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    expect((await kept.read()).headers.connection).toBe('close');
    await kept.closedByServer();
  });

  it('still answers a sender that shuts down its side after sending', async () => {
    const { open } = await start(async (r) => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      return echo(r);
    });
    const c = await open();
    c.write('POST /half HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\nok');
    c.end();
    const answer = await c.read();
    expect(answer.body.toString()).toBe('POST /half ok');
    expect(answer.headers.connection).toBe('close');
    await c.closedByServer();
  });

  it.each([
    [
      'both lengths',
      'POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n',
      400,
    ],
    ['no Host', 'GET / HTTP/1.1\r\n\r\n', 400],
    ['bad chunk size', 'POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nxyz\r\n', 400],
    ['HTTP/2 preface', 'PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n', 505],
    ['bare LF', 'GET / HTTP/1.1\nHost: x\n\n', 400],
    ['a cut-off request', 'POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nab', 400],
    ['unknown expectation', 'GET / HTTP/1.1\r\nHost: x\r\nExpect: magic\r\n\r\n', 417],
  ])(
    'refuses %s with a status, a reason in the body and a close; nothing reaches the handler',
    async (_, bytes, status) => {
      const seen: ReceivedRequest[] = [];
      const { open, errors } = await start((r) => {
        seen.push(r);
        return echo(r);
      });
      const c = await open();
      c.write(bytes);
      // The cut-off request is only known to be cut off when the sender shuts down its side.
      if (bytes.endsWith('ab')) c.end();
      const answer = await c.read();
      expect(answer.status).toBe(status);
      expect(answer.headers.connection).toBe('close');
      expect(answer.body.toString()).toMatch(/^Hookbench could not read this request: /);
      await c.closedByServer();
      expect(seen).toEqual([]);
      expect(errors.length).toBeGreaterThan(0);
    },
  );

  it('answers 431 to a head over the limit', async () => {
    const { open } = await start(echo);
    const c = await open();
    c.write(`GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'y'.repeat(20_000)}\r\n\r\n`);
    const answer = await c.read();
    expect(answer.status).toBe(431);
    expect(answer.body.toString()).toMatch(/larger than 16384 bytes/);
  });

  it('keeps the prefix of a chunked body over the cap, answers it and closes', async () => {
    const seen: ReceivedRequest[] = [];
    const { open } = await start(
      (r) => {
        seen.push(r);
        return { status: r.truncated ? 413 : 200, headers: [], body: Buffer.alloc(0) };
      },
      { maxBodyBytes: 5 },
    );
    const c = await open();
    c.write('POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nabcd\r\n4\r\nefgh\r\n');
    const answer = await c.read();
    expect(answer.status).toBe(413);
    expect(answer.headers.connection).toBe('close');
    expect(seen[0]!.body.toString()).toBe('abcde');
    expect(seen[0]!.truncated).toBe(true);
    await c.closedByServer();
  });

  it("writes the rule's headers but frames the body itself, leaving out headers HTTP cannot carry", async () => {
    const { open, errors } = await start(() => ({
      status: 201,
      headers: [
        ['X-One', 'a'],
        ['Content-Length', '999'],
        ['Transfer-Encoding', 'chunked'],
        ['Connection', 'close'],
        ['Bad Name', 'x'],
        ['X-Injected', 'a\r\nSet-Cookie: evil=1'],
        ['X-One', 'b'],
        ['Date', 'Thu, 01 Jan 1970 00:00:00 GMT'],
      ],
      body: Buffer.from('created'),
    }));
    const c = await open();
    c.write('POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n');
    const answer = await c.read();
    expect(answer.status).toBe(201);
    expect(answer.head.split('\r\n').slice(1)).toEqual([
      'X-One: a',
      'X-One: b',
      'Date: Thu, 01 Jan 1970 00:00:00 GMT',
      'Content-Length: 7',
      'Connection: keep-alive',
      'Keep-Alive: timeout=5',
    ]);
    expect(answer.body.toString()).toBe('created');
    expect(errors.map((e) => e.message)).toEqual([
      'Left out the answer header "Bad Name": not valid in HTTP.',
      'Left out the answer header "X-Injected": not valid in HTTP.',
    ]);
  });

  it('holds the connection without answering when the handler says never answer', async () => {
    const { open } = await start(() => NEVER_ANSWER);
    const c = await open();
    c.write('POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n');
    await expect(c.read({ timeoutMs: 300 })).rejects.toThrow(/timed out/);
    expect(c.closed).toBe(false);
  });

  it('closes a kept-alive connection that stays idle past its timeout', async () => {
    const { open } = await start(echo, { keepAliveTimeoutMs: 200 });
    const c = await open();
    c.write('GET / HTTP/1.1\r\nHost: x\r\n\r\n');
    expect((await c.read()).headers['keep-alive']).toBe('timeout=1');
    const started = Date.now();
    await c.closedByServer(3_000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
  });

  it('answers 408 to a request whose body stops arriving', async () => {
    const { open } = await start(echo, { requestTimeoutMs: 200 });
    const c = await open();
    c.write('POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nabc');
    const answer = await c.read({ timeoutMs: 3_000 });
    expect(answer.status).toBe(408);
    expect(answer.body.toString()).toMatch(/body did not arrive in time/);
  });

  it('works with a real client: undici over kept-alive connections, in parallel', async () => {
    const { port } = await start(echo);
    const pool = new Pool(`http://127.0.0.1:${port}`, { connections: 4, pipelining: 2 });
    try {
      const answers = await Promise.all(
        Array.from({ length: 200 }, async (_, i) => {
          const res = await pool.request({ path: `/u/${i}`, method: 'POST', body: `body-${i}` });
          return res.body.text();
        }),
      );
      expect(answers).toEqual(Array.from({ length: 200 }, (_, i) => `POST /u/${i} body-${i}`));
    } finally {
      await pool.close();
    }
  });

  it('survives random bytes and keeps serving', async () => {
    const { port, open } = await start(echo);
    let seed = 42;
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
    const pieces = [
      'GET',
      'POST',
      ' ',
      '/',
      'HTTP/1.1',
      '\r\n',
      ':',
      'Host: x',
      'Content-Length: 3',
      'Transfer-Encoding: chunked',
      '0',
      'ff',
      '\x00',
      '\xff',
      ';',
      '\n',
    ];
    for (let i = 0; i < 60; i++) {
      const c = await open();
      let text = '';
      for (let j = 0; j < 30; j++) text += pieces[Math.floor(random() * pieces.length)] ?? '';
      c.write(Buffer.from(text, 'latin1'));
      c.end();
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    const ok = await rawRequest(port, 'GET /still HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    expect(ok.status).toBe(200);
  });
});
