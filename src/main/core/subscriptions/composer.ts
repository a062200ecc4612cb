import type {
  ComposerFinding,
  ComposerValidateOutput,
  RequestPreview,
  SubscriptionProvider,
} from '../../../shared/subscription-models';
import type { Catalog } from '../catalog/catalog';
import { isObject, resolveRef } from '../catalog/json-pointer';

/** The document each provider's rules come from, as messages cite it. */
const CITATION: Record<SubscriptionProvider, string> = {
  'credo-ai': 'the Credo AI Webhooks General Guide (3.3 Webhook Attribute Reference)',
  'compliance-platform-v1': "the compliance platform's Webhooks API v1 (Create Webhook)",
  credas: "Credas' Process webhooks (Configuring your webhook URL)",
};

/** The schema of the attributes an operation sends, from the catalogue. */
const SCHEMA: Record<SubscriptionProvider, Record<'create' | 'update', string | null>> = {
  'credo-ai': { create: 'WebhookAttributes', update: 'WebhookAttributes' },
  'compliance-platform-v1': { create: 'WebhookCreate', update: 'WebhookUpdate' },
  credas: { create: null, update: null },
};

type Field = ComposerValidateOutput['fields'][number];

function schemaOf(
  catalog: Catalog,
  provider: SubscriptionProvider,
  operation: 'create' | 'update',
): Record<string, unknown> {
  const doc = catalog.get(provider).doc;
  const name = SCHEMA[provider][operation];
  if (name === null) {
    return {
      type: 'object',
      required: ['webhookUrl'],
      properties: {
        webhookUrl: { type: 'string', format: 'uri', description: 'Called when the process completes' },
      },
    };
  }
  const schema = resolveRef(doc, `#/components/schemas/${name}`);
  return isObject(schema) ? schema : {};
}

function fieldsOf(schema: Record<string, unknown>, operation: 'create' | 'update'): Field[] {
  const properties = isObject(schema.properties) ? schema.properties : {};
  const required =
    operation === 'create' && Array.isArray(schema.required) ? schema.required.map(String) : [];
  const then =
    isObject(schema.then) && Array.isArray(schema.then.required) ? schema.then.required.map(String) : [];
  return Object.entries(properties).map(([name, p]) => {
    const prop = isObject(p) ? p : {};
    return {
      name,
      requirement: required.includes(name) ? 'required' : then.includes(name) ? 'conditional' : 'optional',
      type: typeof prop.type === 'string' ? prop.type : prop.$ref ? 'string' : 'string',
      description: typeof prop.description === 'string' ? prop.description : null,
      enum: Array.isArray(prop.enum) ? prop.enum.map(String) : null,
    };
  });
}

const blank = (v: unknown): boolean =>
  v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

