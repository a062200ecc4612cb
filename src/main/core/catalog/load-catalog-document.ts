import type { ValidateFunction } from 'ajv/dist/2020.js';
import type { z } from 'zod';
import type {
  CatalogEvent,
  CatalogExample,
  CatalogOperation,
  ProviderDetail,
} from '../../../shared/catalog-models';
import {
  OPERATION_EXTENSIONS,
  ROOT_EXTENSIONS,
  xSource,
  type XEnvelope,
  type XIdentify,
} from './catalog-extensions';
import { derefSchema, dottedPath, isObject, resolveRef, type JsonObject } from './json-pointer';
import { CatalogFileError, parseCatalogText } from './parse-catalog-text';
import { buildProviderDetail } from './build-provider-detail';
import { checkOpenApiDocument, describeValidation, PayloadSchemas, type Problem } from './schema-checker';

/** One event as loaded: what the contract shows, plus the compiled schema for checks. */
export interface LoadedEvent {
  info: CatalogEvent;
  /** The body schema as written (references unresolved), for sample generation against `doc`. */
  rawSchema: unknown;
  validate: ValidateFunction | null;
}

/** One provider file as loaded and checked. */
export interface LoadedProvider {
  detail: ProviderDetail;
  doc: JsonObject;
  events: LoadedEvent[];
  /** Events by name and by alias. */
  byName: Map<string, LoadedEvent>;
  envelope: XEnvelope | null;
  identify: XIdentify | null;
  /** Where the file is on disk; null for text not read from a file. */
  path: string | null;
}

export interface LoadOptions {
  origin: 'builtin' | 'user';
  path?: string | null;
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
const WEBHOOK_METHODS = ['post', 'put', 'patch', 'get', 'delete'] as const;

type Extensions = Record<string, z.ZodType>;

function fail(file: string, problem: Problem, more = 0): never {
  const extra = more > 0 ? ` (and ${more} more ${more === 1 ? 'problem' : 'problems'})` : '';
  throw new CatalogFileError(file, dottedPath(problem.path) || null, problem.message + extra);
}

/** Parses the `x-` extensions of one object with zod; the first problem names its full path. */
function readExtensions(
  file: string,
  node: JsonObject,
  path: (string | number)[],
  specs: Extensions,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(specs)) {
    if (node[key] === undefined) continue;
    const parsed = schema.safeParse(node[key]);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      fail(file, {
        path: [...path, key, ...(issue?.path ?? []).map((p) => String(p))],
        message: issue?.message ?? 'invalid',
      });
    }
    out[key] = parsed.data;
  }
  return out;
}

function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/\.(openapi\.)?(json|ya?ml)$/, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64);
}

function jsonMedia(content: unknown): [string, JsonObject] | null {
  if (!isObject(content)) return null;
  const entries = Object.entries(content).filter((e): e is [string, JsonObject] => isObject(e[1]));
  return entries.find(([type]) => /json/i.test(type)) ?? entries[0] ?? null;
}

function examplesOf(
  file: string,
  doc: JsonObject,
  media: JsonObject,
  path: (string | number)[],
): CatalogExample[] {
  const list: CatalogExample[] = [];
  if (media.example !== undefined)
    list.push({ name: 'example', summary: null, value: media.example, source: null });
  const examples = isObject(media.examples) ? media.examples : {};
  for (const [name, raw] of Object.entries(examples)) {
    const example = isObject(raw) && typeof raw.$ref === 'string' ? resolveRef(doc, raw.$ref) : raw;
    if (!isObject(example) || !('value' in example)) continue;
    const ext = readExtensions(file, example, [...path, 'examples', name], { 'x-source': xSource });
    list.push({
      name,
      summary: typeof example.summary === 'string' ? example.summary : null,
      value: example.value,
      source: (ext['x-source'] as CatalogExample['source'] | undefined) ?? null,
    });
  }
  return list;
}

function firstSentence(text: string): string {
  return /^(.+?[.!?])(\s|$)/.exec(text)?.[1] ?? text;
}

