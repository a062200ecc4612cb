import { isObject } from '../catalog/json-pointer';
import { jsonType } from './schema-view';
import { decodeJsonString } from './walk-payload';

const MAX_ELEMENTS = 50;
const MAX_DEPTH = 16;

/** String formats recognised in observed values (checked in this order; the first that every value has wins). */
const FORMATS: [string, RegExp][] = [
  ['date-time', /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/],
  ['date', /^\d{4}-\d{2}-\d{2}$/],
  ['uuid', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i],
  ['email', /^[^\s@]+@[^\s@]+\.[^\s@]+$/],
  ['uri', /^[a-z][a-z0-9+.-]*:\/\/\S+$/i],
];

interface Observed {
  count: number;
  types: Map<string, number>;
  objects: number;
  properties: Map<string, Observed>;
  items: Observed | null;
  strings: number;
  formats: Map<string, number>;
  jsonStrings: number;
  json: Observed | null;
}

function fresh(): Observed {
  return {
    count: 0,
    types: new Map(),
    objects: 0,
    properties: new Map(),
    items: null,
    strings: 0,
    formats: new Map(),
    jsonStrings: 0,
    json: null,
  };
}

function observe(node: Observed, value: unknown, depth: number): void {
  node.count++;
  const type = jsonType(value);
  node.types.set(type, (node.types.get(type) ?? 0) + 1);
  if (depth > MAX_DEPTH) return;
  if (isObject(value)) {
    node.objects++;
    for (const [key, child] of Object.entries(value)) {
      let property = node.properties.get(key);
      if (!property) {
        property = fresh();
        node.properties.set(key, property);
      }
      observe(property, child, depth + 1);
    }
  } else if (Array.isArray(value)) {
    for (const element of value.slice(0, MAX_ELEMENTS)) observe((node.items ??= fresh()), element, depth + 1);
  } else if (typeof value === 'string') {
    node.strings++;
    for (const [format, pattern] of FORMATS)
      if (pattern.test(value)) node.formats.set(format, (node.formats.get(format) ?? 0) + 1);
    const decoded = decodeJsonString(value);
    if (decoded !== undefined) {
      node.jsonStrings++;
      observe((node.json ??= fresh()), decoded, depth + 1);
    }
  }
}

function toSchema(node: Observed): Record<string, unknown> {
  const types = new Set(node.types.keys());
  if (types.has('integer') && types.has('number')) types.delete('integer');
  const list = [...types];
  const schema: Record<string, unknown> = {};
  if (list.length === 1) schema.type = list[0];
  else if (list.length > 1) schema.type = list;
  if (node.objects > 0) {
    schema.properties = Object.fromEntries(
      [...node.properties].map(([key, child]) => [key, toSchema(child)]),
    );
    const required = [...node.properties]
      .filter(([, child]) => child.count === node.objects)
      .map(([key]) => key);
    if (required.length > 0) schema.required = required;
  }
  if (node.items) schema.items = toSchema(node.items);
  if (node.strings > 0) {
    const format = FORMATS.find(([name]) => node.formats.get(name) === node.strings)?.[0];
    if (format) schema.format = format;
    if (node.json && node.jsonStrings === node.strings) {
      schema.contentMediaType = 'application/json';
      schema.contentSchema = toSchema(node.json);
    }
  }
  return schema;
}

/**
 * Infers a JSON Schema (2020-12) from payloads received for one event: the JSON types seen for each field, the
 * fields present in every object as `required`, a format every string of a field has (date-time, date, uuid, email,
 * uri), and JSON encoded in strings as `contentMediaType` with its own `contentSchema`.
 */
export class SchemaInference {
  private readonly root = fresh();
  payloads = 0;
  first: number | null = null;
  last: number | null = null;

  add(value: unknown, at: number): void {
    this.payloads++;
    this.first = this.first === null ? at : Math.min(this.first, at);
    this.last = this.last === null ? at : Math.max(this.last, at);
    observe(this.root, value, 0);
  }

  /** The schema, with a title and a description naming how many payloads it was inferred from, and when. */
  schema(title: string): Record<string, unknown> {
    const span =
      this.first === null || this.last === null
        ? 'no payloads yet'
        : `${this.payloads} received payload${this.payloads === 1 ? '' : 's'} between ${new Date(this.first).toISOString()} and ${new Date(this.last).toISOString()}`;
    return {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      title,
      description: `Inferred by Hookbench from ${span}.`,
      ...toSchema(this.root),
    };
  }
}
