import type { HeaderPair } from '../../../shared/models';

/**
 * Headers a client computes itself from the connection and the body: copying them into a command or a snippet
 * would be wrong (a stale length) or refused (fetch forbids them).
 */
const COMPUTED_HEADERS = new Set(['host', 'content-length', 'connection', 'transfer-encoding']);

/** The captured headers a resend should carry, in received order, duplicates kept. */
export function resendableHeaders(headers: readonly HeaderPair[]): HeaderPair[] {
  return headers.filter(([name]) => !COMPUTED_HEADERS.has(name.toLowerCase()));
}

/** True when one of `headers` has this name (case-insensitive, as HTTP compares names). */
export function hasHeader(headers: readonly HeaderPair[], name: string): boolean {
  const wanted = name.toLowerCase();
  return headers.some(([n]) => n.toLowerCase() === wanted);
}

/** The first value of a header, case-insensitively; null when absent. */
export function headerValue(headers: readonly HeaderPair[], name: string): string | null {
  const wanted = name.toLowerCase();
  return headers.find(([n]) => n.toLowerCase() === wanted)?.[1] ?? null;
}

/** The address a capture was sent to: the receiver's base URL and the path and query exactly as received. */
export function captureAddress(receiverUrl: string | null, url: string): string {
  const base = (receiverUrl ?? 'http://127.0.0.1:4545').replace(/\/+$/, '');
  return `${base}${url.startsWith('/') ? url : `/${url}`}`;
}
