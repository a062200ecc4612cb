/** A JSON string value inside a JSON document whose text is itself a JSON object or array. */
export interface NestedJson {
  /** Where it is, e.g. `Payload`, `data.items[0].body`. */
  path: string;
  /** The inner document, parsed. */
  value: unknown;
}

/** How many nested documents are looked for, and how deep: enough for real envelopes, bounded for huge bodies. */
const MAX_FOUND = 20;
const MAX_DEPTH = 32;

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** Appends a key to a path the way JavaScript would write it. */
function childPath(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  if (IDENTIFIER.test(key)) return path ? `${path}.${key}` : key;
  return `${path}[${JSON.stringify(key)}]`;
}

/** Parses `text` when it looks like a JSON object or array; undefined when it is not one. */
function parseContainer(text: string): unknown {
  const first = text.trimStart().charAt(0);
  if (first !== '{' && first !== '[') return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Finds string values that hold JSON documents (as Credas sends `{"Payload":"{\"ProcessId\":…}"}`), including
 * ones nested inside those. Returns them in document order with their paths, plus the whole document with every
 * such string replaced by what it decodes to, so the view can show one readable tree.
 */
export function findNestedJson(text: string): { found: NestedJson[]; decoded: unknown } | null {
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch {
    return null;
  }
  const found: NestedJson[] = [];
  const visit = (value: unknown, path: string, depth: number): unknown => {
    if (depth > MAX_DEPTH || found.length >= MAX_FOUND) return value;
    if (typeof value === 'string') {
      const inner = parseContainer(value);
      if (inner === undefined) return value;
      found.push({ path, value: inner });
      return visit(inner, path, depth + 1);
    }
    if (Array.isArray(value)) return value.map((item, i) => visit(item, childPath(path, i), depth + 1));
    if (typeof value === 'object' && value !== null) {
      return Object.fromEntries(
        Object.entries(value).map(([key, item]) => [key, visit(item, childPath(path, key), depth + 1)]),
      );
    }
    return value;
  };
  const decoded = visit(root, '', 0);
  // A body that is only a JSON string of JSON would have an empty path; call it what it is.
  for (const entry of found) if (entry.path === '') entry.path = '(whole body)';
  return found.length > 0 ? { found, decoded } : null;
}
