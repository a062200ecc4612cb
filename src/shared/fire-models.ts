import { z } from 'zod';
import { payloadDocumented } from './catalog-models';
import { inboxSlug } from './inbox-models';
import { downstreamExchange, headerPair } from './models';
import { signatureScheme, verificationOptions } from './signature-models';

/**
 * The provider envelope's `{prefix}` and `{suffix}`: left out, the provider's default; null or an empty string,
 * no prefix (or suffix) at all, as when the subscription does not set it.
 */
export const envelopeOptions = z.object({
  prefix: z.string().max(100).nullable().optional(),
  suffix: z.string().max(100).nullable().optional(),
});
export type EnvelopeOptions = z.infer<typeof envelopeOptions>;

/** Where fired events go: an inbox of the local receiver, any URL, or a sandbox tenant's subscriptions. */
export const fireTarget = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('inbox'), inbox: inboxSlug }),
  z.object({
    kind: z.literal('url'),
    url: z.url({ protocol: /^https?$/, error: 'a http:// or https:// URL is needed' }),
  }),
  z.object({ kind: z.literal('subscriptions'), tenant: z.string().min(1).max(200) }),
]);
export type FireTarget = z.infer<typeof fireTarget>;

/** Sign each attempt like the provider (the secret is used for this request only, never saved). */
export const fireSign = z.object({
  scheme: signatureScheme,
  secret: z.string().min(1, 'the secret is empty').max(4096),
  options: verificationOptions.default({}),
});
export type FireSign = z.infer<typeof fireSign>;

/** Svix's schedule, which Credo AI deliveries follow: immediately, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h. */
export const SVIX_RETRY_SCHEDULE = [0, 5, 300, 1800, 7200, 18000, 36000, 36000] as const;

export const retryPolicy = z.object({
  /**
   * Delays before each attempt in seconds: `provider` (the catalogue's schedule, else one attempt), `svix`, or a
   * list (the first is usually 0).
   */
  schedule: z
    .union([
      z.enum(['provider', 'svix']),
      z
        .array(
          z
            .number()
            .min(0)
            .max(7 * 86_400),
        )
        .min(1, 'at least one attempt')
        .max(30),
    ])
    .default('provider'),
  /** Every delay is divided by this: 1 is real time, 1000 turns 5 minutes into 0.3 s. */
  compression: z.number().min(1).max(10_000_000).default(1),
});
export type RetryPolicy = z.infer<typeof retryPolicy>;

export const eventRef = z.object({
  provider: z.string().min(1, 'a provider id is needed'),
  event: z.string().min(1, 'an event type is needed'),
});

export const fireSampleInput = eventRef.extend({ envelope: envelopeOptions.optional() });
export const fireSampleOutput = z.object({
  provider: z.string(),
  event: z.string(),
  payload: z.unknown(),
  /** The payload as pretty JSON, ready for the editor. */
  body: z.string(),
  documented: payloadDocumented,
  /** E.g. that the payload shape is not documented and the body is a placeholder. */
  warnings: z.array(z.string()),
  /** The ids generated, by kind (`use_case`, `review`, …). */
  ids: z.record(z.string(), z.string()),
});
export type FireSampleOutput = z.infer<typeof fireSampleOutput>;

const fireCommon = {
  /** The body as edited; absent, a fresh sample of the event. */
  body: z
    .string()
    .max(10 * 1024 * 1024)
    .optional(),
  target: fireTarget,
  /** Re-compose the envelope's `type` with this prefix/suffix (JSON bodies of providers with an envelope). */
  envelope: envelopeOptions.optional(),
  /** Sent after the provider's own headers; a name given here replaces the provider's. */
  headers: z.array(headerPair).max(100).default([]),
  sign: fireSign.optional(),
  timeoutMs: z.number().int().min(100).max(120_000).default(10_000),
};

export const fireSendInput = eventRef.extend({
  ...fireCommon,
  /** Absent: one attempt. With it, failed attempts are retried on the schedule, all with one message id. */
  retry: retryPolicy.optional(),
});
export type FireSendInput = z.infer<typeof fireSendInput>;

export const fireAttempt = z.object({
  attempt: z.number().int().positive(),
  /** A 2xx answer. */
  ok: z.boolean(),
  /** The request headers of this attempt (each attempt is signed with its own timestamp). */
  requestHeaders: z.array(headerPair),
  /** Status, headers, body (base64), latency (`durationMs`) or the error. */
  exchange: downstreamExchange,
  /** Delay before the next attempt after compression, in ms; null when none follows. */
  nextInMs: z.number().nonnegative().nullable(),
});
export type FireAttempt = z.infer<typeof fireAttempt>;

export const fireRunState = z.enum(['delivered', 'failed', 'retrying', 'cancelled']);

export const fireSendOutput = z.object({
  runId: z.string(),
  provider: z.string(),
  event: z.string(),
  messageId: z.string(),
  url: z.string(),
  /** The body sent, as text. */
  body: z.string(),
  attempts: z.array(fireAttempt),
  /** `retrying`: later attempts arrive as `fire:progress` events of this run id. */
  state: fireRunState,
  /** Further subscriptions of a sandbox tenant that got the event too (one attempt each). */
  alsoSentTo: z.array(
    z.object({ url: z.string(), status: z.number().int().nullable(), error: z.string().nullable() }),
  ),
});
export type FireSendOutput = z.infer<typeof fireSendOutput>;

