import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Catalog } from '../../../../../src/main/core/catalog/catalog';
import { defaultCatalogDir } from '../../../../../src/main/core/catalog/catalog-paths';
import { loadCatalogDocument } from '../../../../../src/main/core/catalog/load-catalog-document';

const CATALOG_DIR = defaultCatalogDir();

const CREDO_EVENTS = [
  'use_case_governance_status_updated',
  'use_case_risk_category_level_updated',
  'use_case_name_updated',
  'use_case_icon_updated',
  'use_case_description_updated',
  'use_case_industries_updated',
  'use_case_regions_updated',
  'use_case_ai_type_updated',
  'use_case_is_vendor_updated',
  'use_case_questionnaire_ids_updated',
  'use_case_custom_field_updated',
  'use_case_review_comment',
  'use_case_review_status_updated',
  'use_case_review_task_status_updated',
  'use_case_review_task_deleted',
];

const PLATFORM_EVENTS = [
  'onboarding.created',
  'onboarding.ddq_completed',
  'onboarding.verification_completed',
  'onboarding.completed',
  'onboarding.expired',
  'onboarding.revoked',
  'onboarding.link_regenerated',
  'response.created',
  'response.submitted',
  'response.reviewed',
  'response.approved',
  'response.rejected',
  'response.autofill_completed',
  'response.check_answers_completed',
  'response.autoflag_completed',
  'screening.completed',
  'screening.failed',
  'batch.completed',
  'batch.progress',
  'batch.failed',
  'verification.session_created',
  'verification.session_accessed',
  'verification.session_completed',
  'verification.session_failed',
  'verification.session_expired',
  'verification.check_completed',
  'non_document.check_initiated',
  'non_document.completed',
  'non_document.reviewed',
  'case.opened',
  'case.resolved',
  'alert.created',
  'all',
  'test',
];

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('the shipped catalogue', () => {
  let catalog: Catalog;
  beforeAll(() => {
    catalog = new Catalog({ builtinDir: CATALOG_DIR, userDir: null });
  });

  it('loads the three provider files, checked against OpenAPI 3.1, zod and Ajv', () => {
    expect(catalog.list().map((p) => [p.id, p.origin, p.file])).toEqual([
      ['compliance-platform-v1', 'builtin', 'compliance-platform-v1.openapi.json'],
      ['credas', 'builtin', 'credas.openapi.json'],
      ['credo-ai', 'builtin', 'credo-ai.openapi.json'],
    ]);
    expect(catalog.problems).toEqual([]);
  });

  it('has exactly the events each document lists', () => {
    expect(catalog.get('credo-ai').detail.events.map((e) => e.name)).toEqual(CREDO_EVENTS);
    expect(catalog.get('compliance-platform-v1').detail.events.map((e) => e.name)).toEqual(PLATFORM_EVENTS);
    expect(catalog.get('credas').detail.events.map((e) => e.name)).toEqual([
      'process.completed',
      'status.update',
    ]);
  });

  it('marks governance_status deprecated and nothing else', () => {
    const deprecated = catalog
      .all()
      .flatMap((p) => p.detail.events.filter((e) => e.deprecated).map((e) => e.name));
    expect(deprecated).toEqual(['use_case_governance_status_updated']);
    const event = catalog.findEvent('use_case_governance_status_updated').event.info;
    expect(event.deprecation?.note).toMatch(/DEPRECATED/);
    expect(event.deprecation?.sources.map((s) => s.document)).toContain('000_6f69963ec0f53e7f.txt');
  });

  it('records where the documents disagree', () => {
    const credo = catalog.get('credo-ai').detail;
    const noteIds = credo.notes.map((n) => n.id);
    expect(noteIds).toEqual(
      expect.arrayContaining([
        'authentication-field-name',
        'review-status-name',
        'metadata-example-is-review-status',
        'suffix-missing-in-examples',
      ]),
    );
    const auth = credo.notes.find((n) => n.id === 'authentication-field-name');
    expect(auth?.text).toMatch(/authentication_type/);
    expect(auth?.text).toMatch(/authentication_method/);
    const review = catalog.findEvent('use_case_review_status_updated').event.info;
    expect(review.aliases).toEqual(['use_case_review_status_update']);
    expect(review.examples.map((e) => e.name)).toEqual(['guide', 'full-delivery']);
    // The older spelling finds the event.
    expect(catalog.findEvent('use_case_review_status_update').event.info.name).toBe(
      'use_case_review_status_updated',
    );
    expect(catalog.get('compliance-platform-v1').detail.notes.map((n) => n.id)).toContain(
      'payloads-undocumented',
    );
  });

  it('gives every event a description and a source document', () => {
    for (const provider of catalog.all()) {
      for (const event of provider.detail.events) {
        expect(event.summary.length, event.name).toBeGreaterThan(5);
        expect(event.sources.length, event.name).toBeGreaterThan(0);
        for (const source of event.sources)
          expect(source.document).toMatch(/^(00\d_[0-9a-f]+\.txt|README\.md)$/);
      }
    }
  });

  it('documents payloads only where the documents do', () => {
    const platform = catalog.get('compliance-platform-v1').detail;
    expect(
      platform.events.every(
        (e) => e.payloadDocumented === 'no' && e.schema === null && e.examples.length === 0,
      ),
    ).toBe(true);
    expect(platform.events.find((e) => e.name === 'all')?.kind).toBe('wildcard');
    expect(platform.events.find((e) => e.name === 'test')?.kind).toBe('test');
    const credas = catalog.findEvent('process.completed', 'credas').event.info;
    expect(credas.statusTable).toEqual([
      { id: 2, status: 'Complete', description: 'The process is complete' },
    ]);
    expect(credas.examples[0]?.value).toEqual({
      ProcessId: '1e144e85-f45b-4ae3-8915-ae2826ea1e55',
      ClientId: '8c55ebc3-7ac2-469e-9837-94023aa82c3d',
      Status: 2,
      StatusDescription: 'The process is complete',
    });
    const credo = catalog.get('credo-ai');
    expect(credo.detail.envelope?.typeFormat).toBe('{prefix}.{event}.{suffix}');
    expect(credo.detail.signature?.scheme).toBe('svix');
    expect(credo.detail.delivery.retrySchedule).toEqual([0, 5, 300, 1800, 7200, 18000, 36000, 36000]);
    for (const name of CREDO_EVENTS.slice(10)) {
      expect(catalog.findEvent(name).event.info.examples.length, name).toBeGreaterThan(0);
    }
  });

  it('validates every documented example against its own schema', () => {
    for (const provider of catalog.all()) {
      for (const event of provider.events) {
        for (const example of event.info.examples)
          expect(event.validate?.(example.value), event.info.name).toBe(true);
      }
    }
  });

  it('describes each subscription API', () => {
    const ops = (id: string): string[] =>
      catalog.get(id).detail.operations.map((o) => `${o.method} ${o.path}`);
    expect(ops('credo-ai')).toEqual([
      'POST /auth/exchange',
      'GET /api/v2/{tenant}/webhooks',
      'POST /api/v2/{tenant}/webhooks',
      'GET /api/v2/{tenant}/webhooks/{id}',
      'PATCH /api/v2/{tenant}/webhooks/{id}',
      'DELETE /api/v2/{tenant}/webhooks/{id}',
    ]);
    expect(ops('compliance-platform-v1')).toEqual([
      'GET /api/v1/webhooks/',
      'POST /api/v1/webhooks/',
      'GET /api/v1/webhooks/{webhook_id}/',
      'PATCH /api/v1/webhooks/{webhook_id}/',
      'DELETE /api/v1/webhooks/{webhook_id}/',
      'POST /api/v1/webhooks/test/',
    ]);
    expect(ops('credas')).toContain('POST /api/v2/ci/processes');
  });

  it('carries no mis-encoded emoji in any file', () => {
    for (const file of filesUnder(CATALOG_DIR)) {
      const text = readFileSync(file, 'utf8');
      for (const bad of ['‚', 'Ä', '√', 'Ã', 'â€', 'ü', '\uFFFD'])
        expect(text.includes(bad), `${file} has ${bad}`).toBe(false);
    }
  });

  it('finds events by composed type and suggests the nearest names for unknown ones', () => {
    expect(catalog.findEvent('CredoAI.use_case_name_updated.v1').event.info.name).toBe(
      'use_case_name_updated',
    );
    expect(catalog.findEvent('use_case_review_comment', 'credo-ai').provider.detail.id).toBe('credo-ai');
    expect(() => catalog.findEvent('use_case_review_coment')).toThrow(
      /Did you mean "use_case_review_comment"/,
    );
    expect(() => catalog.findEvent('onboarding.create')).toThrow(/"onboarding\.created"/);
    expect(() => catalog.findEvent('process.completed', 'credo-ai')).toThrow(
      /No event of credo-ai documents/,
    );
    expect(() => catalog.get('stripe')).toThrow(/No provider "stripe".*credo-ai/);
  });

  it('identifies payloads with the x-identify rules', () => {
    const id = (body: unknown) => catalog.identify(body);
    expect(id({ data: {}, type: 'CredoAI.use_case_review_task_deleted.v1' })).toMatchObject({
      provider: 'credo-ai',
      event: 'use_case_review_task_deleted',
      prefix: 'CredoAI',
      suffix: 'v1',
    });
    expect(id({ data: {}, type: 'use_case_review_comment' })).toMatchObject({
      event: 'use_case_review_comment',
      prefix: null,
    });
    expect(id({ data: {}, subject: 'use_case_review_status_update' })).toMatchObject({
      event: 'use_case_review_status_updated',
    });
    expect(id({ ProcessId: 'a', ClientId: 'b', Status: 2, StatusDescription: 'x' })).toMatchObject({
      provider: 'credas',
      event: 'process.completed',
    });
    expect(id({ hello: 'world' })).toBeNull();
  });

  it('checks a payload against the documented schema', () => {
    const ok = {
      data: {
        reviewId: 'pu7BDgxfVnK4RTQyb88uL',
        status: 'x',
        useCaseId: 'ZiSPid3wLeXWTe4VTRjbq9',
        user: { email: 'a@b.co' },
      },
      type: 'CredoAI.use_case_review_status_updated.v1',
    };
    expect(catalog.validatePayload('credo-ai', 'use_case_review_status_updated', ok)).toEqual([]);
    const bad = {
      data: { reviewId: 'O0', status: 1, useCaseId: 'ZiSPid3wLeXWTe4VTRjbq9', user: { email: 'a@b.co' } },
      type: 'CredoAI.use_case_review_status_updated.v1',
    };
    expect(catalog.validatePayload('credo-ai', 'use_case_review_status_updated', bad)).toEqual([
      '/data/reviewId: must match pattern "^[2-9A-HJ-NP-Za-km-z]{21,22}$"',
      '/data/status: must be string',
    ]);
    expect(catalog.validatePayload('compliance-platform-v1', 'case.opened', {})).toBeNull();
  });
});

