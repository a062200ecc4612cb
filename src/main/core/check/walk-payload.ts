import type { CheckFinding } from '../../../shared/check-models';
import { isObject } from '../catalog/json-pointer';
import { childPath, describePath, indexPath } from './finding-paths';
import { itemSchema, jsonType, propertySchema, typeAllowed, viewOf } from './schema-view';
import { quote, typeWords } from './translate-ajv';

/** Array elements walked per array (the rest are like them, and a huge array must not stall a check). */
const MAX_ELEMENTS = 200;

/** What walking a payload collects. */
export interface WalkContext {
  eventName: string;
  findings: CheckFinding[];
  /** Paths whose string held JSON that was decoded. */
  decodedPaths: string[];
  /** Checks JSON decoded from a documented JSON string whose shape the documentation does not give. */
  inner?: (value: unknown, path: string) => void;
}

/**
 * The JSON in a string, or undefined when it holds none. Unless `anyValue`, only objects and arrays count (a string
 * such as "42" is a string, not encoded JSON).
 */
export function decodeJsonString(text: string, anyValue = false): unknown {
  const first = text.trimStart()[0];
  if (!anyValue && first !== '{' && first !== '[') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Decodes strings that hold JSON where the documentation shows an object or an array (a field encoded twice),
 * reporting each as a `type` error, so the rest of the check sees the decoded value. Returns the value with those
 * strings replaced (copied on write; the input is not changed).
 */
export function decodeEncoded(value: unknown, schema: unknown, path: string, ctx: WalkContext): unknown {
  const view = viewOf(schema);
  if (typeof value === 'string') {
    if (view.types === null || typeAllowed('string', view.types)) return value;
    const decoded = decodeJsonString(value);
    if (decoded === undefined || !typeAllowed(jsonType(decoded), view.types)) return value;
    ctx.decodedPaths.push(path);
    ctx.findings.push({
      path,
      kind: 'type',
      severity: 'error',
      message: `${describePath(path)} is JSON encoded in a string; the documentation shows ${typeWords([jsonType(decoded)])}. It was decoded and checked as one.`,
    });
    return decodeEncoded(decoded, schema, path, ctx);
  }
  if (Array.isArray(value)) {
    const list = value as unknown[];
    let out = list;
    const count = Math.min(list.length, MAX_ELEMENTS);
    for (let i = 0; i < count; i++) {
      const child = itemSchema(view, i);
      if (child === undefined) continue;
      const next = decodeEncoded(list[i], child, indexPath(path, i), ctx);
      if (next === list[i]) continue;
      if (out === list) out = [...list];
      out[i] = next;
    }
    return out;
  }
  if (isObject(value)) {
    let out = value;
    for (const [key, child] of Object.entries(value)) {
      const documented = propertySchema(view, key);
      if (!documented) continue;
      const next = decodeEncoded(child, documented.schema, childPath(path, key), ctx);
      if (next === child) continue;
      if (out === value) out = { ...value };
      out[key] = next;
    }
    return out;
  }
  return value;
}

/**
 * Walks a payload with its documented schema: every field the documentation does not show is `undocumented`, even
 * where the schema allows extra properties (an object documented without any properties is not judged). Strings
 * documented as JSON are decoded and checked inside. With `judge`, also reports missing required fields and wrong
 * types (used inside decoded JSON, which Ajv does not validate).
 */
export function walkDocumented(
  value: unknown,
  schema: unknown,
  path: string,
  ctx: WalkContext,
  judge: boolean,
): void {
  const view = viewOf(schema);
  const type = jsonType(value);
  if (judge && !typeAllowed(type, view.types)) {
    ctx.findings.push({
      path,
      kind: 'type',
      severity: 'error',
      message: `${describePath(path)} is ${quote(value)}; the documentation says ${typeWords(view.types ?? [])}.`,
    });
    return;
  }
  if (isObject(value)) {
    if (judge) {
      for (const name of view.required) {
        if (name in value) continue;
        const field = childPath(path, name);
        ctx.findings.push({
          path: field,
          kind: 'missing',
          severity: 'error',
          message: `${describePath(field)} is missing; the documentation of ${ctx.eventName} shows it in every payload.`,
        });
      }
    }
    if (view.opaqueObject) return;
    for (const [key, child] of Object.entries(value)) {
      const field = childPath(path, key);
      const documented = propertySchema(view, key);
      if (documented) walkDocumented(child, documented.schema, field, ctx, judge);
      else
        ctx.findings.push({
          path: field,
          kind: 'undocumented',
          severity: 'warning',
          message: `${describePath(field)} (${typeWords([jsonType(child)])}) is not in the documentation of ${ctx.eventName}.`,
        });
    }
    return;
  }
  if (Array.isArray(value)) {
    if (view.opaqueArray) return;
    const count = Math.min(value.length, MAX_ELEMENTS);
    for (let i = 0; i < count; i++) {
      const child = itemSchema(view, i);
      if (child !== undefined) walkDocumented(value[i], child, indexPath(path, i), ctx, judge);
    }
    return;
  }
  if (typeof value === 'string' && view.jsonContent) {
    const decoded = decodeJsonString(value, true);
    if (decoded === undefined) {
      ctx.findings.push({
        path,
        kind: 'not-json',
        severity: 'error',
        message: `${describePath(path)} should hold JSON encoded in a string (as documented), but it is not JSON.`,
      });
      return;
    }
    ctx.decodedPaths.push(path);
    if (view.jsonContent.schema !== undefined)
      walkDocumented(decoded, view.jsonContent.schema, path, ctx, true);
    else ctx.inner?.(decoded, path);
  }
}
