import { describe, expect, it } from 'vitest';
import { ChunkedDecoder, HttpProtocolError, parseHead } from '../../../../../src/main/core/receiver/http1';

function refused(head: string): HttpProtocolError {
  try {
    parseHead(head);
  } catch (error) {
    if (error instanceof HttpProtocolError) return error;
    throw error;
  }
  throw new Error(`accepted: ${head}`);
}

describe('parseHead', () => {
  it('reads the request line and keeps header names, order, duplicates and values as sent', () => {
    const head = parseHead(
      'POST /hooks/a/b?x=1&x=%20 HTTP/1.1\r\nHost: h:1\r\nX-Dup: one\r\nsvix-ID:msg_1\r\nX-Dup:  two \t\r\n' +
        'X-Empty:\r\nContent-Length: 12',
    );
    expect(head).toMatchObject({
      method: 'POST',
      url: '/hooks/a/b?x=1&x=%20',
      httpVersion: '1.1',
      framing: { kind: 'length', length: 12 },
      keepAlive: true,
      expectContinue: false,
      host: 'h:1',
    });
    expect(head.headers).toEqual([
      ['Host', 'h:1'],
      ['X-Dup', 'one'],
      ['svix-ID', 'msg_1'],
      ['X-Dup', 'two'],
      ['X-Empty', ''],
      ['Content-Length', '12'],
    ]);
  });

  it('knows which connections stay open', () => {
    expect(parseHead('GET / HTTP/1.1\r\nHost: h\r\nConnection: close').keepAlive).toBe(false);
    expect(parseHead('GET / HTTP/1.1\r\nHost: h\r\nConnection: Upgrade, Close').keepAlive).toBe(false);
    expect(parseHead('GET / HTTP/1.0').keepAlive).toBe(false);
    expect(parseHead('GET / HTTP/1.0\r\nConnection: keep-alive').keepAlive).toBe(true);
    expect(parseHead('GET / HTTP/1.0\r\nConnection: Keep-Alive').keepAlive).toBe(true);
    expect(parseHead('GET / HTTP/1.1\r\nHost: h\r\nConnection: CLOSE').keepAlive).toBe(false);
    expect(parseHead('GET / HTTP/1.1\r\nHost: h\r\nConnection: closed').keepAlive).toBe(true);
    expect(
      parseHead('GET / HTTP/1.1\r\nHost: h\r\nConnection: keep-alive\r\nConnection: close').keepAlive,
    ).toBe(false);
    // HTTP/1.0 needs no Host; a later 1.x is answered as 1.1.
    expect(parseHead('GET / HTTP/1.0').httpVersion).toBe('1.0');
    expect(parseHead('GET / HTTP/1.9\r\nHost: h').httpVersion).toBe('1.1');
  });

  it('takes chunked framing, Expect: 100-continue and obs-text in values', () => {
    const head = parseHead(
      'PUT /x HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: gzip, chunked\r\nExpect: 100-Continue\r\nX-L: caf\xe9',
    );
    expect(head.framing).toEqual({ kind: 'chunked' });
    expect(head.expectContinue).toBe(true);
    expect(head.headers[3]).toEqual(['X-L', 'caf\xe9']);
    // Equal duplicate lengths are one length.
    expect(
      parseHead('POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\nContent-Length: 03').framing,
    ).toEqual({
      kind: 'length',
      length: 3,
    });
  });

  it.each([
    ['THIS IS NOT HTTP', 400, /request line/],
    ['GET  / HTTP/1.1\r\nHost: h', 400, /request line/],
    ['GET /a b HTTP/1.1\r\nHost: h', 400, /request line/],
    ['GET / HTTP/2.0\r\nHost: h', 505, /HTTP\/2.0 is not supported/],
    ['G(T / HTTP/1.1\r\nHost: h', 400, /request line/],
    [' / HTTP/1.1\r\nHost: h', 400, /request line/],
    ['GET / HTTP/1.1 \r\nHost: h', 400, /request line/],
    ['GET / HTTP/10.1\r\nHost: h', 400, /request line/],
    ['GET / HTTP/1,1\r\nHost: h', 400, /request line/],
    ['GET / HTTP/x.1\r\nHost: h', 400, /request line/],
    ['GET / http/1.1\r\nHost: h', 400, /request line/],
    ['GET / HTTP/1.\r\nHost: h', 400, /request line/],
    ['GET /\r\nHost: h', 400, /request line/],
    ['GET /\x01 HTTP/1.1\r\nHost: h', 400, /request line/],
    ['GET / HTTP/1.1', 400, /needs a Host header/],
    ['GET / HTTP/1.1\r\nHost: a\r\nHost: b', 400, /more than one Host/],
    ['GET / HTTP/1.1\r\nHost: h\r\nX-A: 1\r\n folded', 400, /line folding/],
    ['GET / HTTP/1.1\r\nHost: h\r\nX-A : 1', 400, /Header name "X-A "/],
    ['GET / HTTP/1.1\r\nHost: h\r\nno colon here', 400, /no "name: value" form/],
    ['GET / HTTP/1.1\r\nHost: h\r\n: empty name', 400, /no "name: value" form/],
    ['GET / HTTP/1.1\r\nHost: h\r\nX-A: a\x00b', 400, /control character/],
    ['GET / HTTP/1.1\r\nHost: h\r\nX-A: a\nb', 400, /control character/],
    ['GET / HTTP/1.1\r\nHost: h\r\nX-A: a\rb', 400, /control character/],
    ['POST / HTTP/1.1\r\nHost: h\r\nContent-Length: -1', 400, /not a number of bytes/],
    ['POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 1e3', 400, /not a number of bytes/],
    ['POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 3, 3', 400, /not a number of bytes/],
    [
      'POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\nContent-Length: 4',
      400,
      /Two different Content-Length/,
    ],
    [
      'POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\nTransfer-Encoding: chunked',
      400,
      /both Content-Length/,
    ],
    ['POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: gzip', 400, /does not end with "chunked"/],
    ['POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked, chunked', 400, /does not end with "chunked"/],
    ['POST / HTTP/1.1\r\nHost: h\r\nExpect: 200-ok', 417, /only 100-continue/],
  ])('refuses %j with %i', (head, status, message) => {
    const error = refused(head);
    expect(error.status).toBe(status);
    expect(error.message).toMatch(message);
  });
});

