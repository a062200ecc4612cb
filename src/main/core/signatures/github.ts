import { createHmac } from 'node:crypto';
import type { HeaderPair } from '../../../shared/models';
import { findHeader } from './headers';
import { keyForms } from './secret-forms';
import type { SchemeImplementation } from './scheme-types';
import { hmacMatcher, verifySigned, type ParseResult, type SignedScheme } from './verify-signed';

const HEADER = 'X-Hub-Signature-256';

function parse(headers: readonly HeaderPair[]): ParseResult {
  const found = findHeader(headers, HEADER);
  if (!found) {
    const legacy = findHeader(headers, 'X-Hub-Signature');
    return {
      ok: false,
      verdict: 'missing',
      cause: 'header-missing',
      reason: legacy
        ? `The request has only the legacy ${legacy.name} (SHA-1), no ${HEADER}; Hookbench checks the SHA-256 one.`
        : `The request has no ${HEADER} header.`,
      received: null,
    };
  }
  const match = /^sha256=([0-9a-f]{64})$/i.exec(found.value.trim());
  if (!match?.[1]) {
    return {
      ok: false,
      verdict: 'invalid',
      cause: 'header-malformed',
      reason: `${found.name} should be sha256= followed by 64 hex digits.`,
      received: found.value,
    };
  }
  return {
    ok: true,
    value: {
      id: null,
      timestamp: null,
      entries: [{ version: '', value: match[1].toLowerCase() }],
      received: found.value,
      header: found.name,
    },
  };
}

const spec: SignedScheme = {
  name: 'github',
  family: ['github'],
  parse,
  parts: () => ({ prefix: '', suffix: '', includesBody: true }),
  matchers: ({ secret }) =>
    keyForms(secret, 'text').map((form) => hmacMatcher(form, 'sha256', 'hex', '', (s) => `sha256=${s}`)),
  tolerance: () => null,
};

/** GitHub: `X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the body>`; the delivery id is `X-GitHub-Delivery`. */
export const githubScheme: SchemeImplementation = {
  name: 'github',
  idHeaders: () => ['X-GitHub-Delivery'],
  sign: ({ secret }, input) => [
    ['X-GitHub-Delivery', input.id],
    [HEADER, `sha256=${createHmac('sha256', Buffer.from(secret, 'utf8')).update(input.body).digest('hex')}`],
  ],
  verify: (config, request) => verifySigned(spec, config, request),
  checkSecret: () => null,
};
