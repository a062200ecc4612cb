import { tokenizePrettyJson, type JsonToken } from './json-tokens';

/** How many bytes of a binary body the hex dump shows; more would only slow the view down. */
export const HEX_DUMP_LIMIT = 4096;

/** Above this size JSON is re-indented but not coloured: thousands of spans would make the pane sluggish. */
const HIGHLIGHT_LIMIT = 256 * 1024;

/** What the body view shows for a body. */
export type DecodedBody =
  | { kind: 'empty' }
  | { kind: 'json'; text: string; pretty: string; tokens: JsonToken[] | null }
  | { kind: 'text'; text: string }
  | { kind: 'binary'; bytes: Uint8Array; hex: string; shownBytes: number };

/** Decodes base64 (how bodies travel over the contract) into the exact bytes that were received. */
export function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * Classic hex dump: offset, 16 bytes in two groups of eight, then the printable ASCII. Only the first `limit`
 * bytes are dumped.
 */
export function hexDump(bytes: Uint8Array, limit = HEX_DUMP_LIMIT): string {
  const lines: string[] = [];
  const end = Math.min(bytes.length, limit);
  for (let offset = 0; offset < end; offset += 16) {
    const row = bytes.subarray(offset, Math.min(offset + 16, end));
    const hex = Array.from(row, (b) => b.toString(16).padStart(2, '0'));
    const left = hex.slice(0, 8).join(' ');
    const right = hex.slice(8).join(' ');
    const ascii = Array.from(row, (b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.')).join('');
    lines.push(
      `${offset.toString(16).padStart(8, '0')}  ${left.padEnd(23)}  ${right.padEnd(23)}  |${ascii}|`,
    );
  }
  return lines.join('\n');
}

/**
 * Decides how to show a body: JSON (re-indented, literals untouched) when it parses as JSON, text when it is valid
 * UTF-8, otherwise a hex dump of the first 4 KiB. UTF-8 is decoded with `fatal: true` so binary data is detected
 * instead of being shown as replacement characters.
 */
export function decodeBody(bodyBase64: string): DecodedBody {
  const bytes = base64ToBytes(bodyBase64);
  if (bytes.length === 0) return { kind: 'empty' };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const shownBytes = Math.min(bytes.length, HEX_DUMP_LIMIT);
    return { kind: 'binary', bytes, hex: hexDump(bytes), shownBytes };
  }
  const first = text.trimStart().charAt(0);
  // Only objects and arrays count as JSON: a plain-text body "42" or "true" is better shown as what it is.
  if (first === '{' || first === '[') {
    const tokens = tokenizePrettyJson(text);
    if (tokens) {
      const pretty = tokens.map((t) => t.text).join('');
      return { kind: 'json', text, pretty, tokens: text.length <= HIGHLIGHT_LIMIT ? tokens : null };
    }
  }
  return { kind: 'text', text };
}

/** Standard base64 of bytes, for copying a binary body somewhere it can be decoded again. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/** The number of bytes a base64 string decodes to, without decoding it. */
export function base64ByteLength(base64: string): number {
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  return Math.floor((base64.length * 3) / 4) - padding;
}
