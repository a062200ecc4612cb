/** Mutated variants of documented payloads, for the checker's tests. */

type Json = Record<string, unknown>;

/** A deep copy. */
export function copy<T>(value: T): T {
  return structuredClone(value);
}

function parentOf(root: unknown, path: readonly (string | number)[]): [Json | unknown[], string | number] {
  let node = root as Json | unknown[];
  for (const key of path.slice(0, -1))
    node = (node as Record<string | number, unknown>)[key] as Json | unknown[];
  return [node, path[path.length - 1] as string | number];
}

/** The value without the field at `path`. */
export function removed(value: unknown, path: readonly (string | number)[]): unknown {
  const out = copy(value);
  const [parent, key] = parentOf(out, path);
  Reflect.deleteProperty(parent, key);
  return out;
}

/** The value with the field at `path` set (added when absent). */
export function withField(value: unknown, path: readonly (string | number)[], field: unknown): unknown {
  const out = copy(value);
  const [parent, key] = parentOf(out, path);
  (parent as Record<string | number, unknown>)[key] = field;
  return out;
}

/** The field at `path` with a value of another JSON type (a string becomes a number, anything else a string). */
export function retyped(value: unknown, path: readonly (string | number)[]): unknown {
  const [parent, key] = parentOf(value, path);
  const current = (parent as Record<string | number, unknown>)[key];
  return withField(value, path, typeof current === 'string' ? 42 : 'changed');
}

/** A Credo AI body with another prefix and suffix around the same event. */
export function recomposed(value: Json, prefix: string | null, suffix: string | null): Json {
  const type = String(value.type);
  const event = type.split('.').find((part) => part.startsWith('use_case_')) ?? type;
  return { ...copy(value), type: [prefix, event, suffix].filter((p) => p !== null).join('.') };
}

/** The body as a JSON string holding the JSON (encoded twice). */
export function doubleEncoded(value: unknown): string {
  return JSON.stringify(JSON.stringify(value));
}

/** The first required field of `data` (or of the body) that the example has. */
export function firstKey(value: Json, under: string | null): string {
  const holder = under === null ? value : (value[under] as Json);
  const key = Object.keys(holder)[0];
  if (key === undefined) throw new Error('an example without fields');
  return key;
}
