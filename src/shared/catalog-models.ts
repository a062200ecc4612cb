import { z } from 'zod';
import { signatureScheme } from './signature-models';

/** Where a fact comes from: a source document (a seed file name) and, when known, its section. */
export const catalogSource = z.object({
  document: z.string(),
  section: z.string().optional(),
  title: z.string().optional(),
});
export type CatalogSource = z.infer<typeof catalogSource>;

/** A place where the documents disagree or leave something out, with the documents concerned. */
export const catalogNote = z.object({
  id: z.string(),
  text: z.string(),
  sources: z.array(catalogSource),
});
export type CatalogNote = z.infer<typeof catalogNote>;

/** One part of the composed event type (`{prefix}` or `{suffix}`): its default and the subscription setting. */
export const typePart = z.object({
  /** Null: absent unless the subscription sets it. */
  default: z.string().nullable(),
  /** The subscription attribute that sets it, e.g. `event_type_prefix`. */
  setting: z.string().nullable().default(null),
});

/** How a provider wraps event data and composes the `type` field. */
export const catalogEnvelope = z.object({
  /** Where the event data sits in the body, e.g. `data`. */
  dataField: z.string(),
  /** The field holding the composed type, e.g. `type`. */
  typeField: z.string(),
  /** E.g. `{prefix}.{event}.{suffix}`; an absent part is left out with its separator. */
  typeFormat: z.string(),
  prefix: typePart,
  suffix: typePart,
  /** Other envelope fields as templates: `{now}`, `{event}`, `{prefix}`, `{suffix}` or a constant. */
  fields: z.record(z.string(), z.string()),
});
export type CatalogEnvelope = z.infer<typeof catalogEnvelope>;

export const catalogSignature = z.object({
  /** The scheme the provider signs with; null when it does not sign or does not say how. */
  scheme: signatureScheme.nullable(),
  /** Schemes that may fit when `scheme` is null (chosen per inbox, never guessed). */
  candidates: z.array(signatureScheme),
  secretFormat: z.string().nullable(),
  headers: z.array(z.string()),
  note: z.string().nullable(),
});
export type CatalogSignature = z.infer<typeof catalogSignature>;

/** How deliveries travel: the headers a sender adds besides the signature, and its retry schedule. */
export const catalogDelivery = z.object({
  method: z.string(),
  contentType: z.string(),
  userAgent: z.string().nullable(),
  /** The header naming a message across its attempts (e.g. `svix-id`); null when undocumented. */
  idHeader: z.string().nullable(),
  idPrefix: z.string(),
  timestampHeader: z.string().nullable(),
  /** Delays before each attempt in seconds (the first is 0); empty when retries are undocumented. */
  retrySchedule: z.array(z.number()),
  note: z.string().nullable(),
});
export type CatalogDelivery = z.infer<typeof catalogDelivery>;

export const catalogExample = z.object({
  name: z.string(),
  summary: z.string().nullable(),
  value: z.unknown(),
  source: catalogSource.nullable(),
  /** Set on examples promoted from a capture: when it was received (ms since the epoch). Absent: documented. */
  observedAt: z.number().int().optional(),
});
export type CatalogExample = z.infer<typeof catalogExample>;

export const eventKind = z.enum(['event', 'wildcard', 'test']);
/** `yes`: shape and example documented; `partial`: some fields only; `no`: only the name is documented. */
export const payloadDocumented = z.enum(['yes', 'partial', 'no']);
export type PayloadDocumented = z.infer<typeof payloadDocumented>;

export const catalogEvent = z.object({
  name: z.string(),
  summary: z.string(),
  description: z.string(),
  group: z.string().nullable(),
  /** `wildcard` (e.g. `all`) is a subscription value, never delivered; `test` is a synthetic event. */
  kind: eventKind,
  deprecated: z.boolean(),
  deprecation: z.object({ note: z.string(), sources: z.array(catalogSource) }).nullable(),
  /** Other names the documents use for this event (e.g. an older spelling). */
  aliases: z.array(z.string()),
  payloadDocumented,
  /** The JSON Schema (2020-12) of the delivered body, references resolved; null when undocumented. */
  schema: z.unknown().nullable(),
  examples: z.array(catalogExample),
  notes: z.array(catalogNote),
  sources: z.array(catalogSource),
  /** Documented status values, e.g. Credas' `2: Complete`. */
  statusTable: z.array(
    z.object({ id: z.union([z.number(), z.string()]), status: z.string(), description: z.string() }),
  ),
});
export type CatalogEvent = z.infer<typeof catalogEvent>;

/** One operation of the provider's subscription API (`paths`). */
export const catalogOperation = z.object({
  method: z.string(),
  path: z.string(),
  operationId: z.string().nullable(),
  summary: z.string().nullable(),
  deprecated: z.boolean(),
  sources: z.array(catalogSource),
});
export type CatalogOperation = z.infer<typeof catalogOperation>;

export const catalogOrigin = z.enum(['builtin', 'user']);

export const providerSummary = z.object({
  id: z.string(),
  name: z.string(),
  title: z.string(),
  version: z.string(),
  summary: z.string().nullable(),
  category: z.string().nullable(),
  /** `builtin`: shipped in resources/catalog; `user`: imported into the data directory. */
  origin: catalogOrigin,
  /** The file it was loaded from (name only). */
  file: z.string(),
  eventCount: z.number().int().nonnegative(),
  deprecatedCount: z.number().int().nonnegative(),
  /** Events whose payload shape is not documented. */
  undocumentedCount: z.number().int().nonnegative(),
  idFormat: z.enum(['base57', 'uuid', 'random']),
  envelope: catalogEnvelope.nullable(),
  signature: catalogSignature.nullable(),
});
export type ProviderSummary = z.infer<typeof providerSummary>;

export const providerDetail = providerSummary.extend({
  description: z.string().nullable(),
  servers: z.array(z.string()),
  delivery: catalogDelivery,
  events: z.array(catalogEvent),
  operations: z.array(catalogOperation),
  notes: z.array(catalogNote),
  sources: z.array(catalogSource),
});
export type ProviderDetail = z.infer<typeof providerDetail>;

export const providerIdInput = z.object({ provider: z.string().min(1, 'a provider id is needed') });

/** An OpenAPI 3.1 file with `webhooks`, as text (JSON or YAML). */
export const catalogImportInput = z.object({
  content: z.string().max(10 * 1024 * 1024, 'the file is larger than 10 MB'),
  /** Decides JSON or YAML (`.yaml`, `.yml`) and appears in error messages. */
  filename: z.string().min(1).max(200).default('openapi.json'),
});
export const catalogImportOutput = z.object({
  provider: providerSummary,
  /** Things that load but deserve a look (unknown schema keywords, events without a payload schema). */
  warnings: z.array(z.string()),
});
export type CatalogImportOutput = z.infer<typeof catalogImportOutput>;

export const catalogRemoveOutput = z.object({ removed: z.boolean() });