/**
 * Loads one catalogue file: parses JSON or YAML, checks it against the official OpenAPI 3.1 schema, its `x-`
 * extensions with zod and every payload schema with Ajv (JSON Schema 2020-12), and the documented examples against
 * their schemas. Any problem throws a `CatalogFileError` naming the file and the path. Shipped files are strict;
 * a user's file turns unknown schema keywords and examples that do not match into warnings.
 */
export function loadCatalogDocument(
  text: string,
  file: string,
  options: LoadOptions,
): { provider: LoadedProvider; warnings: string[] } {
  const strict = options.origin === 'builtin';
  const doc = parseCatalogText(text, file);
  if (!isObject(doc)) fail(file, { path: [], message: 'the file is not an OpenAPI object' });
  if (typeof doc.openapi !== 'string' || !doc.openapi.startsWith('3.1')) {
    const found = typeof doc.openapi === 'string' ? `this file is OpenAPI ${doc.openapi}` : 'it is missing';
    fail(file, { path: ['openapi'], message: `Hookbench reads OpenAPI 3.1 files; ${found}` });
  }
  if (!isObject(doc.webhooks) || Object.keys(doc.webhooks).length === 0) {
    fail(file, { path: ['webhooks'], message: 'the file describes no webhooks (OpenAPI 3.1 `webhooks`)' });
  }
  const problems = checkOpenApiDocument(doc);
  const [firstProblem] = problems;
  if (firstProblem) fail(file, firstProblem, problems.length - 1);

  const root = readExtensions(file, doc, [], ROOT_EXTENSIONS);
  const info = isObject(doc.info) ? doc.info : {};
  const xProvider = root['x-provider'] as { id: string; name: string; category?: string } | undefined;
  const title = typeof info.title === 'string' ? info.title : file;
  const id = xProvider?.id ?? (slugify(title) || slugify(file));
  const schemas = new PayloadSchemas(id, doc, strict);
  const warnings: string[] = [];
  const events: LoadedEvent[] = [];

  for (const [name, pathItem] of Object.entries(doc.webhooks)) {
    const item =
      isObject(pathItem) && typeof pathItem.$ref === 'string' ? resolveRef(doc, pathItem.$ref) : pathItem;
    if (!isObject(item)) continue;
    const method = WEBHOOK_METHODS.find((m) => isObject(item[m]));
    if (!method)
      fail(file, { path: ['webhooks', name], message: 'no operation (post) describes this webhook' });
    const op = item[method] as JsonObject;
    const path = ['webhooks', name, method];
    const ext = readExtensions(file, op, path, OPERATION_EXTENSIONS) as {
      'x-source'?: CatalogEvent['sources'];
      'x-notes'?: CatalogEvent['notes'];
      'x-event'?: {
        group?: string;
        kind: CatalogEvent['kind'];
        aliases: string[];
        payloadDocumented?: CatalogEvent['payloadDocumented'];
      };
      'x-deprecation'?: { note: string; sources: CatalogEvent['sources'] };
      'x-status-table'?: CatalogEvent['statusTable'];
    };
    const body =
      isObject(op.requestBody) && typeof op.requestBody.$ref === 'string'
        ? resolveRef(doc, op.requestBody.$ref)
        : op.requestBody;
    const media = isObject(body) ? jsonMedia(body.content) : null;
    const mediaPath = [...path, 'requestBody', 'content', media?.[0] ?? ''];
    const rawSchema = media?.[1].schema;
    const validate = rawSchema === undefined ? null : schemas.compileAt([...mediaPath, 'schema'], rawSchema);
    const examples = media ? examplesOf(file, doc, media[1], mediaPath) : [];
    for (const example of validate ? examples : []) {
      if (validate?.(example.value)) continue;
      const problem = {
        path: [...mediaPath, 'examples', example.name],
        message: `the example does not match the schema: ${describeValidation(validate as ValidateFunction).join('; ')}`,
      };
      if (strict) fail(file, problem);
      warnings.push(`${dottedPath(problem.path)}: ${problem.message}`);
    }
    if (rawSchema === undefined && !strict)
      warnings.push(`webhooks.${name}: no payload schema; samples will be placeholders`);
    const description = typeof op.description === 'string' ? op.description : '';
    const summary =
      typeof op.summary === 'string' ? op.summary : description ? firstSentence(description) : name;
    const tags = Array.isArray(op.tags) ? op.tags.filter((t): t is string => typeof t === 'string') : [];
    events.push({
      rawSchema: rawSchema ?? null,
      validate,
      info: {
        name,
        summary,
        description,
        group: ext['x-event']?.group ?? tags[0] ?? null,
        kind: ext['x-event']?.kind ?? 'event',
        deprecated: op.deprecated === true,
        deprecation:
          ext['x-deprecation'] ??
          (op.deprecated === true ? { note: 'Marked deprecated.', sources: [] } : null),
        aliases: ext['x-event']?.aliases ?? [],
        payloadDocumented: ext['x-event']?.payloadDocumented ?? (rawSchema === undefined ? 'no' : 'yes'),
        schema: rawSchema === undefined ? null : derefSchema(rawSchema, doc),
        examples,
        notes: ext['x-notes'] ?? [],
        sources: ext['x-source'] ?? [],
        statusTable: ext['x-status-table'] ?? [],
      },
    });
  }

  const operations = readOperations(file, doc, schemas);
  const [schemaProblem] = schemas.problems;
  if (schemaProblem) fail(file, schemaProblem, schemas.problems.length - 1);
  if (!strict) warnings.push(...schemas.warnings.map((w) => `schema keyword: ${w}`));
  else if (schemas.warnings.length > 0) fail(file, { path: [], message: schemas.warnings[0] ?? '' });

  const byName = new Map<string, LoadedEvent>();
  for (const event of events) {
    byName.set(event.info.name, event);
    for (const alias of event.info.aliases) if (!byName.has(alias)) byName.set(alias, event);
  }
  const detail = buildProviderDetail(doc, root, {
    id,
    title,
    file,
    origin: options.origin,
    events,
    operations,
  });
  return {
    provider: {
      detail,
      doc,
      events,
      byName,
      envelope: (root['x-envelope'] as XEnvelope | undefined) ?? null,
      identify: (root['x-identify'] as XIdentify | undefined) ?? null,
      path: options.path ?? null,
    },
    warnings,
  };
}

