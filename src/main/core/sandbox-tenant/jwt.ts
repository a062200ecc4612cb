import { createHmac, randomBytes } from 'node:crypto';
import { constantTimeEqual } from '../signatures/constant-time';

/** The claims Hookbench puts in its HS256 tokens (the sandbox's access tokens and OAuth tokens). */
export interface JwtClaims {
  sub: string;
  exp: number;
  iat: number;
  [claim: string]: unknown;
}

const b64url = (data: Buffer | string): string => Buffer.from(data).toString('base64url');

/** A fresh HS256 key as hex (32 random bytes). */
export function newJwtKey(): string {
  return randomBytes(32).toString('hex');
}

/** Signs claims as a compact HS256 JWT. */
export function signJwt(claims: JwtClaims, key: string): string {
  const head = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const body = b64url(JSON.stringify(claims));
  const mac = createHmac('sha256', key).update(`${head}.${body}`).digest('base64url');
  return `${head}.${body}.${mac}`;
}

/** Why a token is refused, or its claims: a bad signature and an expired `exp` are told apart. */
export function verifyJwt(
  token: string,
  key: string,
  nowMs: number = Date.now(),
): { ok: true; claims: JwtClaims } | { ok: false; reason: 'malformed' | 'signature' | 'expired' } {
  const parts = token.split('.');
  if (parts.length !== 3) return { ok: false, reason: 'malformed' };
  const [head = '', body = '', mac = ''] = parts;
  const expected = createHmac('sha256', key).update(`${head}.${body}`).digest('base64url');
  if (!constantTimeEqual(mac, expected)) return { ok: false, reason: 'signature' };
  let claims: JwtClaims;
  try {
    claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as JwtClaims;
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (typeof claims.exp !== 'number' || claims.exp * 1000 <= nowMs) return { ok: false, reason: 'expired' };
  return { ok: true, claims };
}

/** The `exp` (unix seconds) of a JWT without checking it, or null when the token is not a JWT with one. */
export function jwtExp(token: string): number | null {
  const body = token.split('.')[1];
  if (token.split('.').length !== 3 || !body) return null;
  try {
    const exp = (JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as { exp?: unknown }).exp;
    return typeof exp === 'number' ? exp : null;
  } catch {
    return null;
  }
}