/** Reads the raw editor's text: a JSON:API document (Credo AI) or the plain JSON body (others). */
export function readRaw(
  provider: SubscriptionProvider,
  raw: string,
): { attributes: Record<string, unknown>; findings: ComposerFinding[] } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (error) {
    return {
      attributes: {},
      findings: [
        {
          severity: 'error',
          field: null,
          rule: 'json',
          message: `The body is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
          source: null,
          fix: null,
        },
      ],
    };
  }
  if (!isObject(parsed)) return { attributes: {}, findings: [] };
  if (provider !== 'credo-ai') return { attributes: parsed, findings: [] };
  const findings: ComposerFinding[] = [];
  if (!isObject(parsed.data)) {
    findings.push({
      severity: 'warning',
      field: 'data',
      rule: 'json-api-flat-body',
      message:
        'This is a flat body (as in the short setup guide): the API takes a JSON:API document {"data":{"type":"webhook","attributes":{…}}}.',
      source: CITATION['credo-ai'].replace('(3.3 Webhook Attribute Reference)', '(3.1 Example POST Request)'),
      fix: null,
    });
    return { attributes: parsed, findings };
  }
  if (parsed.data.type === undefined)
    findings.push({
      severity: 'warning',
      field: 'data.type',
      rule: 'missing-data-type',
      message:
        'data.type is missing: JSON:API documents name their resource type, here "webhook" (3.1 has it).',
      source: 'the Credo AI Webhooks General Guide (3.1 Example POST Request to Create a Webhook)',
      fix: { label: 'Add "type": "webhook"', attributes: {} },
    });
  return { attributes: isObject(parsed.data.attributes) ? parsed.data.attributes : {}, findings };
}

/**
 * Checks a subscription's attributes against the provider's documented schema (required, conditional on `o_auth`,
 * enums, HTTPS) and the known variants of the documents, each finding citing its source and suggesting a fix.
 */
export function validateAttributes(
  catalog: Catalog,
  provider: SubscriptionProvider,
  operation: 'create' | 'update',
  attributes: Record<string, unknown>,
): { findings: ComposerFinding[]; fields: Field[] } {
  const schema = schemaOf(catalog, provider, operation);
  const fields = fieldsOf(schema, operation);
  const cite = CITATION[provider];
  const findings: ComposerFinding[] = [];
  const add = (
    f: Omit<ComposerFinding, 'source' | 'fix'> & Partial<Pick<ComposerFinding, 'source' | 'fix'>>,
  ): void => {
    findings.push({ source: cite, fix: null, ...f });
  };
  for (const field of fields) {
    if (field.requirement === 'required' && blank(attributes[field.name]))
      add({
        severity: 'error',
        field: field.name,
        rule: 'required',
        message: `${field.name} is required by ${cite}.`,
      });
    if (field.enum && !blank(attributes[field.name]) && !field.enum.includes(String(attributes[field.name])))
      add({
        severity: 'error',
        field: field.name,
        rule: 'enum',
        message: `${field.name} is one of ${field.enum.join(', ')} per ${cite}.`,
      });
  }
  if (provider === 'credo-ai' && attributes.authentication_method === 'o_auth') {
    for (const field of fields.filter((f) => f.requirement === 'conditional'))
      if (blank(attributes[field.name]))
        add({
          severity: 'error',
          field: field.name,
          rule: 'required-with-o_auth',
          message: `${field.name} is required when authentication_method is o_auth, per ${cite}.`,
        });
  }
  lintVariants(catalog, provider, attributes, add);
  return { findings, fields };
}

function lintVariants(
  catalog: Catalog,
  provider: SubscriptionProvider,
  attributes: Record<string, unknown>,
  add: (
    f: Omit<ComposerFinding, 'source' | 'fix'> & Partial<Pick<ComposerFinding, 'source' | 'fix'>>,
  ) => void,
): void {
  const known = new Set(catalog.get(provider).events.map((e) => e.info.name));
  if (provider === 'credo-ai') {
    if ('authentication_type' in attributes) {
      const { authentication_type: value, ...rest } = attributes;
      add({
        severity: 'warning',
        field: 'authentication_type',
        rule: 'authentication-type-renamed',
        message:
          "authentication_type is the older guides' name: the API takes authentication_method (Webhooks General Guide 3.3, Swagger WebhookCreateRequest).",
        source: 'Credo AI short setup guide vs Webhooks General Guide (3.3)',
        fix: {
          label: 'Rename to authentication_method',
          attributes: { ...rest, authentication_method: value },
        },
      });
    }
    const types = Array.isArray(attributes.event_types) ? attributes.event_types.map(String) : [];
    if (types.includes('use_case_review_status_update'))
      add({
        severity: 'error',
        field: 'event_types',
        rule: 'review-status-name',
        message:
          "use_case_review_status_update is the short setup guide's spelling: the event is use_case_review_status_updated (Webhooks General Guide 4.3.2).",
        source: 'Credo AI Webhooks General Guide (4.3.2 Use Case Review Status Updated)',
        fix: {
          label: 'Use use_case_review_status_updated',
          attributes: {
            ...attributes,
            event_types: types.map((t) =>
              t === 'use_case_review_status_update' ? 'use_case_review_status_updated' : t,
            ),
          },
        },
      });
    if (types.includes('use_case_governance_status_updated'))
      add({
        severity: 'warning',
        field: 'event_types',
        rule: 'deprecated-event',
        message:
          'use_case_governance_status_updated (governance_status) is DEPRECATED in the Webhooks General Guide (4.1.1).',
        source: 'Credo AI Webhooks General Guide (4.1.1 Supported Metadata Fields)',
        fix: {
          label: 'Remove the deprecated event',
          attributes: {
            ...attributes,
            event_types: types.filter((t) => t !== 'use_case_governance_status_updated'),
          },
        },
      });
    for (const t of types)
      if (!known.has(t) && t !== 'use_case_review_status_update')
        add({
          severity: 'error',
          field: 'event_types',
          rule: 'unknown-event',
          message: `${t} is not a documented Credo AI event type.`,
        });
  }
  if (provider === 'compliance-platform-v1') {
    const url = attributes.webhook_url;
    if (typeof url === 'string' && url !== '' && !/^https:\/\//i.test(url))
      add({
        severity: /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])[:/]/i.test(url) ? 'warning' : 'error',
        field: 'webhook_url',
        rule: 'https-required',
        message:
          'The v1 platform requires an HTTPS webhook_url: use a public tunnel URL (https://…) for a local inbox. (The sandbox tenant accepts http:// on this machine.)',
        source: "the compliance platform's Webhooks API v1 (Create Webhook: must be HTTPS)",
      });
    const type = attributes.event_type;
    if (typeof type === 'string' && type !== '' && !known.has(type))
      add({
        severity: 'error',
        field: 'event_type',
        rule: 'unknown-event',
        message: `${type} is not a documented event type of the v1 platform.`,
      });
  }
}

/** The request as a curl command line (secrets already masked in the preview). */
export function toCurl(preview: RequestPreview): string {
  const quote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;
  const parts = [`curl -X ${preview.method} ${quote(preview.url)}`];
  for (const [name, value] of preview.headers) parts.push(`  -H ${quote(`${name}: ${value}`)}`);
  if (preview.body !== null) parts.push(`  --data-raw ${quote(preview.body)}`);
  return parts.join(' \\\n');
}

/** The catalogue's event types of a provider for the picker (wildcards such as `all` included, `test` not). */
export function pickerEvents(
  catalog: Catalog,
  provider: SubscriptionProvider,
): ComposerValidateOutput['eventTypes'] {
  return catalog
    .get(provider)
    .events.filter((e) => e.info.name !== 'test')
    .map((e) => ({ name: e.info.name, description: e.info.description, deprecated: e.info.deprecated }));
}
