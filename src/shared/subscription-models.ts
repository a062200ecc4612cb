import { z } from 'zod';
import { headerPair } from './models';
import { inboxSlug } from './inbox-models';

/** The providers whose subscription APIs Hookbench manages. */
export const SUBSCRIPTION_PROVIDERS = ['credo-ai', 'compliance-platform-v1', 'credas'] as const;
export const subscriptionProvider = z.enum(SUBSCRIPTION_PROVIDERS, {
  error: `the provider is one of ${SUBSCRIPTION_PROVIDERS.join(', ')}`,
});
export type SubscriptionProvider = z.infer<typeof subscriptionProvider>;

/** Credo AI's default server; on-premises servers are allowed. */
export const CREDO_AI_DEFAULT_SERVER = 'https://api.credo.ai';

const httpUrl = z.url({ protocol: /^https?$/, error: 'a http:// or https:// URL is needed' });
const headerName = z
  .string()
  .min(1)
  .max(100)
  .regex(
    /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/,
    "a header name is letters, digits and - _ . ! # $ % & ' * + ^ ` | ~",
  );

/** A tenant profile as shown: the API key only masked. */
export const tenantProfile = z.object({
  id: z.string(),
  name: z.string(),
  provider: subscriptionProvider,
  server: z.string(),
  /** Credo AI's tenant (path segment and auth exchange); null for the others. */
  tenant: z.string().nullable(),
  /** Header carrying the API key (v1 platform: configurable, default `X-API-Key`; Credas: `X-API-KEY`). */
  apiKeyHeader: z.string().nullable(),
  /** E.g. `hbk_Ab…(36 chars)`; null when none is saved or it cannot be read. */
  apiKeyMasked: z.string().nullable(),
  /** Why the key cannot be read (secret store locked), else null. */
  problem: z.string().nullable(),
  /** A Hookbench sandbox tenant (its sandbox-only endpoints are used, e.g. to read endpoint secrets). */
  sandbox: z.boolean(),
  createdAt: z.number().int(),
});
export type TenantProfile = z.infer<typeof tenantProfile>;

export const tenantSaveInput = z.object({
  /** Absent: a new profile. */
  id: z.string().min(1).max(100).optional(),
  name: z.string().trim().min(1, 'a name is needed').max(100),
  provider: subscriptionProvider,
  /** Default per provider (Credo AI: https://api.credo.ai). */
  server: httpUrl.optional(),
  tenant: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .regex(/^[^/\s]+$/, 'a tenant has no slashes or spaces')
    .optional(),
  apiKeyHeader: headerName.optional(),
  /** Kept in the secret store; absent on update: the saved key is kept. */
  apiKey: z.string().min(1, 'the API key is empty').max(4096).optional(),
  sandbox: z.boolean().default(false),
});
export type TenantSaveInput = z.infer<typeof tenantSaveInput>;

export const tenantIdInput = z.object({ tenantId: z.string().min(1) });

export const deliveryStats = z.object({
  total_deliveries: z.number().int(),
  successful_deliveries: z.number().int(),
  failed_deliveries: z.number().int(),
});

/** A subscription of any provider, normalised; `attributes` keeps the provider's own fields as returned. */
export const subscription = z.object({
  provider: subscriptionProvider,
  tenantId: z.string(),
  id: z.string(),
  url: z.string(),
  eventTypes: z.array(z.string()),
  description: z.string().nullable(),
  /** v1 platform's `is_active`; null when the provider has no such flag. */
  active: z.boolean().nullable(),
  attributes: z.record(z.string(), z.unknown()),
  /** v1 platform's delivery stats; null when the provider shows none. */
  stats: deliveryStats.nullable(),
  lastTriggeredAt: z.string().nullable(),
  /** Tagged `[hookbench inbox=<slug>]` in its description: created by Hookbench for that inbox. */
  inbox: inboxSlug.nullable(),
  createdByHookbench: z.boolean(),
  /** Created by Hookbench for an inbox that no longer exists. */
  orphaned: z.boolean(),
});
export type Subscription = z.infer<typeof subscription>;

export const subscriptionRefInput = tenantIdInput.extend({ id: z.string().min(1) });

export const subscriptionCreateInput = tenantIdInput.extend({
  /** The provider's attributes (Credo AI: JSON:API attributes; v1: event_type, webhook_url, …; Credas: webhookUrl). */
  attributes: z.record(z.string(), z.unknown()),
  /** Tags the subscription for this inbox and (v1, sandbox) configures the inbox's signature verification. */
  inbox: inboxSlug.optional(),
  timeoutMs: z.number().int().min(100).max(120_000).default(15_000),
});
export type SubscriptionCreateInput = z.infer<typeof subscriptionCreateInput>;

