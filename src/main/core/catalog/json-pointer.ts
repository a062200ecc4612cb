/** A JSON object (not an array, not null). */
export type JsonObject = Record<string, unknown>;

/** True for a plain JSON object. */
export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Splits `/a/b~1c` into `['a', 'b/c']` (RFC 6901). */
export function pointerSegments(pointer: string): string[] {
  if (pointer === '' || pointer === '#') return [];
  const body = pointer.startsWith('#') ? pointer.slice(1) : pointer;
  return body
    .split('/')
    .slice(1)
    .map((s) => decodeURIComponent(s).replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Builds `/a/b~1c` from segments. */
export function pointerOf(segments: readonly (string | number)[]): string {
  return segments.map((s) => `/${String(s).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/** The value at a JSON pointer, or undefined. */
export function getAt(root: unknown, pointer: string): unknown {
  let node: unknown = root;
  for (const segment of pointerSegments(pointer)) {
    if (Array.isArray(node)) node = node[Number(segment)];
    else if (isObject(node)) node = node[segment];
    else return undefined;
  }
  return node;
}

/** Sets the value at a JSON pointer, creating objects on the way; `-` appends to an array. */
export function setAt(root: unknown, pointer: string, value: unknown): void {
  const segments = pointerSegments(pointer);
  const last = segments.pop();
  if (last === undefined) throw new Error('cannot replace the whole document with a pointer');
  let node: unknown = root;
  for (const segment of segments) {
    if (Array.isArray(node)) node = node[Number(segment)];
    else if (isObject(node)) {
      if (!isObject(node[segment]) && !Array.isArray(node[segment])) node[segment] = {};
      node = node[segment];
    } else throw new Error(`${pointer}: ${segment} is not inside an object`);
  }
  if (Array.isArray(node)) {
    if (last === '-') node.push(value);
    else node[Number(last)] = value;
  } else if (isObject(node)) node[last] = value;
  else throw new Error(`${pointer}: not inside an object`);
}

/** A dotted path for people: `/webhooks/a/post` → `webhooks.a.post`. */
export function dottedPath(segments: readonly (string | number)[]): string {
  return segments.map(String).join('.');
}

/** Follows a local `$ref` (`#/components/schemas/X`) inside `doc`; other references give undefined. */
export function resolveRef(doc: unknown, ref: string): unknown {
  return ref.startsWith('#') ? getAt(doc, ref) : undefined;
}

/**
 * A copy of a JSON Schema with local `$ref`s replaced by what they point to, for showing and generating. A cycle or
 * an unresolvable reference is left as the `$ref`. Sibling keywords of a `$ref` (such as `x-id`) are kept.
 */
export function derefSchema(schema: unknown, doc: unknown, seen: readonly string[] = []): unknown {
  if (Array.isArray(schema)) return schema.map((s) => derefSchema(s, doc, seen));
  if (!isObject(schema)) return schema;
  const ref = typeof schema.$ref === 'string' ? schema.$ref : null;
  if (ref !== null && !seen.includes(ref)) {
    const target = resolveRef(doc, ref);
    if (target !== undefined) {
      const siblings = { ...schema };
      delete siblings.$ref;
      const resolved = derefSchema(target, doc, [...seen, ref]);
      return isObject(resolved) ? { ...resolved, ...derefChildren(siblings, doc, seen) } : resolved;
    }
  }
  return derefChildren(schema, doc, seen);
}

function derefChildren(schema: JsonObject, doc: unknown, seen: readonly string[]): JsonObject {
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(schema)) {
    // `examples`, `const`, `enum` and `default` are data, not schemas: copied as they are.
    out[key] = ['examples', 'const', 'enum', 'default', 'example'].includes(key)
      ? value
      : derefSchema(value, doc, seen);
  }
  return out;
}
