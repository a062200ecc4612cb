import { z } from 'zod';
import { catalogNote, catalogSource, eventKind, payloadDocumented } from '../../../shared/catalog-models';
import { signatureScheme } from '../../../shared/signature-models';

/**
 * The `x-` extensions a catalogue file may carry, for what OpenAPI 3.1 cannot say. All are optional, so a vendor's
 * plain OpenAPI file with `webhooks` loads too; each is checked strictly where present, so a typo in a shipped file
 * is an error naming the file and the path.
 */

const sources = z.array(catalogSource);
const notes = z.array(catalogNote);
const headerName = z.string().regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, 'not a valid header name');

/** `x-provider` at the root: the id the catalogue and the CLI use, and a display name. */
export const xProvider = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/, 'use lower-case letters, digits and dashes')
      .max(64),
    name: z.string().min(1),
    category: z.string().optional(),
  })
  .strict();

/** `x-ids`: the shape of the provider's ids, for realistic samples. */
export const xIds = z
  .object({
    format: z.enum(['base57', 'uuid', 'random']),
    length: z.number().int().min(4).max(64).optional(),
  })
  .strict();

const typePart = z.object({ default: z.string().nullable(), setting: z.string().optional() }).strict();

/** `x-envelope`: where the data sits and how `type` is composed from `{prefix}`, `{event}` and `{suffix}`. */
export const xEnvelope = z
  .object({
    dataField: z.string().min(1),
    typeField: z.string().min(1),
    typeFormat: z.string().includes('{event}', { message: 'must contain {event}' }),
    prefix: typePart,
    suffix: typePart,
    fields: z.record(z.string(), z.string()).default({}),
    sources: sources.optional(),
  })
  .strict();

/** `x-signature`: how deliveries are signed, or why the scheme is left open. */
export const xSignature = z
  .object({
    scheme: signatureScheme.nullable(),
    candidates: z.array(signatureScheme).default([]),
    secretFormat: z.string().optional(),
    headers: z.array(headerName).default([]),
    note: z.string().optional(),
    sources: sources.optional(),
  })
  .strict();

/** `x-delivery`: the headers and retry schedule of a delivery besides its signature. */
export const xDelivery = z
  .object({
    method: z.enum(['POST', 'PUT', 'PATCH']).default('POST'),
    contentType: z.string().default('application/json'),
    userAgent: z.string().optional(),
    idHeader: headerName.optional(),
    idPrefix: z.string().default(''),
    timestampHeader: headerName.optional(),
    retrySchedule: z.array(z.number().min(0)).max(30).optional(),
    note: z.string().optional(),
    sources: sources.optional(),
  })
  .strict();

const jsonPointer = z.string().regex(/^(\/[^/]*)*$/, 'a JSON pointer such as /data/type');

/** `x-identify`: how to tell which event a payload is. */
export const xIdentify = z
  .object({
    rules: z.array(
      z.discriminatedUnion('kind', [
        /** The envelope's type field, composed as `x-envelope.typeFormat` says. */
        z.object({ kind: z.literal('type-field') }).strict(),
        /** The value at this pointer is the event name (or one of its aliases). */
        z.object({ kind: z.literal('field'), pointer: jsonPointer }).strict(),
        /** A body with all these top-level keys is this event. */
        z.object({ kind: z.literal('keys'), keys: z.array(z.string()).min(1), event: z.string() }).strict(),
      ]),
    ),
    note: z.string().optional(),
  })
  .strict();

/** Root-level and event-level `x-source` (a list) and example-level `x-source` (one). */
export const xSources = sources;
export const xSource = catalogSource;
export const xNotes = notes;

/** `x-event` on a webhook operation. */
export const xEvent = z
  .object({
    group: z.string().optional(),
    kind: eventKind.default('event'),
    aliases: z.array(z.string()).default([]),
    payloadDocumented: payloadDocumented.optional(),
  })
  .strict();

/** `x-deprecation` on a webhook operation (beside OpenAPI's `deprecated: true`). */
export const xDeprecation = z.object({ note: z.string(), sources: sources.default([]) }).strict();

/** `x-status-table` on a webhook operation. */
export const xStatusTable = z.array(
  z.object({ id: z.union([z.number(), z.string()]), status: z.string(), description: z.string() }).strict(),
);

/** The root extensions by name. */
export const ROOT_EXTENSIONS = {
  'x-provider': xProvider,
  'x-ids': xIds,
  'x-envelope': xEnvelope,
  'x-signature': xSignature,
  'x-delivery': xDelivery,
  'x-identify': xIdentify,
  'x-source': xSources,
  'x-notes': xNotes,
} as const;

/** The extensions of a webhook (or path) operation by name. */
export const OPERATION_EXTENSIONS = {
  'x-source': xSources,
  'x-notes': xNotes,
  'x-event': xEvent,
  'x-deprecation': xDeprecation,
  'x-status-table': xStatusTable,
} as const;

/** Keywords Hookbench adds inside JSON Schemas (registered with Ajv so strict mode accepts them). */
export const SCHEMA_KEYWORDS = ['x-id'] as const;

export type XEnvelope = z.infer<typeof xEnvelope>;
export type XIdentify = z.infer<typeof xIdentify>;
export type XProvider = z.infer<typeof xProvider>;
export type XIds = z.infer<typeof xIds>;
export type XSignature = z.infer<typeof xSignature>;
export type XDelivery = z.infer<typeof xDelivery>;
