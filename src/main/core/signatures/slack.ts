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
  type SignedScheme,
} from './verify-signed';

const SIGNATURE = 'X-Slack-Signature';
const TIMESTAMP = 'X-Slack-Request-Timestamp';

function parse(headers: readonly HeaderPair[]): ParseResult {
  const signature = findHeader(headers, SIGNATURE);
  const timestamp = findHeader(headers, TIMESTAMP);
  if (!signature || !timestamp) {
    const absent = [signature ? null : SIGNATURE, timestamp ? null : TIMESTAMP]
      .filter(Boolean)
      .join(' and no ');
    return {
      ok: false,
      verdict: 'missing',
      cause: 'header-missing',
      reason: `The request has no ${absent} header.`,
      received: signature?.value ?? null,
    };
  }
  const malformed = (reason: string): ParseResult => ({
    ok: false,
    verdict: 'invalid',
    cause: 'header-malformed',
    reason,
    received: signature.value,
  });
  if (!/^\d+$/.test(timestamp.value.trim()))
    return malformed(`${timestamp.name} must be whole seconds since 1970, not "${timestamp.value}".`);
  const match = /^v0=([0-9a-f]{64})$/i.exec(signature.value.trim());
  if (!match?.[1]) return malformed(`${signature.name} should be v0= followed by 64 hex digits.`);
  return {
    ok: true,
    value: {
      id: null,
      timestamp: timestamp.value.trim(),
      entries: [{ version: 'v0', value: match[1].toLowerCase() }],
      received: signature.value,
      header: signature.name,
    },
  };
}

const spec: SignedScheme = {
  name: 'slack',
  family: ['slack'],
  parse,
  parts: (p) => ({ prefix: `v0:${p.timestamp ?? ''}:`, suffix: '', includesBody: true }),
  matchers: ({ secret }) =>
    keyForms(secret, 'text').map((form) => hmacMatcher(form, 'sha256', 'hex', 'v0', (s) => `v0=${s}`)),
  tolerance: (options) => options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS,
};

/** Slack: `X-Slack-Signature: v0=<hex HMAC-SHA256 of "v0:<timestamp>:<body>">` with `X-Slack-Request-Timestamp`. */
export const slackScheme: SchemeImplementation = {
  name: 'slack',
  idHeaders: () => [],
  sign: ({ secret }, input) => [
    [TIMESTAMP, String(input.timestamp)],
    [
      SIGNATURE,
      `v0=${createHmac('sha256', Buffer.from(secret, 'utf8'))
        .update(Buffer.concat([Buffer.from(`v0:${input.timestamp}:`), input.body]))
        .digest('hex')}`,
    ],
  ],
  verify: (config, request) => verifySigned(spec, config, request),
  checkSecret: () => null,
};