/** Lists the subscription API operations, checking their extensions and compiling their schemas. */
function readOperations(file: string, doc: JsonObject, schemas: PayloadSchemas): CatalogOperation[] {
  const operations: CatalogOperation[] = [];
  const paths = isObject(doc.paths) ? doc.paths : {};
  for (const [route, item] of Object.entries(paths)) {
    if (!isObject(item)) continue;
    // Document order, as the provider lists its operations.
    for (const method of Object.keys(item).filter((k): k is (typeof METHODS)[number] =>
      (METHODS as readonly string[]).includes(k),
    )) {
      const op = item[method];
      if (!isObject(op)) continue;
      const path = ['paths', route, method];
      const ext = readExtensions(file, op, path, OPERATION_EXTENSIONS);
      const bodies: [(string | number)[], unknown][] = [];
      if (isObject(op.requestBody)) bodies.push([[...path, 'requestBody'], op.requestBody]);
      if (isObject(op.responses))
        for (const [code, res] of Object.entries(op.responses))
          bodies.push([[...path, 'responses', code], res]);
      for (const [at, holder] of bodies) {
        if (!isObject(holder) || !isObject(holder.content)) continue;
        for (const [type, media] of Object.entries(holder.content)) {
          if (!isObject(media)) continue;
          if (media.schema !== undefined) schemas.compileAt([...at, 'content', type, 'schema'], media.schema);
          examplesOf(file, doc, media, [...at, 'content', type]);
        }
      }
      operations.push({
        method: method.toUpperCase(),
        path: route,
        operationId: typeof op.operationId === 'string' ? op.operationId : null,
        summary: typeof op.summary === 'string' ? op.summary : null,
        deprecated: op.deprecated === true,
        sources: (ext['x-source'] as CatalogOperation['sources'] | undefined) ?? [],
      });
    }
  }
  return operations;
}
