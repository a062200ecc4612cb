import type { SchemeImplementation, Verification } from './scheme-types';
import { constantTimeEqual } from './constant-time';
import { findHeader } from './headers';
import { maskSecret } from './mask-secret';
import { verifyJwt } from '../sandbox-tenant/jwt';

/** A secret `jwt-hs256:<key>` accepts any unexpired HS256 JWT signed with the key (a token server's tokens). */
const JWT_KEY_PREFIX = 'jwt-hs256:';

/** The `exp` of a JWT, in seconds, when the token is one. */
function jwtExpiry(token: string): number | null {
  const payload = token.split('.')[1];
  if (token.split('.').length !== 3 || !payload) return null;
  try {
    const exp = (JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { exp?: unknown }).exp;
    return typeof exp === 'number' ? exp : null;
  } catch {
    return null;
  }
}

/**
 * `Authorization: Bearer <token>`: how a sender that authenticates with OAuth (Credo AI's `o_auth` method, with the
 * token from a token server) proves itself. Valid when the token is exactly the configured one, or with a secret
 * `jwt-hs256:<key>` when it is an unexpired HS256 JWT of that key (Hookbench's token server); shown masked.
 */
export const bearerScheme: SchemeImplementation = {
  name: 'bearer',
  idHeaders: () => [],
  sign: ({ secret }) => [['Authorization', `Bearer ${secret}`]],
  checkSecret: ({ secret }) =>
    /\s/.test(secret) ? 'A bearer token has no spaces (give the token alone, without "Bearer").' : null,
  verify({ secret }, request): Verification {
    const base = {
      scheme: 'bearer' as const,
      signed: null,
      signedContent: null,
      expected: `Bearer ${maskSecret(secret)}`,
    };
    const found = findHeader(request.headers, 'Authorization');
    if (!found) {
      return {
        ...base,
        verdict: 'missing',
        cause: 'header-missing',
        reason: 'The request has no Authorization header.',
        received: null,
        details: [],
      };
    }
    const match = /^Bearer\s+(\S+)\s*$/i.exec(found.value);
    if (!match?.[1]) {
      const kind = found.value.trim().split(/\s+/)[0] ?? '';
      return {
        ...base,
        verdict: 'invalid',
        cause: 'header-malformed',
        reason: `${found.name} does not hold a Bearer token (it starts with "${kind.slice(0, 12)}").`,
        received: maskSecret(found.value),
        details: [],
      };
    }
    const token = match[1];
    const received = `Bearer ${maskSecret(token)}`;
    if (secret.startsWith(JWT_KEY_PREFIX)) {
      const checked = verifyJwt(token, secret.slice(JWT_KEY_PREFIX.length), request.now);
      if (checked.ok) return { ...base, verdict: 'valid', cause: null, reason: null, received, details: [] };
      const expired = checked.reason === 'expired';
      return {
        ...base,
        verdict: expired ? 'expired' : 'invalid',
        cause: expired ? 'timestamp' : 'wrong-secret',
        reason: expired
          ? 'The token server signed this token, but it has expired.'
          : 'The bearer token was not issued by the configured token server.',
        received,
        details: [],
      };
    }
    if (constantTimeEqual(token, secret))
      return { ...base, verdict: 'valid', cause: null, reason: null, received, details: [] };
    const details: string[] = [];
    const exp = jwtExpiry(token);
    if (exp !== null && exp * 1000 < request.now)
      details.push(`The token is a JWT that expired ${Math.round(request.now / 1000 - exp)} s ago.`);
    return {
      ...base,
      verdict: 'invalid',
      cause: 'wrong-secret',
      reason: 'The bearer token is not the configured one.',
      received,
      details,
    };
  },
};
