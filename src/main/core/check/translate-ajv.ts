import type { ErrorObject } from 'ajv/dist/2020.js';
import type { CatalogEvent } from '../../../shared/catalog-models';
import type { CheckFinding } from '../../../shared/check-models';
import { getAt, isObject, pointerSegments } from '../catalog/json-pointer';
import { childPath, describePath, dottedFromPointer, joinPaths } from './finding-paths';
import { itemSchema, jsonType, propertySchema, viewOf } from './schema-view';

/** What the translation needs besides the errors. */
export interface TranslateContext {
  /** The validated value (decoded where JSON was encoded in strings). */
  root: unknown;
  /** The schema it was validated against (references resolved), for the documented form of a field. */
  schema: unknown;
  event: CatalogEvent;
  /** Where the validated value sits in the body (`Payload` for JSON decoded from that string). */
  prefix: string;
  /** Paths the envelope checks judge (the composed type, `subject`, `data.eventType`): their value errors are left out. */
  envelopePaths: ReadonlySet<string>;
}

const FORMAT_NAMES: Record<string, string> = {
  'date-time': 'a date-time (RFC 3339, e.g. 2025-08-08T05:56:32.136590Z)',
  date: 'a date (YYYY-MM-DD)',
  time: 'a time (hh:mm:ss)',
  email: 'an email address',
  uuid: 'a UUID',
  uri: 'an absolute URI',
  'uri-reference': 'a URI reference',
  url: 'a URL',
  ipv4: 'an IPv4 address',
  ipv6: 'an IPv6 address',
  hostname: 'a host name',
};

const TYPE_WORDS: Record<string, string> = {
  object: 'an object',
  array: 'an array',
  string: 'a string',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  null: 'null',
};

/** A value as a message quotes it: strings in quotes, cut at 60 characters; objects and arrays by their type. */
export function quote(value: unknown): string {
  if (typeof value === 'string') {
    const cut = value.length > 60 ? `${value.slice(0, 57)}…` : value;
    return JSON.stringify(cut);
  }
  if (value === null || typeof value !== 'object') return String(value);
  return TYPE_WORDS[jsonType(value)] ?? 'a value';
}

/** `a string`, `a whole number or null`. */
export function typeWords(types: readonly string[]): string {
  const words = types.map((t) => TYPE_WORDS[t] ?? t);
  return words.length <= 1
    ? (words[0] ?? 'nothing')
    : `${words.slice(0, -1).join(', ')} or ${words.at(-1) ?? ''}`;
}

/** The documented schema at an instance path (following the value through arrays and objects). */
function schemaAt(schema: unknown, root: unknown, pointer: string): unknown {
  let current = schema;
  let node = root;
  for (const segment of pointerSegments(pointer)) {
    const view = viewOf(current);
    if (Array.isArray(node)) {
      current = itemSchema(view, Number(segment));
      node = node[Number(segment)];
    } else {
      current = propertySchema(view, segment)?.schema;
      node = isObject(node) ? node[segment] : undefined;
    }
    if (current === undefined) return undefined;
  }
  return current;
}

/** The first sentence of a schema description, as a hint of the documented form. */
function firstSentence(text: unknown): string | null {
  if (typeof text !== 'string' || text === '') return null;
  return /^(.+?[.!?])(\s|$)/.exec(text)?.[1] ?? text;
}

function allowedValues(values: readonly unknown[], event: CatalogEvent): string {
  const table = new Map(event.statusTable.map((row) => [String(row.id), row.status]));
  return values
    .map((v) => (table.has(String(v)) ? `${quote(v)} (${table.get(String(v)) ?? ''})` : quote(v)))
    .join(', ');
}

/** Errors of `anyOf`/`oneOf` alternatives: only those of the alternative that came closest are kept. */
function closestAlternatives(errors: readonly ErrorObject[]): ErrorObject[] {
  const choices = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf');
  let kept = errors.filter((e) => !choices.includes(e));
  for (const choice of choices) {
    const base = `${choice.schemaPath}/`;
    const byBranch = new Map<string, ErrorObject[]>();
    for (const e of kept) {
      if (!e.schemaPath.startsWith(base)) continue;
      const branch = e.schemaPath.slice(base.length).split('/')[0] ?? '';
      byBranch.set(branch, [...(byBranch.get(branch) ?? []), e]);
    }
    if (byBranch.size === 0) continue;
    const best = [...byBranch.values()].sort((a, b) => a.length - b.length)[0] ?? [];
    kept = kept.filter((e) => !e.schemaPath.startsWith(base) || best.includes(e));
  }
  return kept;
}

