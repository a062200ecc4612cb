import type { CaptureCheckOutput, CheckFinding, ShapeNode, ShapeStatus } from '../../../shared/check-models';
import { isObject } from '../catalog/json-pointer';
import { childPath, indexPath } from './finding-paths';
import { itemSchema, jsonType, propertySchema, typeAllowed, typeLabel, viewOf } from './schema-view';
import type { CheckOutcome } from './payload-checker';
import { decodeJsonString } from './walk-payload';

/** Array elements shown per array. */
const MAX_ELEMENTS = 50;
/** How deep a documented subtree that did not arrive is unfolded. */
const MAX_MISSING_DEPTH = 6;
const MISSING = Symbol('missing');
/** Below an undocumented field everything is undocumented. */
const UNDOCUMENTED = Symbol('undocumented');

interface TreeContext {
  findingsByPath: Map<string, number[]>;
  decodedPaths: ReadonlySet<string>;
  innerSchemas: ReadonlyMap<string, unknown>;
  /** The event is documented without its payload: below the root nothing is documented. */
  shapeUndocumented: boolean;
}

function preview(value: unknown): string | null {
  if (value === null || typeof value !== 'object') {
    const text = JSON.stringify(value);
    return text.length > 80 ? `${text.slice(0, 79)}…` : text;
  }
  return null;
}

function build(
  key: string,
  path: string,
  value: unknown,
  schema: unknown,
  required: boolean,
  ctx: TreeContext,
  depth: number,
): ShapeNode {
  const documented = schema !== UNDOCUMENTED;
  const view = documented ? viewOf(schema) : null;
  const findings = ctx.findingsByPath.get(path) ?? [];
  if (value === MISSING) {
    const children: ShapeNode[] = [];
    if (view && depth < MAX_MISSING_DEPTH) {
      for (const [name, child] of view.properties)
        children.push(
          build(name, childPath(path, name), MISSING, child, view.required.has(name), ctx, depth + 1),
        );
      if (view.items !== undefined && view.types?.includes('array'))
        children.push(build('[]', indexPath(path, null), MISSING, view.items, false, ctx, depth + 1));
    }
    return {
      key,
      path,
      documentedType: typeLabel(view?.types ?? null) ?? 'any',
      receivedType: null,
      status: 'missing',
      required,
      decoded: false,
      preview: null,
      findings,
      children,
    };
  }
  // A string that held JSON: the tree shows what was inside (a field encoded twice, or a documented JSON string).
  let shown = value;
  let decoded = false;
  let receivedType = jsonType(value);
  let inside: unknown = schema;
  if (typeof value === 'string' && ctx.decodedPaths.has(path)) {
    const inner = decodeJsonString(value, true);
    if (inner !== undefined) {
      shown = inner;
      decoded = true;
      if (view?.jsonContent) inside = view.jsonContent.schema ?? ctx.innerSchemas.get(path) ?? UNDOCUMENTED;
    }
  } else if (ctx.decodedPaths.has(path) && typeof value === 'object' && value !== null) {
    // Decoded before the check (encoded twice): it arrived as a string.
    decoded = true;
    receivedType = 'string';
  }
  let status: ShapeStatus = 'ok';
  if (!documented) status = 'undocumented';
  else if (
    view &&
    !typeAllowed(receivedType, view.types) &&
    !(decoded && receivedType === 'string' && view.jsonContent)
  )
    status = 'type-changed';
  const children: ShapeNode[] = [];
  const childView = inside === UNDOCUMENTED ? null : viewOf(inside);
  const nothingInside = ctx.shapeUndocumented && path === '';
  const childOf = (name: string): unknown => {
    if (!childView || nothingInside) return UNDOCUMENTED;
    if (childView.opaqueObject) return {};
    const found = propertySchema(childView, name);
    return found ? found.schema : UNDOCUMENTED;
  };
  if (isObject(shown)) {
    const seen = new Set<string>();
    if (childView && !childView.opaqueObject) {
      for (const [name, child] of childView.properties) {
        seen.add(name);
        const field = childPath(path, name);
        children.push(
          name in shown
            ? build(name, field, shown[name], child, childView.required.has(name), ctx, depth + 1)
            : build(name, field, MISSING, child, childView.required.has(name), ctx, depth + 1),
        );
      }
    }
    for (const [name, child] of Object.entries(shown)) {
      if (seen.has(name)) continue;
      children.push(build(name, childPath(path, name), child, childOf(name), false, ctx, depth + 1));
    }
  } else if (Array.isArray(shown)) {
    shown.slice(0, MAX_ELEMENTS).forEach((element, i) => {
      const item =
        !childView || nothingInside
          ? UNDOCUMENTED
          : childView.opaqueArray
            ? {}
            : (itemSchema(childView, i) ?? UNDOCUMENTED);
      children.push(build(`[${i}]`, indexPath(path, i), element, item, false, ctx, depth + 1));
    });
  }
  return {
    key,
    path,
    documentedType: documented ? (typeLabel(view?.types ?? null) ?? 'any') : null,
    receivedType,
    status,
    required,
    decoded,
    preview: decoded ? null : preview(shown),
    findings,
    children,
  };
}

/**
 * The documented shape and the received payload merged into one tree for the diff view: every documented field
 * (missing ones too, `required` telling which the documentation requires), every received one, types side by side,
 * JSON encoded in strings shown decoded, and each node's findings by index so a finding can jump to its field.
 */
export function buildShapeTree(
  value: unknown,
  schema: unknown,
  findings: readonly CheckFinding[],
  decodedPaths: readonly string[] = [],
  innerSchemas: ReadonlyMap<string, unknown> = new Map(),
): ShapeNode {
  const findingsByPath = new Map<string, number[]>();
  findings.forEach((f, i) => findingsByPath.set(f.path, [...(findingsByPath.get(f.path) ?? []), i]));
  return build(
    '',
    '',
    value,
    schema ?? {},
    true,
    { findingsByPath, decodedPaths: new Set(decodedPaths), innerSchemas, shapeUndocumented: schema === null },
    0,
  );
}

/** What the diff view shows of a check: the result, the documented event and the merged tree (null when unknown). */
export function shapeDiff(outcome: CheckOutcome): Pick<CaptureCheckOutput, 'result' | 'documented' | 'tree'> {
  const found = outcome.identified;
  const info = found?.event.info;
  if (!found || !info) return { result: outcome.result, documented: null, tree: null };
  return {
    result: outcome.result,
    documented: {
      provider: found.provider.detail.id,
      providerName: found.provider.detail.name,
      eventType: info.name,
      summary: info.summary,
      deprecated: info.deprecated,
      payloadDocumented: info.payloadDocumented,
      schema: info.schema,
    },
    tree:
      outcome.value === undefined
        ? null
        : buildShapeTree(
            outcome.value,
            info.schema,
            outcome.result.findings,
            outcome.result.decodedPaths,
            outcome.innerSchemas,
          ),
  };
}
