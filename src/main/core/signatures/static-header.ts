import type { SchemeImplementation, Verification } from './scheme-types';
import { constantTimeEqual } from './constant-time';
import { findHeader } from './headers';
import { maskSecret } from './mask-secret';

/**
 * A fixed shared header, e.g. the custom headers Credas can add to its webhooks (it does not sign): the request is
 * valid when the header holds exactly the configured value. The value is a secret, so it is shown masked.
 */
export const staticHeaderScheme: SchemeImplementation = {
  name: 'static',
  idHeaders: () => [],
  sign: ({ secret, options }) => [[options.header ?? '', secret]],
  checkSecret: ({ options }) =>
    options.header ? null : 'The static scheme needs the header name: static:<Header-Name>=<value>.',
  verify({ secret, options }, request): Verification {
    const header = options.header ?? '';
    const base = {
      scheme: 'static' as const,
      signed: null,
      signedContent: null,
      expected: maskSecret(secret),
      details: [],
    };
    const found = findHeader(request.headers, header);
    if (!found) {
      return {
        ...base,
        verdict: 'missing',
        cause: 'header-missing',
        reason: `The request has no ${header} header.`,
        received: null,
      };
    }
    const received = maskSecret(found.value);
    if (constantTimeEqual(found.value, secret))
      return { ...base, verdict: 'valid', cause: null, reason: null, received };
    if (constantTimeEqual(found.value.trim(), secret)) {
      return {
        ...base,
        verdict: 'invalid',
        cause: 'header-malformed',
        reason: `${found.name} holds the right value with spaces around it.`,
        received,
      };
    }
    return {
      ...base,
      verdict: 'invalid',
      cause: 'wrong-secret',
      reason: `${found.name} does not hold the configured value.`,
      received,
      details:
        found.value.toLowerCase() === secret.toLowerCase() ? ['The values differ only in letter case.'] : [],
    };
  },
};