/** An Ajv error parameter as text (a name, a type list, a format). */
function param(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(String).join(',');
  return typeof value === 'number' ? String(value) : '';
}

function translateOne(e: ErrorObject, ctx: TranslateContext): CheckFinding | null {
  const at = dottedFromPointer(e.instancePath, ctx.root);
  const path = joinPaths(ctx.prefix, at);
  const value = getAt(ctx.root, e.instancePath);
  const params = e.params as Record<string, unknown>;
  const where = describePath(path);
  switch (e.keyword) {
    case 'required':
    case 'dependentRequired': {
      const name = param(params.missingProperty);
      const field = joinPaths(ctx.prefix, childPath(at, name));
      return {
        path: field,
        kind: 'missing',
        severity: 'error',
        message: `${describePath(field)} is missing; the documentation of ${ctx.event.name} shows it in every payload.`,
      };
    }
    case 'type': {
      const wanted = param(params.type).split(',');
      return {
        path,
        kind: 'type',
        severity: 'error',
        message: `${where} is ${quote(value)}${typeof value === 'string' ? ' (a string)' : ''}; the documentation says ${typeWords(wanted)}.`,
      };
    }
    case 'additionalProperties':
    case 'unevaluatedProperties': {
      const name = param(params.additionalProperty ?? params.unevaluatedProperty);
      const field = joinPaths(ctx.prefix, childPath(at, name));
      return {
        path: field,
        kind: 'undocumented',
        severity: 'warning',
        message: `${describePath(field)} is not in the documentation of ${ctx.event.name}.`,
      };
    }
    case 'false schema':
      return {
        path,
        kind: 'undocumented',
        severity: 'warning',
        message: `${where} is not in the documentation of ${ctx.event.name}.`,
      };
    case 'enum':
    case 'const': {
      if (ctx.envelopePaths.has(path) && typeof value === 'string') return null;
      const allowed = e.keyword === 'enum' ? (params.allowedValues as unknown[]) : [params.allowedValue];
      const table = ctx.event.statusTable.length > 0 && e.keyword === 'enum' ? ' in its status table' : '';
      return {
        path,
        kind: 'enum',
        severity: 'warning',
        message: `${where} is ${quote(value)}; the documentation lists only ${allowedValues(allowed, ctx.event)}${table}.`,
      };
    }
    case 'format': {
      const format = param(params.format);
      return {
        path,
        kind: 'format',
        severity: 'warning',
        message: `${where} is ${quote(value)}, which is not ${FORMAT_NAMES[format] ?? `of the documented format ${format}`}.`,
      };
    }
    case 'pattern': {
      if (ctx.envelopePaths.has(path)) return null;
      const hint = firstSentence(viewOf(schemaAt(ctx.schema, ctx.root, e.instancePath)).description);
      return {
        path,
        kind: 'format',
        severity: 'warning',
        message: `${where} is ${quote(value)}, which does not have the documented form${hint ? ` (${hint.replace(/\.$/, '')})` : ` (pattern ${param(params.pattern)})`}.`,
      };
    }
    default:
      return {
        path,
        kind: 'format',
        severity: 'warning',
        message: `${where} is not of the documented form: it ${e.message ?? 'is invalid'}.`,
      };
  }
}

/**
 * Turns Ajv's errors (all of them, JSON Schema 2020-12) into findings a person understands: `required` → missing,
 * `type` → type, `additionalProperties`/`unevaluatedProperties` → undocumented, `enum`/`const` → enum,
 * `format`/`pattern` and other constraints → format. Echoes of `anyOf`/`oneOf`, `if` and `not` are left out.
 */
export function translateAjvErrors(
  errors: readonly ErrorObject[] | null | undefined,
  ctx: TranslateContext,
): CheckFinding[] {
  const useful = closestAlternatives(errors ?? []).filter((e) => !['if', 'not', 'allOf'].includes(e.keyword));
  const findings: CheckFinding[] = [];
  for (const e of useful) {
    const finding = translateOne(e, ctx);
    if (finding) findings.push(finding);
  }
  return findings;
}
