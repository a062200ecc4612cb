import { createHmac } from 'node:crypto';
import type { HeaderPair } from '../../../shared/models';
import type { SignatureCause, SignatureScheme, VerificationOptions } from '../../../shared/signature-models';
import { bodyVariants } from './body-variants';
import { constantTimeEqual } from './constant-time';
import { otherSchemeHint } from './headers';
import type { KeyForm } from './secret-forms';
import { signedBytes, signedContentText } from './signed-content';
import {
  SecretFormatError,
  type SchemeConfig,
  type SignedParts,
  type Verification,
  type VerifyRequest,
} from './scheme-types';

/** Bodies up to this size are re-serialized to find what changed; larger ones would hold the receiver too long. */
export const DIAGNOSE_BODY_LIMIT = 1024 * 1024;

/** Why a signature fails through a relay (smee and its clients re-encode JSON bodies). */
export const RELAY_REASON =
  'Body re-serialized by the relay (smee re-encodes JSON); signatures cannot be checked through a relay — use a tunnel.';

/** The default timestamp tolerance of every scheme that has a timestamp: five minutes. */
export const DEFAULT_TOLERANCE_SECONDS = 300;

/** One signature in a header (a header may carry several while a secret is rotated). */
export interface SignatureEntry {
  /** `v1`, `v1a`, … or '' for schemes without versions. */
  version: string;
  value: string;
}

/** What the headers say, once they are known to be well-formed. */
export interface ParsedSignature {
  id: string | null;
  /** Unix seconds as received (digits), when the scheme has a timestamp. */
  timestamp: string | null;
  entries: SignatureEntry[];
  /** The signature header's value as received. */
  received: string;
  /** Names the signature header in messages, e.g. `svix-signature`. */
  header: string;
}

export type ParseResult =
  | { ok: true; value: ParsedSignature }
  | {
      ok: false;
      verdict: 'missing' | 'invalid';
      cause: 'header-missing' | 'header-malformed';
      reason: string;
      received: string | null;
    };

/** A way to check entries against signed content with one reading of the secret. */
export interface Matcher {
  /** Completes "the secret read as …". */
  label: string;
  /** The entry that matches, or null. */
  match(content: Buffer, entries: readonly SignatureEntry[]): SignatureEntry | null;
  /** The signature this reading of the secret gives, as the header writes it; null when it cannot sign. */
  expected(content: Buffer): string | null;
}

/** A scheme that signs content built around the body (everything but the static header and the bearer token). */
export interface SignedScheme {
  name: SignatureScheme;
  /** Schemes whose headers count as this one's (no "was it signed with …" hint for them). */
  family: readonly string[];
  parse(headers: readonly HeaderPair[], options: VerificationOptions): ParseResult;
  parts(parsed: ParsedSignature, options: VerificationOptions): SignedParts;
  /** The scheme's own reading of the secret first, then likely mistakes. Throws `SecretFormatError`. */
  matchers(config: SchemeConfig, parsed: ParsedSignature): Matcher[];
  /** Seconds, or null when the scheme has no timestamp. */
  tolerance(options: VerificationOptions): number | null;
  /** A failure that is clear before any matching (for example only ed25519 entries for an HMAC secret). */
  precheck?(config: SchemeConfig, parsed: ParsedSignature): { cause: SignatureCause; reason: string } | null;
}

/** An HMAC matcher: computes the digest, compares it with each entry of `version` in constant time. */
export function hmacMatcher(
  form: KeyForm,
  algorithm: 'sha256' | 'sha512' | 'sha1',
  encoding: 'hex' | 'base64',
  version: string,
  format: (signature: string) => string,
): Matcher {
  const digest = (content: Buffer): string =>
    createHmac(algorithm, form.key).update(content).digest(encoding);
  return {
    label: form.label,
    match(content, entries) {
      const signature = digest(content);
      return entries.find((e) => e.version === version && constantTimeEqual(e.value, signature)) ?? null;
    },
    expected: (content) => format(digest(content)),
  };
}

/** Why a timestamp is outside the tolerance, or null when it is inside (or not a number). */
export function timestampProblem(
  timestamp: string | null,
  tolerance: number | null,
  now: number,
): string | null {
  if (timestamp === null || tolerance === null || !/^\d+$/.test(timestamp)) return null;
  const age = Math.floor(now / 1000) - Number(timestamp);
  if (Math.abs(age) <= tolerance) return null;
  if (Number(timestamp) > 1e11) {
    return `the timestamp ${timestamp} looks like milliseconds: the scheme counts seconds since 1970`;
  }
  return age > 0
    ? `the timestamp ${timestamp} is ${age} s old: ${age - tolerance} s outside the tolerance of ${tolerance} s`
    : `the timestamp ${timestamp} is ${-age} s ahead of this machine's clock: ${-age - tolerance} s outside the tolerance of ${tolerance} s`;
}

