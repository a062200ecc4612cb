import { isObject, pointerSegments } from '../catalog/json-pointer';

const PLAIN_KEY = /^[A-Za-z_$][\w$-]*$/;

/** A field inside `parent`: `data.user`, or `["odd key"]` for names that are not plain words. */
export function childPath(parent: string, key: string): string {
  if (!PLAIN_KEY.test(key)) return `${parent}[${JSON.stringify(key)}]`;
  return parent === '' ? key : `${parent}.${key}`;
}

/** An element of an array at `parent`: `data.taggedUsers[0]`. */
export function indexPath(parent: string, index: number | null): string {
  return `${parent}[${index === null ? '' : index}]`;
}

/** Joins a path found inside decoded JSON to the path of the string that held it. */
export function joinPaths(prefix: string, inner: string): string {
  if (prefix === '') return inner;
  if (inner === '') return prefix;
  return inner.startsWith('[') ? `${prefix}${inner}` : `${prefix}.${inner}`;
}

/**
 * Turns an Ajv instance path (a JSON pointer) into a dotted path, reading the value to tell array indexes from
 * object keys that look like numbers.
 */
export function dottedFromPointer(pointer: string, root: unknown): string {
  let path = '';
  let node: unknown = root;
  for (const segment of pointerSegments(pointer)) {
    if (Array.isArray(node)) {
      const index = Number(segment);
      path = indexPath(path, index);
      node = node[index];
    } else {
      path = childPath(path, segment);
      node = isObject(node) ? node[segment] : undefined;
    }
  }
  return path;
}

/** A dotted path for a JSON pointer without a value at hand (identify rules: `/data/eventType` → `data.eventType`). */
export function dottedFromRulePointer(pointer: string): string {
  return pointerSegments(pointer).reduce((path, segment) => childPath(path, segment), '');
}

/** The same path with element indexes generalised, for counting fields over many payloads: `a[3].b` → `a[].b`. */
export function genericPath(path: string): string {
  return path.replace(/\[\d+\]/g, '[]');
}

/** How a path reads in a message: `data.user.userId`, or "the body" for the root. */
export function describePath(path: string): string {
  return path === '' ? 'The body' : `\`${path}\``;
}
