import { isObject } from '../catalog/json-pointer';

/**
 * What a documented JSON Schema says about one place in a payload, with `allOf`, `anyOf`, `oneOf` and `if`/`then`/
 * `else` folded in: the JSON types allowed, the fields documented, array items, JSON encoded in a string. The checker
 * walks payloads with it to find undocumented fields even where the schema allows extra properties, and the shape
 * tree and the drift report list documented fields with it.
 */
export interface SchemaView {
  /** Documented JSON types (`integer` separate from `number`); null when any type is allowed. */
  types: string[] | null;
  properties: Map<string, unknown>;
  patterns: [RegExp, unknown][];
  /** `additionalProperties` given as a schema: every other key is documented by it (a map). */
  additional: unknown;
  required: Set<string>;
  items: unknown;
  prefixItems: unknown[];
  /** The string holds JSON (`contentMediaType: application/json`); `schema` is its `contentSchema`, if any. */
  jsonContent: { schema: unknown } | null;
  /** The schema says nothing about the inside of an object (no properties of any kind): its keys are not judged. */
  opaqueObject: boolean;
  /** The schema says nothing about array elements. */
  opaqueArray: boolean;
  description: string | null;
  /** The `x-id` kind, a hint that a string is an id. */
  idKind: string | null;
}

const ANY: SchemaView = {
  types: null,
  properties: new Map(),
  patterns: [],
  additional: undefined,
  required: new Set(),
  items: undefined,
  prefixItems: [],
  jsonContent: null,
  opaqueObject: true,
  opaqueArray: true,
  description: null,
  idKind: null,
};

const NOTHING: SchemaView = { ...ANY, types: [], opaqueObject: false, opaqueArray: false };

const cache = new WeakMap<object, SchemaView>();

function jsonTypeOfConst(value: unknown): string {
  return jsonType(value);
}

/** The JSON type of a value: `object`, `array`, `string`, `integer`, `number`, `boolean` or `null`. */
export function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  if (typeof value === 'object') return 'object';
  return typeof value;
}

/** True when a value of JSON type `received` is allowed by `documented` (null: any). */
export function typeAllowed(received: string, documented: readonly string[] | null): boolean {
  if (documented === null) return true;
  return documented.includes(received) || (received === 'integer' && documented.includes('number'));
}

function ownTypes(schema: Record<string, unknown>): string[] | null {
  if (typeof schema.type === 'string') return [schema.type];
  if (Array.isArray(schema.type)) return schema.type.filter((t): t is string => typeof t === 'string');
  if ('const' in schema) return [jsonTypeOfConst(schema.const)];
  if (Array.isArray(schema.enum)) return [...new Set(schema.enum.map(jsonTypeOfConst))];
  return null;
}

function branchesOf(schema: Record<string, unknown>, key: string): unknown[] {
  const list = schema[key];
  return Array.isArray(list) ? list : [];
}

function unionTypes(a: string[] | null, b: string[] | null): string[] | null {
  if (a === null || b === null) return null;
  return [...new Set([...a, ...b])];
}

/** Folds one schema (references already resolved) into a view; cached per schema object. */
export function viewOf(schema: unknown): SchemaView {
  if (schema === false) return NOTHING;
  if (!isObject(schema)) return ANY;
  const cached = cache.get(schema);
  if (cached) return cached;
  const view = build(schema);
  cache.set(schema, view);
  return view;
}

function build(schema: Record<string, unknown>): SchemaView {
  // An unresolved reference (a cycle): nothing is known about it, so nothing is judged.
  if (typeof schema.$ref === 'string') return ANY;
  const properties = new Map<string, unknown>();
  const patterns: [RegExp, unknown][] = [];
  const required = new Set<string>();
  if (isObject(schema.properties))
    for (const [key, value] of Object.entries(schema.properties)) properties.set(key, value);
  if (isObject(schema.patternProperties)) {
    for (const [source, value] of Object.entries(schema.patternProperties)) {
      try {
        patterns.push([new RegExp(source, 'u'), value]);
      } catch {
        // A pattern JavaScript cannot read documents nothing we can match.
      }
    }
  }
  if (Array.isArray(schema.required))
    for (const key of schema.required) if (typeof key === 'string') required.add(key);
  let additional: unknown = isObject(schema.additionalProperties) ? schema.additionalProperties : undefined;
  let items: unknown = isObject(schema.items) || schema.items === false ? schema.items : undefined;
  let prefixItems = Array.isArray(schema.prefixItems) ? schema.prefixItems : [];
  let types = ownTypes(schema);
  const hasOwnType = types !== null;
  // Changed by `absorb`: an object, so the folding below reads what the branches left.
  const branches: { types: string[] | null; seen: boolean } = { types: [], seen: false };

  const absorb = (branch: SchemaView, merge: 'all' | 'some'): void => {
    for (const [key, value] of branch.properties) if (!properties.has(key)) properties.set(key, value);
    patterns.push(...branch.patterns);
    additional ??= branch.additional;
    items ??= branch.items;
    if (prefixItems.length === 0) prefixItems = branch.prefixItems;
    if (merge === 'all') for (const key of branch.required) required.add(key);
    branches.seen = true;
    branches.types = unionTypes(branches.types, branch.types);
  };
  for (const part of branchesOf(schema, 'allOf')) absorb(viewOf(part), 'all');
  for (const key of ['anyOf', 'oneOf']) {
    const views = branchesOf(schema, key).map(viewOf);
    if (views.length === 0) continue;
    // A field is required here only when every alternative requires it.
    const [first, ...rest] = views;
    for (const name of first?.required ?? []) if (rest.every((v) => v.required.has(name))) required.add(name);
    for (const view of views) absorb(view, 'some');
  }
  for (const key of ['then', 'else']) if (isObject(schema[key])) absorb(viewOf(schema[key]), 'some');
  if (!hasOwnType && branches.seen) types = branches.types;

  const mediaType = typeof schema.contentMediaType === 'string' ? schema.contentMediaType : '';
  const jsonContent =
    /(^|[/+])json$/i.test(mediaType.split(';')[0]?.trim() ?? '') || schema.contentSchema !== undefined
      ? { schema: schema.contentSchema }
      : null;
  return {
    types,
    properties,
    patterns,
    additional,
    required,
    items,
    prefixItems,
    jsonContent,
    opaqueObject: properties.size === 0 && patterns.length === 0 && additional === undefined,
    opaqueArray: items === undefined && prefixItems.length === 0,
    description: typeof schema.description === 'string' ? schema.description : null,
    idKind: typeof schema['x-id'] === 'string' ? schema['x-id'] : null,
  };
}

/** The documented schema of key `key` inside an object described by `view`; undefined when undocumented. */
export function propertySchema(view: SchemaView, key: string): { schema: unknown } | undefined {
  if (view.properties.has(key)) return { schema: view.properties.get(key) };
  for (const [pattern, schema] of view.patterns) if (pattern.test(key)) return { schema };
  if (view.additional !== undefined) return { schema: view.additional };
  return undefined;
}

/** The documented schema of element `index` of an array described by `view`. */
export function itemSchema(view: SchemaView, index: number): unknown {
  return index < view.prefixItems.length ? view.prefixItems[index] : view.items;
}

/** `string|null` for people and for the tree. */
export function typeLabel(types: readonly string[] | null): string | null {
  return types === null ? null : types.join('|');
}
