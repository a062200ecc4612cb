import { z } from 'zod';

/**
 * Signature schemes by the names the CLI and the contract use. `standard-webhooks` and `svix` are one algorithm
 * under two header spellings (`webhook-*` and `svix-*`); both verify either spelling.
 */
export const SIGNATURE_SCHEMES = [
  'standard-webhooks',
  'svix',
  'stripe',
  'github',
  'slack',
  'shopify',
  'hmac',
  'static',
  'bearer',
] as const;
export const signatureScheme = z.enum(SIGNATURE_SCHEMES, {
  error: `the scheme is one of ${SIGNATURE_SCHEMES.join(', ')}`,
});
export type SignatureScheme = z.infer<typeof signatureScheme>;

/**
 * What the check of one capture concluded: `valid` (a signature matches and its timestamp is fresh), `invalid` (no
 * signature matches, or the header is malformed), `expired` (a signature matches but the timestamp is outside the
 * tolerance), `missing` (the headers the scheme needs are absent), `unconfigured` (the inbox does not verify, or its
 * secret could not be read).
 */
export const signatureVerdict = z.enum(['valid', 'invalid', 'expired', 'missing', 'unconfigured']);
export type SignatureVerdict = z.infer<typeof signatureVerdict>;

/** Why a check failed, found by trying the likely mistakes. */
export const signatureCause = z.enum([
  'wrong-secret',
  'secret-form',
  'timestamp',
  'body-changed',
  'header-missing',
  'header-malformed',
]);
export type SignatureCause = z.infer<typeof signatureCause>;

/**
 * The verdict a list row shows. Always present: a capture to an inbox that does not verify has
 * `{scheme: null, verdict: 'unconfigured', reason: null}`, so badges and `--json` output are uniform.
 */
export const signatureSummary = z.object({
  scheme: signatureScheme.nullable(),
  verdict: signatureVerdict,
  /** Plain words: why it is not valid, or null. */
  reason: z.string().nullable(),
});
export type SignatureSummary = z.infer<typeof signatureSummary>;

export const UNCONFIGURED_SIGNATURE: SignatureSummary = {
  scheme: null,
  verdict: 'unconfigured',
  reason: null,
};

/** The full check of one capture, for the detail view. Never holds a secret: only its masked form. */
export const signatureDetail = z.object({
  cause: signatureCause.nullable(),
  /**
   * The exact content the signature covers (for example `msg_….1614265330.{"a":1}`); a binary body appears as a
   * `[binary body: N bytes, base64 …]` note. Null when the scheme signs nothing (static header, bearer token) or
   * the headers needed to build it were missing.
   */
  signedContent: z.string().nullable(),
  /** The signature the configured secret gives for that content, written as the header writes it. */
  expected: z.string().nullable(),
  /** What the request carried (the whole header value). */
  received: z.string().nullable(),
  /** The secret as shown to people, e.g. `whsec_MfKQ…(32 chars)`. */
  secretMasked: z.string().nullable(),
  /** Each thing that was tried or noticed, in plain words, in order. */
  details: z.array(z.string()),
  /** When the check ran, ms since the epoch. */
  checkedAt: z.number().int(),
});
export type SignatureDetail = z.infer<typeof signatureDetail>;

const headerName = z
  .string()
  .min(1)
  .max(100)
  .regex(
    /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/,
    "a header name is letters, digits and - _ . ! # $ % & ' * + ^ ` | ~",
  );

/**
 * Settings of a scheme that are not secret. Every field is optional: `toleranceSeconds` applies to schemes with a
 * timestamp (default 300); `header`, `algorithm`, `encoding`, `prefix`, `template`, `timestampHeader` and `idHeader`
 * describe the generic `hmac` scheme; `header` also names the header of the `static` scheme.
 */
export const verificationOptions = z
  .object({
    toleranceSeconds: z.number().int().min(1).max(31_536_000).optional(),
    header: headerName.optional(),
    algorithm: z.enum(['sha256', 'sha512']).optional(),
    encoding: z.enum(['hex', 'base64']).optional(),
    prefix: z.string().max(100).optional(),
    /** What is signed: `{body}`, `{timestamp}` and `{id}` are replaced; `{body}` at most once. */
    template: z.string().min(1).max(500).optional(),
    timestampHeader: headerName.optional(),
    idHeader: headerName.optional(),
  })
  .strict();
export type VerificationOptions = z.infer<typeof verificationOptions>;

/**
 * An inbox's verification as saved in its settings: the scheme, its non-secret options and the key of the secret in
 * the secret store. The secret itself is never in the settings.
 */
export const verificationSetting = z.object({
  scheme: signatureScheme,
  options: verificationOptions.default({}),
  secretRef: z.string().min(1).max(200),
});
export type VerificationSetting = z.infer<typeof verificationSetting>;

/** How an inbox verifies right now, as shown to people (the secret masked). */
export const inboxVerification = z.object({
  scheme: signatureScheme,
  options: verificationOptions,
  /** E.g. `whsec_MfKQ…(32 chars)`; null when the secret cannot be read (see `problem`). */
  secretMasked: z.string().nullable(),
  /** `saved` in the inbox's settings, or `session`: given on the command line for this run only, never saved. */
  source: z.enum(['saved', 'session']),
  /** Why captures cannot be verified although a scheme is set (the secret store is locked, the key is wrong). */
  problem: z.string().nullable(),
});
export type InboxVerification = z.infer<typeof inboxVerification>;

/** Re-sign a replay: fresh timestamp and signature; the same message id unless `newId`. */
export const resignInput = z.object({
  scheme: signatureScheme,
  /** Else the secret of the capture's inbox. */
  secret: z.string().min(1).max(4096).optional(),
  /** Else the options of the capture's inbox when it uses the same scheme. */
  options: verificationOptions.optional(),
  newId: z.boolean().default(false),
});
export type ResignInput = z.infer<typeof resignInput>;

/** Where secrets are kept and whether new ones can be saved. */
export const secretsStatus = z.object({
  kind: z.enum(['memory', 'encrypted-file', 'safe-storage']),
  /** False when saving a secret would fail; `problem` says what to do. */
  writable: z.boolean(),
  problem: z.string().nullable(),
});
export type SecretsStatus = z.infer<typeof secretsStatus>;
