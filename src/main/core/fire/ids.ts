import { randomBytes, randomUUID } from 'node:crypto';

/** The shortuuid alphabet Credo AI's ids use: digits and letters without 0, 1, I, O and l. */
export const BASE57_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const BASE62_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

// Random bytes are drawn in blocks: one call per id would cost a system call each, which bulk fire feels.
let pool = Buffer.alloc(0);
let poolAt = 0;

function randomByte(): number {
  if (poolAt >= pool.length) {
    pool = randomBytes(4096);
    poolAt = 0;
  }
  return pool[poolAt++] ?? 0;
}

/** `length` characters drawn uniformly from `alphabet` (rejection sampling, so no character is favoured). */
export function randomString(alphabet: string, length: number): string {
  const limit = 256 - (256 % alphabet.length);
  let out = '';
  while (out.length < length) {
    const byte = randomByte();
    if (byte < limit) out += alphabet.charAt(byte % alphabet.length);
  }
  return out;
}

/** A Credo AI style id: 22 base57 characters, e.g. `QHG9s995aVztB6Xc3caXyW`. */
export function base57Id(length = 22): string {
  return randomString(BASE57_ALPHABET, length);
}

/** A Svix style message id: `msg_` and 27 base62 characters. */
export function messageId(prefix = 'msg_'): string {
  return `${prefix}${randomString(BASE62_ALPHABET, 27)}`;
}

/** An id in a provider's format (`base57`, `uuid`, or `random`: 20 base62 characters). */
export function providerId(format: 'base57' | 'uuid' | 'random', length?: number): string {
  if (format === 'base57') return base57Id(length ?? 22);
  if (format === 'uuid') return randomUUID();
  return randomString(BASE62_ALPHABET, length ?? 20);
}

/** An ISO 8601 UTC time with microseconds, as Credo AI writes it (`2025-08-08T05:56:32.136590Z`). */
export function isoMicros(ms: number = Date.now()): string {
  const micros = String(Math.floor(Math.random() * 1000)).padStart(3, '0');
  return new Date(ms).toISOString().replace(/Z$/, `${micros}Z`);
}
