import type { SignedParts } from '../../db/signature-columns';
import type { CaptureRoute, HeaderPair } from '../../../shared/models';
import type {
  SignatureCause,
  SignatureScheme,
  SignatureVerdict,
  VerificationOptions,
} from '../../../shared/signature-models';

/** What a scheme needs to sign or verify: the secret (never shown) and its non-secret options. */
export interface SchemeConfig {
  secret: string;
  options: VerificationOptions;
}

/** What a sender signs. */
export interface SignInput {
  /** The message id (Standard Webhooks, GitHub's delivery, Shopify's webhook id). */
  id: string;
  /** Unix seconds. */
  timestamp: number;
  body: Buffer;
}

/** A request as received: raw headers in order, raw body bytes. */
export interface VerifyRequest {
  headers: readonly HeaderPair[];
  body: Buffer;
  /** Milliseconds since the epoch. */
  now: number;
  /** The receiver kept only the first bytes of the body. */
  truncated?: boolean;
  /** How the request arrived; through a `relay` the body was re-serialized, which the diagnosis names. */
  route?: CaptureRoute;
}

/** The signed content around the body: `prefix + body + suffix` (stored without copying the body). */
export type { SignedParts };

/** The outcome of one check. */
export interface Verification {
  scheme: SignatureScheme;
  verdict: SignatureVerdict;
  /** Plain words; null when valid. */
  reason: string | null;
  cause: SignatureCause | null;
  signed: SignedParts | null;
  /** The exact signed content as text (a binary body as a note). */
  signedContent: string | null;
  /** The signature the configured secret gives, written as the header writes it. */
  expected: string | null;
  /** The header value(s) the request carried. */
  received: string | null;
  /** What was tried or noticed, in order. */
  details: string[];
}

/** Thrown while reading a secret that cannot be right for its scheme; the message names the problem, not the secret. */
export class SecretFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SecretFormatError';
  }
}

/** One scheme: how a sender signs, how a receiver checks. */
export interface SchemeImplementation {
  readonly name: SignatureScheme;
  /** The headers a sender adds, in order. */
  sign(config: SchemeConfig, input: SignInput): HeaderPair[];
  verify(config: SchemeConfig, request: VerifyRequest): Verification;
  /** Why this secret (with these options) cannot work, or null. */
  checkSecret(config: SchemeConfig): string | null;
  /** The headers that carry the message id, when the scheme has one (re-signing keeps the id). */
  idHeaders(options: VerificationOptions): readonly string[];
}