export const fireBulkInput = eventRef.extend({
  ...fireCommon,
  count: z.number().int().min(1).max(1_000_000),
  concurrency: z.number().int().min(1).max(1000).default(10),
});
export type FireBulkInput = z.infer<typeof fireBulkInput>;

export const latencyStats = z.object({
  min: z.number(),
  p50: z.number(),
  p95: z.number(),
  p99: z.number(),
  max: z.number(),
  mean: z.number(),
});
export type LatencyStats = z.infer<typeof latencyStats>;

export const fireBulkOutput = z.object({
  runId: z.string(),
  url: z.string(),
  sent: z.number().int().nonnegative(),
  ok: z.number().int().nonnegative(),
  errors: z.number().int().nonnegative(),
  /** Answers by status (`"200"`, `"500"`) plus `"none"` for requests that got no answer. */
  statusCounts: z.record(z.string(), z.number().int()),
  /** The most frequent failure messages, most frequent first. */
  errorMessages: z.array(z.object({ message: z.string(), count: z.number().int() })),
  /** Milliseconds, over every request that got an answer. */
  latencyMs: latencyStats,
  durationMs: z.number().nonnegative(),
  requestsPerSecond: z.number().nonnegative(),
  cancelled: z.boolean(),
});
export type FireBulkOutput = z.infer<typeof fireBulkOutput>;

/** Pushed while a send retries, a bulk fire runs or a scenario plays. */
export const fireProgress = z.object({
  runId: z.string(),
  kind: z.enum(['send', 'bulk', 'scenario']),
  state: z.enum(['running', 'delivered', 'failed', 'cancelled', 'done']),
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  ok: z.number().int().nonnegative(),
  errors: z.number().int().nonnegative(),
  elapsedMs: z.number().nonnegative(),
  /** The latest attempt of a send, or of the scenario step `step`. */
  attempt: fireAttempt.nullable(),
  step: z.number().int().nonnegative().nullable(),
});
export type FireProgress = z.infer<typeof fireProgress>;

export const runIdInput = z.object({ runId: z.string().min(1) });
export const fireCancelOutput = z.object({ cancelled: z.boolean() });

const scenarioId = z
  .string()
  .min(1, 'an id is needed')
  .max(64)
  .regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/, 'use lower-case letters, digits and dashes');

export const scenarioStep = z.object({
  event: z.string().min(1),
  /** Wait this long before the step (scaled down by a run's `compression`). */
  delayMs: z
    .number()
    .int()
    .min(0)
    .max(7 * 86_400_000)
    .default(0),
  /**
   * Values to set in the sample, by JSON pointer (`/data/status`). Strings may hold `{{id:<kind>}}` (an id shared by
   * the whole run) and `{{now}}`.
   */
  set: z.record(z.string().regex(/^\//, 'a JSON pointer starts with /'), z.unknown()).default({}),
  /** A whole body instead of the sample (same placeholders). */
  body: z
    .string()
    .max(1024 * 1024)
    .optional(),
  note: z.string().max(500).optional(),
});
export type ScenarioStep = z.infer<typeof scenarioStep>;

export const scenario = z.object({
  id: scenarioId,
  name: z.string().trim().min(1).max(200),
  description: z.string().max(2000).default(''),
  provider: z.string().min(1),
  steps: z.array(scenarioStep).min(1, 'a scenario needs a step').max(200),
});
export type Scenario = z.infer<typeof scenario>;
export type ScenarioInput = z.input<typeof scenario>;

export const scenarioInfo = scenario.extend({ builtin: z.boolean() });
export type ScenarioInfo = z.infer<typeof scenarioInfo>;

export const scenarioDeleteOutput = z.object({ deleted: z.boolean() });

export const scenarioRunInput = z.object({
  id: z.string().min(1),
  target: fireTarget,
  envelope: envelopeOptions.optional(),
  headers: z.array(headerPair).max(100).default([]),
  sign: fireSign.optional(),
  /** Delays are divided by this (1: as written). */
  compression: z.number().min(1).max(10_000_000).default(1),
  timeoutMs: z.number().int().min(100).max(120_000).default(10_000),
});
export type ScenarioRunInput = z.infer<typeof scenarioRunInput>;

export const scenarioRunOutput = z.object({
  runId: z.string(),
  scenario: z.string(),
  /** The ids shared by the steps, by kind. */
  ids: z.record(z.string(), z.string()),
  steps: z.array(
    z.object({
      index: z.number().int().nonnegative(),
      event: z.string(),
      messageId: z.string(),
      body: z.string(),
      attempt: fireAttempt,
    }),
  ),
  ok: z.boolean(),
  cancelled: z.boolean(),
});
export type ScenarioRunOutput = z.infer<typeof scenarioRunOutput>;

export { scenarioId };
