import { createHmac } from 'node:crypto';
import type { HeaderPair } from '../../../shared/models';
import { findHeader } from './headers';
import { keyForms } from './secret-forms';
import type { SchemeImplementation } from './scheme-types';
import {
  DEFAULT_TOLERANCE_SECONDS,
  hmacMatcher,
  verifySigned,
  type ParseResult,
  type SignatureEntry,
  type SignedScheme,
} from './verify-signed';

const HEADER = 'Stripe-Signature';

function parse(headers: readonly HeaderPair[]): ParseResult {
  const found = findHeader(headers, HEADER);
  if (!found) {
    return {
      ok: false,
      verdict: 'missing',
      cause: 'header-missing',
      reason: `The request has no ${HEADER} header.`,
      received: null,
    };
  }
  const malformed = (reason: string): ParseResult => ({
    ok: false,
    verdict: 'invalid',
    cause: 'header-malformed',
    reason,
    received: found.value,
  });
  let timestamp: string | null = null;
  const entries: SignatureEntry[] = [];
  const versions = new Set<string>();
  for (const item of found.value.split(',')) {
    const eq = item.indexOf('=');
    if (eq <= 0) continue;
    const key = item.slice(0, eq).trim();
    const value = item.slice(eq + 1).trim();
    versions.add(key);
    if (key === 't' && timestamp === null) timestamp = value;
    else if (key === 'v1') entries.push({ version: 'v1', value: value.toLowerCase() });
  }
  if (timestamp === null) return malformed(`${found.name} has no t=<timestamp> part (expected t=…,v1=…).`);
  if (!/^\d+$/.test(timestamp))
    return malformed(`${found.name} has t=${timestamp}, which is not whole seconds since 1970.`);
  if (entries.length === 0) {
    return malformed(
      versions.has('v0')
        ? `${found.name} holds only v0= signatures (Stripe's legacy test-mode scheme); Hookbench checks v1=.`
        : `${found.name} has no v1=<signature> part (expected t=…,v1=…).`,
    );
  }
  return { ok: true, value: { id: null, timestamp, entries, received: found.value, header: found.name } };
}

const spec: SignedScheme = {
  name: 'stripe',
  family: ['stripe'],
  parse,
  parts: (p) => ({ prefix: `${p.timestamp ?? ''}.`, suffix: '', includesBody: true }),
  matchers: ({ secret }, p) =>
    keyForms(secret, 'text').map((form) =>
      hmacMatcher(form, 'sha256', 'hex', 'v1', (s) => `t=${p.timestamp ?? ''},v1=${s}`),
    ),
  tolerance: (options) => options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS,
};

/**
 * Stripe: `Stripe-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`, keyed with the whole secret
 * string (a `whsec_…` secret is NOT base64-decoded, unlike Standard Webhooks); several v1 while a secret rolls.
 */
export const stripeScheme: SchemeImplementation = {
  name: 'stripe',
  idHeaders: () => [],
  sign: ({ secret }, input) => {
    const hex = createHmac('sha256', Buffer.from(secret, 'utf8'))
      .update(Buffer.concat([Buffer.from(`${input.timestamp}.`), input.body]))
      .digest('hex');
    return [[HEADER, `t=${input.timestamp},v1=${hex}`]];
  },
  verify: (config, request) => verifySigned(spec, config, request),
  checkSecret: () => null,
};
