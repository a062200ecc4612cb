/** One field of a payload schema, as the schema tree shows it. */
export interface SchemaField {
  /** The property name; `[]` for an array's items, null for the root. */
  name: string | null;
  /** E.g. `string`, `array of object`, `integer | null`. */
  type: string;
  format: string | null;
  required: boolean;
  deprecated: boolean;
  description: string | null;
  /** Allowed values (`enum`, or `const` as one value), as JSON text. */
  values: string[];
  /** Examples from the schema, as JSON text. */
  examples: string[];
  /** `^(?:[^.]+\.)?use_case…` and the like. */
  pattern: string | null;
  children: SchemaField[];
}

type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const MAX_DEPTH = 12;

/** The type label of a schema: its `type` (or the types of its `oneOf`/`anyOf` branches), arrays by their items. */
function typeLabel(schema: JsonObject): string {
  const branches = schema.oneOf ?? schema.anyOf;
  if (Array.isArray(branches) && branches.length > 0)
    return branches.map((b) => (isObject(b) ? typeLabel(b) : 'any')).join(' | ');
  const type = schema.type;
  const names = Array.isArray(type) ? type.map(String) : typeof type === 'string' ? [type] : [];
  if (names.length === 0) {
    if (isObject(schema.properties)) return 'object';
    if ('const' in schema) return typeof schema.const;
    return Array.isArray(schema.enum) ? 'enum' : 'any';
  }
  return names
    .map((n) => (n === 'array' && isObject(schema.items) ? `array of ${typeLabel(schema.items)}` : n))
    .join(' | ');
}

/** Merges `allOf` parts and the object branch of `oneOf`/`anyOf` so their properties show as children. */
function objectParts(schema: JsonObject): JsonObject[] {
  const parts = [schema];
  for (const key of ['allOf', 'oneOf', 'anyOf'] as const) {
    const list = schema[key];
    if (Array.isArray(list)) parts.push(...list.filter(isObject));
  }
  return parts;
}

function childrenOf(schema: JsonObject, depth: number): SchemaField[] {
  if (depth >= MAX_DEPTH) return [];
  const fields: SchemaField[] = [];
  const seen = new Set<string>();
  for (const part of objectParts(schema)) {
    const required = new Set(Array.isArray(part.required) ? part.required.map(String) : []);
    if (isObject(part.properties)) {
      for (const [name, child] of Object.entries(part.properties)) {
        if (seen.has(name) || !isObject(child)) continue;
        seen.add(name);
        fields.push(fieldOf(name, child, required.has(name), depth + 1));
      }
    }
    if (isObject(part.items) && (isObject(part.items.properties) || part.items.allOf)) {
      fields.push(...childrenOf(part.items, depth + 1).map((f) => ({ ...f, name: `[].${f.name ?? ''}` })));
    }
  }
  return fields;
}

function fieldOf(name: string | null, schema: JsonObject, required: boolean, depth: number): SchemaField {
  const values = Array.isArray(schema.enum)
    ? schema.enum.map((v) => JSON.stringify(v))
    : 'const' in schema
      ? [JSON.stringify(schema.const)]
      : [];
  return {
    name,
    type: typeLabel(schema),
    format: typeof schema.format === 'string' ? schema.format : null,
    required,
    deprecated: schema.deprecated === true,
    description: typeof schema.description === 'string' ? schema.description : null,
    values,
    examples: Array.isArray(schema.examples) ? schema.examples.map((v) => JSON.stringify(v)) : [],
    pattern: typeof schema.pattern === 'string' ? schema.pattern : null,
    children: childrenOf(schema, depth),
  };
}

/** The outline of a JSON Schema (references already resolved by the core), or null when it is not an object. */
export function schemaOutline(schema: unknown): SchemaField | null {
  return isObject(schema) ? fieldOf(null, schema, true, 0) : null;
}