/**
 * Checks a request against a signed scheme and, when no signature matches, finds the likely mistake: the secret
 * in another form, the body changed after signing (re-serialized JSON, line ends, final newline), or else a
 * wrong secret. A matching signature with a stale timestamp is `expired`, with the seconds outside the tolerance.
 */
export function verifySigned(spec: SignedScheme, config: SchemeConfig, request: VerifyRequest): Verification {
  const empty = { scheme: spec.name, signed: null, signedContent: null, expected: null, details: [] };
  const parsed = spec.parse(request.headers, config.options);
  if (!parsed.ok) {
    return {
      ...empty,
      verdict: parsed.verdict,
      cause: parsed.cause,
      reason: parsed.reason + otherSchemeHint(request.headers, spec.family),
      received: parsed.received,
    };
  }
  const p = parsed.value;
  const parts = spec.parts(p, config.options);
  const content = signedBytes(parts, request.body);
  const shown = {
    ...empty,
    signed: parts,
    signedContent: signedContentText(parts, request.body),
    received: p.received,
  };
  let matchers: Matcher[];
  try {
    matchers = spec.matchers(config, p);
  } catch (error) {
    if (!(error instanceof SecretFormatError)) throw error;
    return { ...shown, verdict: 'invalid', cause: 'secret-form', reason: error.message };
  }
  const [primary, ...alternatives] = matchers;
  if (!primary) throw new Error(`${spec.name} has no way to read its secret`);
  const details = [`The secret is read as ${primary.label}.`];
  const result = { ...shown, expected: primary.expected(content), details };
  const pre = spec.precheck?.(config, p);
  if (pre) return { ...result, verdict: 'invalid', ...pre };

  const tolerance = spec.tolerance(config.options);
  const late = timestampProblem(p.timestamp, tolerance, request.now);
  const hit = primary.match(content, p.entries);
  if (hit) {
    if (p.entries.length > 1) {
      details.push(
        `One of the ${p.entries.length} signatures in ${p.header} matches (senders send several while a secret is rotated).`,
      );
    }
    if (late)
      return {
        ...result,
        verdict: 'expired',
        cause: 'timestamp',
        reason: `The signature matches, but ${late}.`,
      };
    if (tolerance !== null) details.push(`The timestamp is within the tolerance of ${tolerance} s.`);
    return { ...result, verdict: 'valid', cause: null, reason: null };
  }

  details.push(`No signature in ${p.header} matches the body as it arrived.`);
  if (late) details.push(`Also, ${late}.`);
  const invalid = { ...result, verdict: 'invalid' as const };
  if (request.truncated) {
    return {
      ...invalid,
      cause: 'body-changed',
      reason: `Only the first ${request.body.length} bytes of the body were kept (the rest was over the size limit), so the signature cannot match.`,
    };
  }
  for (const alternative of alternatives) {
    if (alternative.match(content, p.entries)) {
      return {
        ...invalid,
        cause: 'secret-form',
        reason:
          `The signature matches with the secret read as ${alternative.label}, but ${spec.name} reads it as ` +
          `${primary.label}: the sender uses the secret in another form.`,
      };
    }
    details.push(`Not with the secret read as ${alternative.label} either.`);
  }
  if (parts.includesBody && request.body.length > DIAGNOSE_BODY_LIMIT) {
    details.push('The body is over 1 MB, so changes of the body were not tried.');
  } else if (parts.includesBody) {
    const variants = bodyVariants(request.body);
    for (const variant of variants) {
      if (primary.match(signedBytes(parts, variant.body), p.entries)) {
        // A relay re-sends JSON.stringify of the body it parsed: the change is the relay's, not the sender's.
        const reason =
          request.route === 'relay'
            ? `${RELAY_REASON} The signature matches the body ${variant.label}, as the sender sent it.`
            : `The signature matches the body ${variant.label}, not the body as it arrived: the body was changed after signing (${variant.change}).`;
        return { ...invalid, cause: 'body-changed', reason };
      }
    }
    if (variants.length > 0) {
      const kinds = [...new Set(variants.map((v) => v.change))].join(', ');
      details.push(`Not with ${variants.length} likely changes of the body either (${kinds}).`);
    }
  }
  if (request.route === 'relay' && parts.includesBody) {
    details.push(
      'This capture came through a relay, which re-serializes the body: if the sender formatted its JSON in a way ' +
        'Hookbench does not try, no check can match. Use a tunnel to check signatures.',
    );
  }
  return {
    ...invalid,
    cause: 'wrong-secret',
    reason:
      'No signature matches: the secret is probably not the one the sender signs with ' +
      '(or the body was changed in a way Hookbench cannot reproduce).',
  };
}
