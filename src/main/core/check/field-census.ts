import type { DriftField } from '../../../shared/check-models';
import { isObject } from '../catalog/json-pointer';
import { childPath, indexPath } from './finding-paths';
import { itemSchema, jsonType, propertySchema, typeAllowed, viewOf } from './schema-view';
import { decodeJsonString } from './walk-payload';

/** Array elements read per array and how deep payloads and schemas are followed. */
const MAX_ELEMENTS = 50;
const MAX_DEPTH = 12;

interface DocumentedField {
  types: string[] | null;
  required: boolean;
}

interface SeenField {
  count: number;
  types: Map<string, number>;
  first: number;
  last: number;
  documented: boolean;
  decoded: boolean;
}

/** Every field a documented schema shows, as generic dotted paths (`data.taggedUsers[].user_id`). */
export function documentedFields(schema: unknown): Map<string, DocumentedField> {
  const out = new Map<string, DocumentedField>();
  const visit = (node: unknown, path: string, required: boolean, depth: number, seen: Set<unknown>): void => {
    if (depth > MAX_DEPTH || seen.has(node)) return;
    const view = viewOf(node);
    if (path !== '') out.set(path, { types: view.types, required });
    const next = new Set(seen).add(node);
    for (const [name, child] of view.properties)
      visit(child, childPath(path, name), view.required.has(name), depth + 1, next);
    if (view.items !== undefined) visit(view.items, indexPath(path, null), false, depth + 1, next);
    if (view.jsonContent?.schema !== undefined)
      visit(view.jsonContent.schema, path, required, depth + 1, next);
  };
  if (schema !== null && schema !== undefined) visit(schema, '', true, 0, new Set());
  return out;
}

/**
 * Counts the fields of many payloads of one event: for each generic path, how many payloads had it, with which JSON
 * types, when first and last, and whether the documentation shows it. Strings that held JSON (at `decodedPaths`)
 * are counted inside, as `Payload.ProcessId`.
 */
export class FieldCensus {
  private readonly seen = new Map<string, SeenField>();
  private readonly documented: Map<string, DocumentedField>;
  payloads = 0;

  constructor(private readonly schema: unknown) {
    this.documented = documentedFields(schema);
  }

  /** Adds one payload (as checked: encoded JSON decoded) received at `at`. */
  add(
    value: unknown,
    at: number,
    decodedPaths: readonly string[],
    innerSchemas: ReadonlyMap<string, unknown>,
  ): void {
    this.payloads++;
    const fields = new Map<string, { type: string; documented: boolean; decoded: boolean }>();
    const decodedSet = new Set(decodedPaths);
    const visit = (
      node: unknown,
      schema: unknown,
      path: string,
      generic: string,
      decoded: boolean,
      depth: number,
    ): void => {
      if (depth > MAX_DEPTH) return;
      const documented = schema !== undefined;
      const view = viewOf(schema);
      let shown = node;
      let inside = schema;
      let isDecoded = decoded;
      if (typeof node === 'string' && decodedSet.has(path)) {
        const inner = decodeJsonString(node, true);
        if (inner !== undefined) {
          shown = inner;
          isDecoded = true;
          inside = view.jsonContent ? (view.jsonContent.schema ?? innerSchemas.get(path)) : schema;
        }
      } else if (decodedSet.has(path)) isDecoded = true;
      if (generic !== '' && !fields.has(generic))
        fields.set(generic, { type: jsonType(node), documented, decoded });
      const insideView = inside === undefined ? null : viewOf(inside);
      const childSchema = (name: string): unknown => {
        if (!insideView) return undefined;
        if (insideView.opaqueObject) return {};
        return propertySchema(insideView, name)?.schema;
      };
      if (isObject(shown)) {
        for (const [name, child] of Object.entries(shown))
          visit(
            child,
            childSchema(name),
            childPath(path, name),
            childPath(generic, name),
            isDecoded,
            depth + 1,
          );
      } else if (Array.isArray(shown)) {
        shown.slice(0, MAX_ELEMENTS).forEach((element, i) => {
          const item = !insideView ? undefined : insideView.opaqueArray ? {} : itemSchema(insideView, i);
          visit(element, item, indexPath(path, i), indexPath(generic, null), isDecoded, depth + 1);
        });
      }
    };
    // An event documented without a payload shape: every field is undocumented.
    visit(value, this.schema ?? undefined, '', '', false, 0);
    for (const [path, field] of fields) {
      const entry = this.seen.get(path) ?? {
        count: 0,
        types: new Map<string, number>(),
        first: at,
        last: at,
        documented: field.documented,
        decoded: field.decoded,
      };
      entry.count++;
      entry.types.set(field.type, (entry.types.get(field.type) ?? 0) + 1);
      entry.first = Math.min(entry.first, at);
      entry.last = Math.max(entry.last, at);
      entry.decoded ||= field.decoded;
      this.seen.set(path, entry);
    }
  }

  /** Fields seen and documented, by path. */
  fields(): DriftField[] {
    const paths = new Set([...this.documented.keys(), ...this.seen.keys()]);
    return [...paths].sort().map((path): DriftField => {
      const doc = this.documented.get(path);
      const seen = this.seen.get(path);
      const documented = doc !== undefined || (seen?.documented ?? false);
      const seenTypes = [...(seen?.types ?? new Map<string, number>())]
        .sort((a, b) => b[1] - a[1])
        .map(([type, count]) => ({ type, count }));
      const mistyped = doc ? seenTypes.some((t) => !typeAllowed(t.type, doc.types)) : false;
      return {
        path,
        documented,
        required: doc?.required ?? false,
        documentedTypes: doc ? (doc.types ?? ['any']) : documented ? ['any'] : [],
        seenTypes,
        count: seen?.count ?? 0,
        firstSeen: seen?.first ?? null,
        lastSeen: seen?.last ?? null,
        status: !seen ? 'never-seen' : !documented ? 'undocumented' : mistyped ? 'type-changed' : 'ok',
        decoded: seen?.decoded ?? false,
      };
    });
  }
}