describe('ChunkedDecoder', () => {
  const body =
    '5;name=value\r\n{"a":\r\n3\r\n1}\n\r\nA \t\r\n0123456789\r\n0\r\nX-Trailer: yes\r\n\r\nNEXT REQUEST';

  function decode(pieces: Buffer[], maxTrailerBytes = 1024): { data: string; rest: string; done: boolean } {
    const decoder = new ChunkedDecoder(maxTrailerBytes);
    const data: Buffer[] = [];
    let rest = '';
    for (const piece of pieces) {
      if (decoder.done) {
        rest += piece.toString('latin1');
        continue;
      }
      const used = decoder.push(piece, (p) => {
        data.push(Buffer.from(p));
        return true;
      });
      rest += piece.subarray(used).toString('latin1');
    }
    return { data: Buffer.concat(data).toString('latin1'), rest, done: decoder.done };
  }

  it('decodes sizes with extensions, data and trailers, and stops where the next request starts', () => {
    expect(decode([Buffer.from(body, 'latin1')])).toEqual({
      data: '{"a":1}\n0123456789',
      rest: 'NEXT REQUEST',
      done: true,
    });
  });

  it('gives the same result however the bytes are split', () => {
    const bytes = Buffer.from(body, 'latin1');
    const oneByOne = Array.from(bytes, (b) => Buffer.from([b]));
    expect(decode(oneByOne)).toEqual(decode([bytes]));
    for (let cut = 1; cut < bytes.length; cut += 7) {
      expect(decode([bytes.subarray(0, cut), bytes.subarray(cut)])).toEqual(decode([bytes]));
    }
  });

  it('stops reading when told to (a body over the cap)', () => {
    const decoder = new ChunkedDecoder(1024);
    const used = decoder.push(Buffer.from('3\r\nabc\r\n3\r\ndef\r\n0\r\n\r\n'), () => false);
    expect(used).toBe(6);
    expect(decoder.done).toBe(false);
  });

  it.each([
    ['zz\r\nabc\r\n0\r\n\r\n', 400, /not a hexadecimal size/],
    ['\r\n', 400, /not a hexadecimal size/],
    ['3\r\nabcd\r\n0\r\n\r\n', 400, /more data than its size/],
    ['3\nabc\r\n0\r\n\r\n', 400, /bare LF/],
    ['FFFFFFFFFFFFFFFF\r\n', 400, /not a hexadecimal size/],
    ['0\r\nno colon\r\n\r\n', 400, /trailer line/],
    ['1'.repeat(5000), 400, /longer than 4096/],
    ['3;ext=\x01\r\nabc\r\n0\r\n\r\n', 400, /not a hexadecimal size/],
    [`0\r\nX-Big: ${'x'.repeat(2000)}\r\n\r\n`, 431, /trailer fields are larger/],
  ])('refuses %j', (text, status, message) => {
    const decoder = new ChunkedDecoder(1024);
    let caught: unknown;
    try {
      decoder.push(Buffer.from(text), () => true);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(HttpProtocolError);
    expect((caught as HttpProtocolError).status).toBe(status);
    expect((caught as HttpProtocolError).message).toMatch(message);
  });
});