export const subscriptionCreateOutput = z.object({
  subscription,
  /** The v1 platform's one-time `secret_key` was saved in the secret store (shown masked). */
  secretMasked: z.string().nullable(),
  /** The inbox whose verification was configured with the subscription's secret. */
  verificationConfigured: inboxSlug.nullable(),
  /** The create timed out and the list showed it had been created. */
  recoveredAfterTimeout: z.boolean(),
});

export const subscriptionUpdateInput = subscriptionRefInput.extend({
  attributes: z.record(z.string(), z.unknown()),
  timeoutMs: z.number().int().min(100).max(120_000).default(15_000),
});

export const subscriptionTestInput = tenantIdInput.extend({ webhookUrl: httpUrl });
export const subscriptionTestOutput = z.object({
  success: z.boolean(),
  message: z.string(),
  logId: z.number().int().nullable(),
  httpStatusCode: z.number().int().nullable(),
});

export const subscriptionCleanupInput = tenantIdInput.extend({ dryRun: z.boolean().default(false) });
export const subscriptionCleanupOutput = z.object({
  orphans: z.array(subscription),
  removed: z.array(z.string()),
  failed: z.array(z.object({ id: z.string(), message: z.string() })),
});

/** One finding of the composer: a validation message citing the document, or a lint with a suggested fix. */
export const composerFinding = z.object({
  severity: z.enum(['error', 'warning', 'info']),
  /** The attribute concerned (`event_types`, `webhook_url`, `data.type`…), or null. */
  field: z.string().nullable(),
  rule: z.string(),
  message: z.string(),
  /** The document and section the rule comes from. */
  source: z.string().nullable(),
  fix: z.object({ label: z.string(), attributes: z.record(z.string(), z.unknown()) }).nullable(),
});
export type ComposerFinding = z.infer<typeof composerFinding>;

export const composerValidateInput = z.object({
  provider: subscriptionProvider,
  operation: z.enum(['create', 'update']).default('create'),
  /** The form's attributes; or `raw`, the JSON:API (or JSON) body as typed in the raw editor. */
  attributes: z.record(z.string(), z.unknown()).optional(),
  raw: z
    .string()
    .max(1024 * 1024)
    .optional(),
  /** For the preview: the tenant profile (server, tenant, key header); else the provider's defaults. */
  tenantId: z.string().optional(),
  /** The subscription id, for update previews. */
  id: z.string().optional(),
});
export type ComposerValidateInput = z.infer<typeof composerValidateInput>;

export const requestPreview = z.object({
  method: z.string(),
  url: z.string(),
  /** Secrets masked. */
  headers: z.array(headerPair),
  body: z.string().nullable(),
});
export type RequestPreview = z.infer<typeof requestPreview>;

export const composerValidateOutput = z.object({
  findings: z.array(composerFinding),
  /** The attributes read from the form or the raw body. */
  attributes: z.record(z.string(), z.unknown()),
  /** The body in sync with the form (pretty JSON). */
  raw: z.string(),
  preview: requestPreview,
  curl: z.string(),
  /** The form: documented attributes with required / optional / conditional, descriptions. */
  fields: z.array(
    z.object({
      name: z.string(),
      requirement: z.enum(['required', 'optional', 'conditional']),
      type: z.string(),
      description: z.string().nullable(),
      enum: z.array(z.string()).nullable(),
    }),
  ),
  /** The catalogue's event types with descriptions, for the picker. */
  eventTypes: z.array(z.object({ name: z.string(), description: z.string(), deprecated: z.boolean() })),
});
export type ComposerValidateOutput = z.infer<typeof composerValidateOutput>;

export const sandboxStatus = z.object({
  running: z.boolean(),
  baseUrl: z.string().nullable(),
  tenant: z.string().nullable(),
  /** Tenant profiles pointing at the running sandbox, by provider. */
  profiles: z.array(z.object({ provider: subscriptionProvider, tenantId: z.string() })),
  oauthTokenUrl: z.string().nullable(),
  oauthClientId: z.string().nullable(),
});
export type SandboxStatus = z.infer<typeof sandboxStatus>;

export const sandboxEventInput = z.object({
  provider: subscriptionProvider,
  eventType: z.string().min(1, 'an event type is needed'),
  data: z.unknown().optional(),
});

export const sandboxEventOutput = z.object({
  provider: z.string(),
  eventType: z.string(),
  deliveries: z.array(
    z.object({
      provider: z.string(),
      subscriptionId: z.string(),
      url: z.string(),
      messageId: z.string(),
      eventType: z.string(),
      ok: z.boolean(),
      status: z.number().int().nullable(),
      error: z.string().nullable(),
    }),
  ),
});
export type SandboxEventOutput = z.infer<typeof sandboxEventOutput>;
