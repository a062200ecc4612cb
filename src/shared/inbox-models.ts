import { z } from 'zod';
import { headerPair } from './models';
import {
  inboxVerification,
  signatureScheme,
  verificationOptions,
  verificationSetting,
} from './signature-models';

/** Slugs appear in URLs (`/hooks/<slug>`): lower-case letters, digits and dashes. */
export const inboxSlug = z
  .string()
  .min(1, 'a slug is needed')
  .max(64, 'at most 64 characters')
  .regex(
    /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/,
    'use lower-case letters, digits and dashes (not at either end)',
  );

/** What the inbox answers when no failure is simulated. */
export const responseRule = z.object({
  status: z.number().int().min(100).max(599).default(200),
  headers: z.array(headerPair).default([['Content-Type', 'application/json']]),
  body: z
    .string()
    .max(1024 * 1024)
    .default('{"received":true}'),
  /** Wait this long before answering (to exercise the sender's patience). */
  delayMs: z.number().int().min(0).max(300_000).default(0),
});
export type ResponseRule = z.infer<typeof responseRule>;

/** Ways to make deliveries fail on purpose, to watch the sender retry. */
export const failureSimulation = z.object({
  /** Fail the first N attempts of each message (grouped by delivery id). */
  failFirstAttempts: z.number().int().min(0).max(100).default(0),
  /** Fail this share of requests at random, 0–100. */
  failPercent: z.number().min(0).max(100).default(0),
  /** The status a simulated failure answers. */
  failStatus: z.number().int().min(400).max(599).default(500),
  /** Never answer: hold the connection until the sender gives up (its timeout is what is tested). */
  neverAnswer: z.boolean().default(false),
});
export type FailureSimulation = z.infer<typeof failureSimulation>;

export const forwardSettings = z.object({
  /** Every new capture is sent on to this URL (like `stripe listen --forward-to`); null turns it off. */
  url: z
    .url({ protocol: /^https?$/ })
    .nullable()
    .default(null),
  /** Answer the original sender with the downstream response, or with this inbox's rule. */
  respondWith: z.enum(['rule', 'downstream']).default('rule'),
  timeoutMs: z.number().int().min(100).max(120_000).default(10_000),
});
export type ForwardSettings = z.infer<typeof forwardSettings>;

export const inboxSettings = z.object({
  response: responseRule.default(responseRule.parse({})),
  failure: failureSimulation.default(failureSimulation.parse({})),
  /** Header naming a message across retries; when null, `svix-id` then `webhook-id` are used. */
  deliveryIdHeader: z.string().min(1).max(100).nullable().default(null),
  forward: forwardSettings.default(forwardSettings.parse({})),
  /**
   * How captures of this inbox are verified; null: not verified. Read-only for `inbox:create` and `inbox:update`
   * (what they send here is ignored): change it with `inbox:set-verification` and `inbox:clear-verification`, which
   * keep the secret in the secret store.
   */
  verification: verificationSetting.nullable().default(null),
});
export type InboxSettings = z.infer<typeof inboxSettings>;
export type InboxSettingsInput = z.input<typeof inboxSettings>;

export const inbox = z.object({
  slug: inboxSlug,
  name: z.string(),
  createdAt: z.number().int(),
  /** `http://127.0.0.1:<port>/hooks/<slug>` once the receiver listens. */
  url: z.string().nullable(),
  /**
   * The same inbox on the public URL while one is online: `<tunnel or custom URL>/hooks/<slug>`, or for a relay the
   * channel URL (only for the inbox the relay delivers to). Null otherwise.
   */
  publicUrl: z.string().nullable(),
  captureCount: z.number().int().nonnegative(),
  settings: inboxSettings,
  /** How captures are verified in this run (a `--verify` flag overrides the saved setting), the secret masked. */
  verification: inboxVerification.nullable(),
});
export type Inbox = z.infer<typeof inbox>;

export const inboxCreateInput = z.object({
  slug: inboxSlug,
  name: z.string().trim().min(1).max(100).optional(),
  settings: inboxSettings.partial().optional(),
});

export const inboxUpdateInput = z.object({
  slug: inboxSlug,
  /** Renames the inbox (its display name). */
  name: z.string().trim().min(1).max(100).optional(),
  /** Moves the inbox to a new URL; its captures follow. */
  newSlug: inboxSlug.optional(),
  settings: inboxSettings.optional(),
});

export const inboxDeleteOutput = z.object({ deletedCaptures: z.number().int().nonnegative() });

/** Sets how an inbox verifies. Without `secret`, the secret already saved for the inbox is kept. */
export const setVerificationInput = z.object({
  slug: inboxSlug,
  scheme: signatureScheme,
  secret: z.string().min(1, 'the secret is empty').max(4096).optional(),
  options: verificationOptions.default({}),
});
export type SetVerificationInput = z.infer<typeof setVerificationInput>;