describe('loading a broken file', () => {
  const minimal = (extra: Record<string, unknown> = {}, schema: unknown = { type: 'object' }) =>
    JSON.stringify({
      openapi: '3.1.0',
      info: { title: 'Acme', version: '1' },
      webhooks: {
        'thing.created': { post: { requestBody: { content: { 'application/json': { schema } } } } },
      },
      ...extra,
    });
  const load = (text: string, file = 'broken.openapi.json', origin: 'builtin' | 'user' = 'builtin') =>
    loadCatalogDocument(text, file, { origin });

  it('names the file and the path of a bad x- extension', () => {
    expect(() =>
      load(
        minimal({
          'x-envelope': {
            dataField: 'data',
            typeField: 'type',
            typeFormat: '{prefix}',
            prefix: { default: null },
            suffix: { default: null },
          },
        }),
      ),
    ).toThrow('broken.openapi.json: x-envelope.typeFormat: must contain {event}');
    expect(() => load(minimal({ 'x-signature': { scheme: 'sha1-magic' } }))).toThrow(
      /broken\.openapi\.json: x-signature\.scheme: the scheme is one of/,
    );
  });

  it('names the path of an invalid payload schema', () => {
    expect(() => load(minimal({}, { type: 'strnig' }))).toThrow(
      /broken\.openapi\.json: webhooks\.thing\.created\.post\.requestBody\.content\.application\/json\.schema: not a valid JSON Schema/,
    );
    expect(() => load(minimal({}, { type: 'object', requried: ['a'] }))).toThrow(
      /webhooks\.thing\.created.*requried/,
    );
  });

  it('names the path of what OpenAPI 3.1 does not allow', () => {
    const doc = JSON.parse(minimal()) as { webhooks: Record<string, { post: Record<string, unknown> }> };
    (doc.webhooks['thing.created'] as { post: Record<string, unknown> }).post.requestBodyy = {};
    expect(() => load(JSON.stringify(doc))).toThrow(
      /broken\.openapi\.json: webhooks\.thing\.created\.post: "requestBodyy" is not allowed here/,
    );
    expect(() => load(minimal().replace('3.1.0', '3.0.3'))).toThrow(
      'broken.openapi.json: openapi: Hookbench reads OpenAPI 3.1 files; this file is OpenAPI 3.0.3',
    );
    expect(() =>
      load(JSON.stringify({ openapi: '3.1.0', info: { title: 'x', version: '1' }, paths: {} })),
    ).toThrow(/webhooks: the file describes no webhooks/);
  });

  it('says where JSON or YAML text breaks', () => {
    expect(() => load('{"openapi": "3.1.0",\n  "info": }')).toThrow(
      /broken\.openapi\.json: not valid JSON \(line 2, column/,
    );
    expect(() => load('openapi: 3.1.0\ninfo:\n  title: [unclosed\n', 'broken.yaml')).toThrow(
      /broken\.yaml: not valid YAML \(line \d+, column \d+\)/,
    );
  });

  it('rejects an example that contradicts its schema in a shipped file, warns for a user file', () => {
    const text = JSON.stringify({
      openapi: '3.1.0',
      info: { title: 'Acme', version: '1' },
      webhooks: {
        ping: {
          post: {
            requestBody: {
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    required: ['id'],
                    properties: { id: { type: 'string', 'x-vendor': 1 } },
                  },
                  examples: { one: { value: { id: 5 } } },
                },
              },
            },
          },
        },
      },
    });
    expect(() => load(text)).toThrow(
      /broken\.openapi\.json: .*x-vendor|examples\.one: the example does not match/,
    );
    const { warnings, provider } = load(text, 'acme.json', 'user');
    expect(provider.detail.id).toBe('acme');
    expect(warnings.join('\n')).toMatch(
      /examples\.one: the example does not match the schema: \/id: must be string/,
    );
    expect(warnings.join('\n')).toMatch(/x-vendor/);
  });
});
