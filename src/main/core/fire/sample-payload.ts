import type { PayloadDocumented } from '../../../shared/catalog-models';
import type { EnvelopeOptions } from '../../../shared/fire-models';
import { isObject, resolveRef, type JsonObject } from '../catalog/json-pointer';
import type { LoadedEvent, LoadedProvider } from '../catalog/load-catalog-document';
import { applyEnvelope } from './envelope';
import { isoMicros, providerId } from './ids';

/** Ids and time shared by every sample of one scenario run (or one sample). */
export interface SampleContext {
  /** Ids by kind (`use_case`, `review`, …), reused by every later sample. */
  ids: Map<string, string>;
  /** Documented example ids already replaced, old → new, so one example's repeated ids stay equal. */
  replaced: Map<string, string>;
  now: number;
}

/** A fresh context: new ids, the current time. */
export function newSampleContext(now: number = Date.now()): SampleContext {
  return { ids: new Map(), replaced: new Map(), now };
}

export interface Sample {
  payload: unknown;
  documented: PayloadDocumented;
  warnings: string[];
}

const MAX_DEPTH = 12;

/** A schema with its `$ref` followed (siblings such as `x-id` kept), `allOf` merged and the first `oneOf` taken. */
function resolve(schema: unknown, doc: unknown, depth = 0): JsonObject {
  if (!isObject(schema) || depth > MAX_DEPTH) return {};
  let out: JsonObject = schema;
  if (typeof schema.$ref === 'string') {
    const { $ref, ...siblings } = schema;
    out = { ...resolve(resolveRef(doc, $ref), doc, depth + 1), ...siblings };
  }
  if (Array.isArray(out.allOf)) {
    const merged: JsonObject = {
      ...out,
      properties: { ...(isObject(out.properties) ? out.properties : {}) },
    };
    for (const part of out.allOf) {
      const r = resolve(part, doc, depth + 1);
      Object.assign(merged, {
        ...r,
        properties: { ...(merged.properties as JsonObject), ...(isObject(r.properties) ? r.properties : {}) },
      });
    }
    delete merged.allOf;
    out = merged;
  }
  const alternatives: unknown[] = Array.isArray(out.oneOf)
    ? out.oneOf
    : Array.isArray(out.anyOf)
      ? out.anyOf
      : [];
  const choice = alternatives[0];
  if (choice !== undefined) {
    const rest = { ...out };
    delete rest.oneOf;
    delete rest.anyOf;
    out = { ...resolve(choice, doc, depth + 1), ...rest };
  }
  return out;
}

function typeOf(schema: JsonObject): string | undefined {
  if (typeof schema.type === 'string') return schema.type;
  if (Array.isArray(schema.type))
    return schema.type.find((t): t is string => typeof t === 'string' && t !== 'null');
  if (isObject(schema.properties)) return 'object';
  return undefined;
}

class Generator {
  constructor(
    private readonly provider: LoadedProvider,
    private readonly ctx: SampleContext,
  ) {}

  private id(kind: string, old?: string): string {
    const known = this.ctx.ids.get(kind) ?? (old === undefined ? undefined : this.ctx.replaced.get(old));
    const id =
      known ??
      providerId(this.provider.detail.idFormat === 'random' ? 'uuid' : this.provider.detail.idFormat);
    this.ctx.ids.set(kind, id);
    if (old !== undefined) this.ctx.replaced.set(old, id);
    return id;
  }

  /** A value for a schema, from its const, enum, default or examples first, else by type and format. */
  generate(raw: unknown, name: string, depth = 0): unknown {
    const schema = resolve(raw, this.provider.doc);
    if (typeof schema['x-id'] === 'string') return this.id(schema['x-id']);
    if ('const' in schema) return schema.const;
    if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
    if ('default' in schema) return schema.default;
    if (Array.isArray(schema.examples) && schema.examples.length > 0) return schema.examples[0];
    const type = typeOf(schema);
    if (type === 'object' && depth < MAX_DEPTH) {
      const out: JsonObject = {};
      const props = isObject(schema.properties) ? schema.properties : {};
      for (const [key, value] of Object.entries(props)) out[key] = this.generate(value, key, depth + 1);
      return out;
    }
    if (type === 'array' && depth < MAX_DEPTH) {
      const count = Math.max(1, typeof schema.minItems === 'number' ? Math.min(schema.minItems, 5) : 1);
      return Array.from({ length: count }, () => this.generate(schema.items, name, depth + 1));
    }
    if (type === 'integer' || type === 'number')
      return typeof schema.minimum === 'number' ? schema.minimum : 1;
    if (type === 'boolean') return true;
    if (type === 'null') return null;
    if (type !== 'string' && type !== undefined) return null;
    return this.string(schema, name);
  }

