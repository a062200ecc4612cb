/**
 * Shell quoting that keeps every byte: what `Copy as curl` needs so a pasted command sends exactly what was
 * received, including bytes that are not UTF-8.
 */

const HEX = (byte: number): string => `\\x${byte.toString(16).padStart(2, '0')}`;

/** Code points that are valid UTF-8 but invisible or misleading in a terminal (C1 controls, bidi, BOM, …). */
function isInvisible(codePoint: number): boolean {
  return (
    (codePoint >= 0x80 && codePoint <= 0x9f) ||
    (codePoint >= 0x200b && codePoint <= 0x200f) ||
    (codePoint >= 0x202a && codePoint <= 0x202e) ||
    (codePoint >= 0x2066 && codePoint <= 0x2069) ||
    codePoint === 0x2028 ||
    codePoint === 0x2029 ||
    codePoint === 0xfeff
  );
}

/** Length of the well-formed UTF-8 sequence starting at `i`, or 0 when the byte there does not start one. */
function utf8SequenceLength(bytes: Uint8Array, i: number): number {
  const lead = bytes[i] ?? 0;
  const length =
    lead >= 0xc2 && lead <= 0xdf
      ? 2
      : lead >= 0xe0 && lead <= 0xef
        ? 3
        : lead >= 0xf0 && lead <= 0xf4
          ? 4
          : 0;
  if (length === 0 || i + length > bytes.length) return 0;
  for (let k = 1; k < length; k += 1) {
    const next = bytes[i + k] ?? 0;
    if (next < 0x80 || next > 0xbf) return 0;
  }
  const second = bytes[i + 1] ?? 0;
  // Overlong forms, UTF-16 surrogates and code points above U+10FFFF are not UTF-8.
  if (lead === 0xe0 && second < 0xa0) return 0;
  if (lead === 0xed && second > 0x9f) return 0;
  if (lead === 0xf0 && second < 0x90) return 0;
  if (lead === 0xf4 && second > 0x8f) return 0;
  return length;
}

/**
 * Escapes bytes for the inside of a quoted string: printable ASCII and visible UTF-8 characters stay as they are;
 * `escapeAscii` decides for ASCII bytes, every other byte (control, invalid UTF-8, invisible characters) becomes
 * `\xHH`.
 */
function escapeBytes(bytes: Uint8Array, escapeAscii: (byte: number) => string): string {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    const byte = bytes[i] ?? 0;
    if (byte < 0x80) {
      out += escapeAscii(byte);
      i += 1;
      continue;
    }
    const length = utf8SequenceLength(bytes, i);
    const char = length > 0 ? decoder.decode(bytes.subarray(i, i + length)) : '';
    if (length > 0 && !isInvisible(char.codePointAt(0) ?? 0)) {
      out += char;
      i += length;
    } else {
      const end = length > 0 ? i + length : i + 1;
      for (let k = i; k < end; k += 1) out += HEX(bytes[k] ?? 0);
      i = end;
    }
  }
  return out;
}

const NAMED: Record<number, string> = { 0x0a: '\\n', 0x0d: '\\r', 0x09: '\\t' };

/**
 * Bash ANSI-C quoting, `$'…'`: `\\`, `\'`, `\n`, `\r`, `\t`, other control bytes and bytes that are not UTF-8 as
 * `\xHH`. Bash strings cannot hold a NUL byte, so callers must not pass one (see `printfFormat`).
 */
export function ansiCQuote(bytes: Uint8Array): string {
  const inner = escapeBytes(bytes, (byte) => {
    if (byte === 0x5c) return '\\\\';
    if (byte === 0x27) return "\\'";
    if (NAMED[byte]) return NAMED[byte];
    return byte >= 0x20 && byte < 0x7f ? String.fromCharCode(byte) : HEX(byte);
  });
  return `$'${inner}'`;
}

/**
 * A single-quoted `printf` format that prints exactly `bytes`, NUL included: `%` doubled, `\\` for a backslash,
 * `\x27` for a quote and `\xHH` for every control or non-UTF-8 byte.
 */
export function printfFormat(bytes: Uint8Array): string {
  const inner = escapeBytes(bytes, (byte) => {
    if (byte === 0x25) return '%%';
    if (byte === 0x5c) return '\\\\';
    if (byte === 0x27) return '\\x27';
    if (NAMED[byte]) return NAMED[byte];
    return byte >= 0x20 && byte < 0x7f ? String.fromCharCode(byte) : HEX(byte);
  });
  return `'${inner}'`;
}

/** Quotes one shell word: plain single quotes when that is enough, else `$'…'`. */
export function shellQuote(bytes: Uint8Array): string {
  const plain = bytes.every((b) => b >= 0x20 && b < 0x7f && b !== 0x27);
  return plain ? `'${String.fromCharCode(...bytes)}'` : ansiCQuote(bytes);
}

/** The largest UTF-16 code unit in `text` (0 for empty text). */
function maxCharCode(text: string): number {
  let max = 0;
  for (let i = 0; i < text.length; i += 1) max = Math.max(max, text.charCodeAt(i));
  return max;
}

/**
 * The bytes of a header name or value. Node hands header text over as latin1 (one char per byte), so each char is
 * one byte; text with wider characters (e.g. typed by a user) is encoded as UTF-8.
 */
export function headerTextBytes(text: string): Uint8Array {
  if (maxCharCode(text) <= 0xff) {
    return Uint8Array.from(text, (c) => c.charCodeAt(0));
  }
  return new TextEncoder().encode(text);
}
