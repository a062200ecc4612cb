import { timingSafeEqual } from 'node:crypto';

/**
 * Compares two signatures (or tokens) in time that does not depend on where they differ, so a sender probing the
 * receiver cannot learn a valid signature byte by byte. Different lengths are unequal; the length itself is public
 * (it is fixed by the scheme), but a comparison still runs so both paths cost about the same.
 */
export function constantTimeEqual(a: string | Buffer, b: string | Buffer): boolean {
  const left = typeof a === 'string' ? Buffer.from(a, 'utf8') : a;
  const right = typeof b === 'string' ? Buffer.from(b, 'utf8') : b;
  if (left.length !== right.length) {
    timingSafeEqual(left, left);
    return false;
  }
  return timingSafeEqual(left, right);
}