  private string(schema: JsonObject, name: string): string {
    const format = schema.format;
    if (format === 'date-time') return isoMicros(this.ctx.now);
    if (format === 'date') return new Date(this.ctx.now).toISOString().slice(0, 10);
    if (format === 'uuid') return this.id(name);
    if (format === 'email') return 'alex.morgan@example.com';
    if (format === 'uri' || format === 'url') return 'https://example.com/';
    if (/(^id$|Id$|_id$)/.test(name)) return this.id(name);
    if (schema.contentMediaType === 'application/json') return '{}';
    return `${name.replace(/[_-]+/g, ' ')} example`.trim();
  }

  /** A documented example with ids, timestamps and the envelope refreshed: the rest stays as documented. */
  refresh(value: unknown, raw: unknown, name: string, depth = 0): unknown {
    const schema = resolve(raw, this.provider.doc);
    if (Array.isArray(value)) return value.map((v) => this.refresh(v, schema.items, name, depth + 1));
    if (isObject(value)) {
      const props = isObject(schema.properties) ? schema.properties : {};
      const out: JsonObject = {};
      for (const [key, v] of Object.entries(value)) out[key] = this.refresh(v, props[key], key, depth + 1);
      return out;
    }
    if (typeof value !== 'string') return value;
    if (typeof schema['x-id'] === 'string') return this.id(schema['x-id'], value);
    if (schema.format === 'uuid') return this.id(name, value);
    if (schema.format === 'date-time') return isoMicros(this.ctx.now);
    return value;
  }
}

/** Replaces ids of the documented example that also appear inside other strings (mentions, URLs). */
function replaceInStrings(value: unknown, replaced: Map<string, string>): unknown {
  if (Array.isArray(value)) return value.map((v) => replaceInStrings(v, replaced));
  if (isObject(value))
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replaceInStrings(v, replaced)]));
  if (typeof value !== 'string') return value;
  let text = value;
  for (const [old, id] of replaced)
    if (old.length >= 16 && text.includes(old)) text = text.split(old).join(id);
  return text;
}

/**
 * A realistic payload for an event: its documented example with fresh ids (in the provider's format, shared with
 * the rest of the context) and current timestamps, else one generated from its schema, else a placeholder that says
 * the shape is not documented. The provider envelope (type from prefix/suffix, time, source, subject) is applied.
 */
export function samplePayload(
  provider: LoadedProvider,
  event: LoadedEvent,
  ctx: SampleContext = newSampleContext(),
  envelope: EnvelopeOptions = {},
): Sample {
  const generator = new Generator(provider, ctx);
  const warnings: string[] = [];
  const [example] = event.info.examples;
  let payload: unknown;
  if (example) {
    payload = replaceInStrings(
      generator.refresh(structuredClone(example.value), event.rawSchema, ''),
      ctx.replaced,
    );
  } else if (event.rawSchema !== null) {
    payload = generator.generate(event.rawSchema, '');
  } else {
    payload = { event_type: event.info.name };
    warnings.push(
      `${provider.detail.name} does not document the payload of ${event.info.name}: this body is a placeholder carrying only the event type. Edit it to match what you expect.`,
    );
  }
  if (event.info.payloadDocumented === 'partial')
    warnings.push(
      `Only part of the payload of ${event.info.name} is documented; fields beyond these may arrive.`,
    );
  if (event.info.deprecated)
    warnings.push(`${event.info.name} is deprecated: ${event.info.deprecation?.note ?? ''}`.trim());
  if (provider.envelope)
    payload = applyEnvelope(provider.envelope, event.info.name, payload, envelope, true, ctx.now);
  return { payload, documented: event.info.payloadDocumented, warnings };
}
