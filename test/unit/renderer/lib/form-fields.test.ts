import { describe, expect, it } from 'vitest';
import {
  multipartBoundary,
  parseMultipart,
  parseUrlEncoded,
} from '../../../../src/renderer/src/lib/form-fields';

describe('form bodies', () => {
  it('decodes URL-encoded fields in order, with repeats, plus signs and broken escapes', () => {
    expect(parseUrlEncoded('a=1&b=hello+world&a=2&empty=&flag&c=%E2%9C%93&bad=%zz')).toEqual([
      { name: 'a', value: '1' },
      { name: 'b', value: 'hello world' },
      { name: 'a', value: '2' },
      { name: 'empty', value: '' },
      { name: 'flag', value: '' },
      { name: 'c', value: '✓' },
      { name: 'bad', value: '%zz' },
    ]);
  });

  it('lists multipart parts with names, file names and text values', () => {
    const boundary = '----hb123';
    expect(multipartBoundary(`multipart/form-data; boundary="${boundary}"`)).toBe(boundary);
    expect(multipartBoundary('application/json')).toBeNull();
    const text =
      `--${boundary}\r\nContent-Disposition: form-data; name="event"\r\n\r\norder.paid\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`;
    const bytes = Uint8Array.from([
      ...new TextEncoder().encode(text),
      0x00,
      0xff,
      0x0d,
      ...new TextEncoder().encode(`\r\n--${boundary}--\r\n`),
    ]);
    expect(parseMultipart(bytes, boundary)).toEqual([
      { name: 'event', filename: null, contentType: null, size: 10, text: 'order.paid' },
      { name: 'file', filename: 'a.bin', contentType: 'application/octet-stream', size: 3, text: null },
    ]);
    expect(parseMultipart(new TextEncoder().encode('not multipart'), boundary)).toBeNull();
  });
});
