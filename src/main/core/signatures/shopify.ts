import { createHmac } from 'node:crypto';
import type { HeaderPair } from '../../../shared/models';
import { findHeader, isBase64 } from './headers';
import { keyForms } from './secret-forms';
import type { SchemeImplementation } from './scheme-types';
import { hmacMatcher, verifySigned, type ParseResult, type SignedScheme } from './verify-signed';

const HEADER = 'X-Shopify-Hmac-Sha256';

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
  const value = found.value.trim();
  if (!isBase64(value, 32)) {
    return {
      ok: false,
      verdict: 'invalid',
      cause: 'header-malformed',
      reason: `${found.name} should be the base64 of a 32-byte HMAC-SHA256 (44 characters).`,
      received: found.value,
    };
  }
  return {
    ok: true,
    value: {
      id: null,
      timestamp: null,
      entries: [{ version: '', value }],
      received: found.value,
      header: found.name,
    },
  };
}

const spec: SignedScheme = {
  name: 'shopify',
  family: ['shopify'],
  parse,
  parts: () => ({ prefix: '', suffix: '', includesBody: true }),
  matchers: ({ secret }) =>
    keyForms(secret, 'text').map((form) => hmacMatcher(form, 'sha256', 'base64', '', (s) => s)),
  tolerance: () => null,
};

/** Shopify: `X-Shopify-Hmac-Sha256: <base64 HMAC-SHA256 of the body>` keyed with the app's client secret. */
export const shopifyScheme: SchemeImplementation = {
  name: 'shopify',
  idHeaders: () => ['X-Shopify-Webhook-Id'],
  sign: ({ secret }, input) => [
    ['X-Shopify-Webhook-Id', input.id],
    [HEADER, createHmac('sha256', Buffer.from(secret, 'utf8')).update(input.body).digest('base64')],
  ],
  verify: (config, request) => verifySigned(spec, config, request),
  checkSecret: () => null,
};
