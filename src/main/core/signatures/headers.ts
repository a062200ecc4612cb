import type { HeaderPair } from '../../../shared/models';

/** The first header with one of these names (case-insensitive, names tried in order), as received. */
export function findHeader(
  headers: readonly HeaderPair[],
  ...names: string[]
): { name: string; value: string } | null {
  for (const wanted of names) {
    const lower = wanted.toLowerCase();
    for (const [name, value] of headers) if (name.toLowerCase() === lower) return { name, value };
  }
  return null;
}

/** Every value of one header (duplicates kept, in order). */
export function headerValues(headers: readonly HeaderPair[], name: string): string[] {
  const lower = name.toLowerCase();
  return headers.filter(([n]) => n.toLowerCase() === lower).map(([, v]) => v);
}

/** True for standard base64 (with padding) of exactly `bytes` bytes, when given. */
export function isBase64(text: string, bytes?: number): boolean {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text) || text.length % 4 !== 0) return false;
  return bytes === undefined || Buffer.from(text, 'base64').length === bytes;
}

/** Signature headers of every scheme, to say which scheme a request seems to use when the configured one finds none. */
const SCHEME_HEADERS: readonly [string, string][] = [
  ['webhook-signature', 'standard-webhooks'],
  ['svix-signature', 'svix'],
  ['stripe-signature', 'stripe'],
  ['x-hub-signature-256', 'github'],
  ['x-slack-signature', 'slack'],
  ['x-shopify-hmac-sha256', 'shopify'],
  ['authorization', 'bearer'],
];

/** A hint such as ` It carries Stripe-Signature: was it signed with the stripe scheme?`, or ''. */
export function otherSchemeHint(headers: readonly HeaderPair[], own: readonly string[]): string {
  for (const [header, scheme] of SCHEME_HEADERS) {
    if (own.includes(scheme)) continue;
    const found = findHeader(headers, header);
    if (found) return ` It carries ${found.name}: was it signed with the ${scheme} scheme?`;
  }
  return '';
}
