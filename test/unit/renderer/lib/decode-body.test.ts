import { describe, expect, it } from 'vitest';
import {
  base64ByteLength,
  base64ToBytes,
  bytesToBase64,
  decodeBody,
  hexDump,
} from '../../../../src/renderer/src/lib/decode-body';
import { bytesBase64, utf8Base64 } from '../helpers/fixtures';

describe('decodeBody', () => {
  it('says empty for an empty body', () => {
    expect(decodeBody('')).toEqual({ kind: 'empty' });
  });

  it('pretty-prints JSON objects and arrays, keeping the original text for copying', () => {
    const body = decodeBody(utf8Base64('{"hello":"world"}'));
    expect(body.kind).toBe('json');
    if (body.kind !== 'json') return;
    expect(body.pretty).toBe('{\n  "hello": "world"\n}');
    expect(body.text).toBe('{"hello":"world"}');
  });

  it('shows text that is not JSON as text, UTF-8 decoded', () => {
    expect(decodeBody(utf8Base64('a=1&b=ünïcødé'))).toEqual({ kind: 'text', text: 'a=1&b=ünïcødé' });
    expect(decodeBody(utf8Base64('{broken'))).toEqual({ kind: 'text', text: '{broken' });
  });

  it('detects bytes that are not UTF-8 and dumps them as hex', () => {
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0x00]);
    const body = decodeBody(bytesBase64(bytes));
    expect(body.kind).toBe('binary');
    if (body.kind !== 'binary') return;
    expect(body.hex).toBe('00000000  89 50 4e 47 0d 0a 1a 0a  ff 00                    |.PNG......|');
    expect(body.shownBytes).toBe(10);
  });

  it('limits the hex dump to the first 4 KiB', () => {
    const bytes = new Uint8Array(10_000).fill(0xfe);
    const body = decodeBody(bytesToBase64(bytes));
    expect(body.kind).toBe('binary');
    if (body.kind !== 'binary') return;
    expect(body.shownBytes).toBe(4096);
    expect(body.hex.split('\n')).toHaveLength(256);
    expect(body.bytes).toHaveLength(10_000);
  });
});

describe('base64 helpers', () => {
  it('round-trip bytes and know the decoded length without decoding', () => {
    const bytes = new Uint8Array([0, 1, 2, 250, 251, 252, 253]);
    const encoded = bytesToBase64(bytes);
    expect(Array.from(base64ToBytes(encoded))).toEqual(Array.from(bytes));
    for (let n = 0; n < 6; n += 1) expect(base64ByteLength(bytesToBase64(new Uint8Array(n)))).toBe(n);
  });

  it('dumps a partial last line with its offset and ASCII column', () => {
    const bytes = new TextEncoder().encode('0123456789abcdefXYZ');
    expect(hexDump(bytes).split('\n')[1]).toBe(
      '00000010  58 59 5a                                          |XYZ|',
    );
  });
});
