import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Catalog } from '../../../../../src/main/core/catalog/catalog';
import { defaultCatalogDir } from '../../../../../src/main/core/catalog/catalog-paths';
import { PayloadChecker, type CheckRequest } from '../../../../../src/main/core/check/payload-checker';
import { viewOf } from '../../../../../src/main/core/check/schema-view';
import { newSampleContext, samplePayload } from '../../../../../src/main/core/fire/sample-payload';
import type { CheckResult } from '../../../../../src/shared/check-models';
import { makeTempDir } from '../../../../helpers/temp-dir';
import { doubleEncoded, recomposed, removed, retyped, withField } from './payload-mutations';

const catalog = new Catalog({ builtinDir: defaultCatalogDir(), userDir: null });
const checker = new PayloadChecker(catalog);

function check(body: unknown, extra: Omit<CheckRequest, 'body'> = {}): CheckResult {
  return checker.check({ body: typeof body === 'string' ? body : JSON.stringify(body), ...extra }).result;
}

const kinds = (result: CheckResult) => result.findings.map((f) => `${f.severity} ${f.kind} ${f.path}`);

type Json = Record<string, unknown>;

/** Every documented example of every provider. */
const documented = catalog.all().flatMap((provider) =>
  provider.events.flatMap((event) =>
    event.info.examples.map((example) => ({
      provider: provider.detail.id,
      event: event.info.name,
      name: example.name,
      value: example.value as Json,
      schema: event.info.schema,
    })),
  ),
);
const credoExamples = documented.filter((d) => d.provider === 'credo-ai');

/** A required field of the example's `data` (the first the example has). */
function requiredDataField(example: (typeof documented)[number]): string {
  const data = viewOf(viewOf(example.schema).properties.get('data'));
  const key = Object.keys(example.value.data as Json).find((k) => data.required.has(k));
  if (!key) throw new Error(`${example.event}: no required data field in the example`);
  return key;
}

function sample(providerId: string, eventName: string): Json {
  const provider = catalog.get(providerId);
  const event = provider.byName.get(eventName)!;
  return samplePayload(provider, event, newSampleContext(Date.UTC(2025, 7, 8))).payload as Json;
}

describe('the documents’ examples', () => {
  it('covers every provider that documents payloads', () => {
    expect(new Set(documented.map((d) => d.provider))).toEqual(new Set(['credo-ai', 'credas']));
    expect(credoExamples.length).toBeGreaterThanOrEqual(6);
  });

  it.each(documented.map((d) => [`${d.provider} ${d.event} (${d.name})`, d] as const))(
    '%s is identified and conforms without a warning',
    (_, example) => {
      const result = check(example.value);
      expect(result).toMatchObject({
        provider: example.provider,
        eventType: example.event,
        verdict: 'conforms',
        conforms: true,
      });
      expect(result.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    },
  );

  it('identifies and accepts a sample of every Credo AI event, and of every compliance platform event type', () => {
    for (const event of catalog.get('credo-ai').events) {
      const result = check(sample('credo-ai', event.info.name));
      expect(result.eventType).toBe(event.info.name);
      expect(result.conforms).toBe(true);
    }
    for (const event of catalog.get('compliance-platform-v1').events.filter((e) => e.info.kind === 'event')) {
      const result = check({ event_type: event.info.name, data: { id: 'x' } });
      expect(result).toMatchObject({
        provider: 'compliance-platform-v1',
        eventType: event.info.name,
        verdict: 'conforms',
      });
      expect(kinds(result)).toEqual(['info undocumented-shape ']);
    }
  });
});

describe('Credo AI: mutated variants of every documented example', () => {
  const cases = credoExamples.map((d) => [`${d.event} (${d.name})`, d] as const);

  it.each(cases)('%s: a removed field is a missing error', (_, example) => {
    const field = requiredDataField(example);
    const result = check(removed(example.value, ['data', field]));
    expect(result).toMatchObject({ eventType: example.event, verdict: 'deviates', conforms: false });
    expect(result.findings).toContainEqual(
      expect.objectContaining({ path: `data.${field}`, kind: 'missing', severity: 'error' }),
    );
  });

  it.each(cases)('%s: a changed type is a type error', (_, example) => {
    const field = requiredDataField(example);
    const result = check(retyped(example.value, ['data', field]));
    expect(result.verdict).toBe('deviates');
    expect(kinds(result)).toContain(`error type data.${field}`);
  });

  it.each(cases)('%s: an added field is an undocumented warning and still conforms', (_, example) => {
    const result = check(withField(example.value, ['data', 'riskScore'], 0.4));
    expect(result.verdict).toBe('conforms');
    expect(kinds(result)).toEqual(['warning undocumented data.riskScore']);
    expect(result.findings[0]!.message).toMatch(/not in the documentation of/);
  });

  it.each(cases)(
    '%s: another prefix and suffix is still identified; only the subscription’s differ',
    (_, example) => {
      const other = recomposed(example.value, 'Acme', 'v2');
      expect(check(other)).toMatchObject({ eventType: example.event, verdict: 'conforms', findings: [] });
      const bare = recomposed(example.value, null, null);
      expect(check(bare)).toMatchObject({ eventType: example.event, verdict: 'conforms', findings: [] });
      const result = check(other, { expected: { prefix: 'CredoAI', suffix: 'v1' } });
      expect(result).toMatchObject({ eventType: example.event, verdict: 'conforms' });
      expect(kinds(result)).toEqual(['warning envelope type', 'warning envelope type']);
      expect(result.findings.map((f) => f.message)).toEqual([
        'The prefix of `type` is "Acme"; the subscription sets "CredoAI".',
        'The suffix of `type` is "v2"; the subscription sets "v1".',
      ]);
      expect(
        check(recomposed(example.value, 'CredoAI', 'v1'), { expected: { prefix: 'CredoAI', suffix: 'v1' } })
          .findings,
      ).toEqual([]);
    },
  );

  it.each(cases)('%s: a double-encoded body is decoded and checked', (_, example) => {
    const result = check(doubleEncoded(example.value));
    expect(result).toMatchObject({ eventType: example.event, verdict: 'deviates', decodedPaths: [''] });
    expect(kinds(result)).toEqual(['error type ']);
    const field = requiredDataField(example);
    const inner = check(doubleEncoded(removed(example.value, ['data', field])));
    expect(kinds(inner)).toEqual(['error type ', `error missing data.${field}`]);
  });

  it.each(cases)('%s: `data` encoded as a JSON string is decoded and checked inside', (_, example) => {
    const value = { ...example.value, data: JSON.stringify(withField(example.value.data, ['extra'], true)) };
    const result = check(value);
    expect(result.decodedPaths).toEqual(['data']);
    expect(kinds(result)).toEqual(['error type data', 'warning undocumented data.extra']);
  });

  it('reports nested paths with element indexes', () => {
    const comment = credoExamples.find((d) => d.event === 'use_case_review_comment')!;
    const result = check(removed(comment.value, ['data', 'taggedUsers', 0, 'user_id']));
    expect(kinds(result)).toEqual(['error missing data.taggedUsers[0].user_id']);
  });

  it('translates formats, ids and enums into warnings', () => {
    const full = credoExamples.find((d) => d.name === 'full-delivery')!.value;
    let value = withField(full, ['data', 'user', 'email'], 'not an email');
    value = withField(value, ['time'], 'yesterday');
    value = withField(value, ['data', 'reviewId'], 'O0');
    const result = check(value);
    expect(result.verdict).toBe('conforms');
    expect(kinds(result).sort()).toEqual([
      'warning format data.reviewId',
      'warning format data.user.email',
      'warning format time',
    ]);
    expect(result.findings.find((f) => f.path === 'data.reviewId')!.message).toMatch(
      /"O0".*documented form.*Credo AI id/,
    );
    expect(result.findings.find((f) => f.path === 'time')!.message).toMatch(/not a date-time/);
    expect(result.findings.find((f) => f.path === 'data.user.email')!.message).toMatch(
      /not an email address/,
    );
  });

  it('reports an envelope that disagrees with itself', () => {
    const full = credoExamples.find((d) => d.name === 'full-delivery')!.value;
    const subject = check({ ...full, subject: 'use_case_name_updated' });
    expect(subject).toMatchObject({ eventType: 'use_case_review_status_updated', verdict: 'conforms' });
    expect(subject.findings).toEqual([
      {
        path: 'subject',
        kind: 'envelope',
        severity: 'warning',
        message: '`subject` is "use_case_name_updated", but `type` names use_case_review_status_updated.',
      },
    ]);
    const eventType = check(withField(full, ['data', 'eventType'], 'use_case_review_comment'));
    expect(kinds(eventType)).toEqual(['warning envelope data.eventType']);
    const several = check({ ...full, type: 'Acme.Corp.use_case_review_status_updated.v1' });
    expect(several.eventType).toBe('use_case_review_status_updated');
    expect(kinds(several)).toEqual(['warning envelope type']);
  });

  it('identifies by `type` with any prefix and suffix, by `subject` and by `data.eventType`', () => {
    const full = credoExamples.find((d) => d.name === 'full-delivery')!.value;
    const name = sample('credo-ai', 'use_case_name_updated');
    expect(check({ ...name, type: 'Acme.use_case_name_updated.v2' })).toMatchObject({
      eventType: 'use_case_name_updated',
      identifiedBy: 'type-field',
    });
    const noType = removed(full, ['type']) as Json;
    const bySubject = check(noType);
    expect(bySubject).toMatchObject({
      eventType: 'use_case_review_status_updated',
      identifiedBy: 'field /subject',
    });
    expect(kinds(bySubject)).toEqual(['error missing type']);
    const byData = check(removed(noType, ['subject']));
    expect(byData).toMatchObject({
      eventType: 'use_case_review_status_updated',
      identifiedBy: 'field /data/eventType',
    });
  });

  it('warns about a deprecated event', () => {
    const result = check(sample('credo-ai', 'use_case_governance_status_updated'));
    expect(result).toMatchObject({ eventType: 'use_case_governance_status_updated', verdict: 'conforms' });
    expect(result.findings[0]).toMatchObject({ kind: 'deprecated', severity: 'warning', path: '' });
    expect(result.findings[0]!.message).toMatch(/deprecated: Marked DEPRECATED/);
  });

  it('checks against a forced event', () => {
    const comment = credoExamples.find((d) => d.event === 'use_case_review_comment')!.value;
    const result = check(comment, { event: 'use_case_review_task_deleted', provider: 'credo-ai' });
    expect(result).toMatchObject({
      eventType: 'use_case_review_task_deleted',
      identifiedBy: 'forced',
      verdict: 'deviates',
    });
    expect(kinds(result)).toContain('warning envelope type');
    expect(kinds(result)).toContain('error missing data.assignedUserId');
  });
});

describe('Credas: mutated variants of the documented example', () => {
  const example = documented.find((d) => d.provider === 'credas')!.value;

  it('a removed field is still identified by its shape, and missing', () => {
    const result = check(removed(example, ['StatusDescription']));
    expect(result).toMatchObject({
      provider: 'credas',
      eventType: 'process.completed',
      identifiedBy: 'shape',
    });
    expect(kinds(result)).toEqual(['error missing StatusDescription']);
  });

  it('a changed type is a type error (not also an enum warning)', () => {
    expect(kinds(check(withField(example, ['Status'], '2')))).toEqual(['error type Status']);
    expect(kinds(check(retyped(example, ['ProcessId'])))).toEqual(['error type ProcessId']);
  });

  it('an added field is an undocumented warning', () => {
    const result = check(withField(example, ['Reference'], 'ABC-1'));
    expect(result.verdict).toBe('conforms');
    expect(kinds(result)).toEqual(['warning undocumented Reference']);
  });

  it('a Status outside its table is an enum warning', () => {
    const result = check(withField(example, ['Status'], 3));
    expect(result).toMatchObject({ verdict: 'conforms', conforms: true });
    expect(result.findings).toEqual([
      {
        path: 'Status',
        kind: 'enum',
        severity: 'warning',
        message: '`Status` is 3; the documentation lists only 2 (Complete) in its status table.',
      },
    ]);
  });

  it('an id not of the documented form is a format warning', () => {
    expect(kinds(check(withField(example, ['ProcessId'], 'process-1')))).toEqual([
      'warning format ProcessId',
    ]);
  });

  it('a double-encoded body is decoded and checked', () => {
    const result = check(doubleEncoded(withField(example, ['Status'], 3)));
    expect(result).toMatchObject({ eventType: 'process.completed', decodedPaths: [''] });
    expect(kinds(result)).toEqual(['error type ', 'warning enum Status']);
  });

  it('decodes the JSON inside a status update’s Payload and checks it, with paths inside it', () => {
    const ok = check({ UpdateType: 1, Payload: JSON.stringify(example) });
    expect(ok).toMatchObject({ eventType: 'status.update', verdict: 'conforms', decodedPaths: ['Payload'] });
    const inner = check({
      UpdateType: 1,
      Payload: JSON.stringify(removed(withField(example, ['Extra'], 1), ['ClientId'])),
    });
    expect(inner.verdict).toBe('deviates');
    expect(kinds(inner)).toEqual([
      'error missing Payload.ClientId',
      'warning undocumented Payload.Extra',
      'info undocumented-shape ',
      'info undocumented-shape Payload',
    ]);
    const unknown = check({ UpdateType: 4, Payload: '{"Stage":"documents"}' });
    expect(unknown.verdict).toBe('conforms');
    expect(unknown.findings.at(-1)!.message).toBe(
      '`Payload` holds JSON (decoded); the documentation does not show its shape.',
    );
    const broken = check({ UpdateType: 4, Payload: '{"Stage":' });
    expect(kinds(broken)).toContain('error not-json Payload');
  });
});

describe('the compliance platform (payloads undocumented)', () => {
  it('identifies an event by its event field and notes that the shape is undocumented', () => {
    const result = check({ event_type: 'screening.completed', screening_id: 'a' });
    expect(result).toMatchObject({
      provider: 'compliance-platform-v1',
      eventType: 'screening.completed',
      conforms: true,
    });
    expect(result.findings).toEqual([
      {
        path: '',
        kind: 'undocumented-shape',
        severity: 'info',
        message:
          'Compliance platform (v1) documents screening.completed but not its payload, so only the event type could be checked.',
      },
    ]);
  });

  it('has no envelope to recompose; a removed event field leaves it unidentified; double-encoded is decoded', () => {
    expect(check({ screening_id: 'a' }).verdict).toBe('unidentified');
    const twice = check(doubleEncoded({ event_type: 'case.opened' }));
    expect(twice).toMatchObject({ eventType: 'case.opened', verdict: 'deviates', decodedPaths: [''] });
  });

  it('warns that the wildcard is never delivered', () => {
    expect(kinds(check({ event_type: 'all' }))).toEqual([
      'warning envelope event_type',
      'info undocumented-shape ',
    ]);
  });
});

describe('bodies that are not JSON, and unidentified payloads', () => {
  it('reports not-json, naming a JSON content type', () => {
    for (const body of ['{"data":', 'hello', '']) {
      const result = check(body);
      expect(result).toMatchObject({ provider: null, eventType: null, verdict: 'not-json', conforms: false });
      expect(result.findings[0]).toMatchObject({ kind: 'not-json', severity: 'error', path: '' });
    }
    expect(check('nope', { contentType: 'application/json; charset=utf-8' }).findings[0]!.message).toMatch(
      /^The Content-Type is application\/json, but the body is not JSON: /,
    );
    expect(checker.check({ body: Buffer.from([0xff, 0xfe]) }).result.findings[0]!.message).toBe(
      'The body is not UTF-8 text, so it is not JSON.',
    );
    expect(checker.check({ body: '{"a":1}', truncated: true }).result.verdict).toBe('not-json');
  });

  it('warns when a JSON body was declared as another content type', () => {
    const example = documented.find((d) => d.provider === 'credas')!.value;
    expect(check(example, { contentType: 'text/plain' }).findings).toEqual([
      {
        path: '',
        kind: 'not-json',
        severity: 'warning',
        message: 'The body is JSON, but its Content-Type is text/plain; Credas sends application/json.',
      },
    ]);
  });

  it('names the closest candidates and why', () => {
    const typo = check(
      { type: 'CredoAI.use_case_review_comments.v1', data: { reviewId: 'x' } },
      { headers: [['Svix-Id', 'msg_1']] },
    );
    expect(typo).toMatchObject({
      provider: null,
      eventType: null,
      verdict: 'unidentified',
      conforms: false,
      findings: [],
    });
    expect(typo.candidates![0]).toMatchObject({ provider: 'credo-ai', eventType: 'use_case_review_comment' });
    expect(typo.candidates![0]!.reason).toMatch(
      /close to use_case_review_comment; its svix-id header is present/,
    );
    const credas = check({ ProcessId: '1e144e85-f45b-4ae3-8915-ae2826ea1e55', Note: 'x' });
    expect(credas.candidates).toEqual([
      {
        provider: 'credas',
        eventType: 'process.completed',
        score: expect.any(Number) as number,
        reason:
          'has 1 of the 4 fields that identify it (ProcessId); lacks ClientId, Status, StatusDescription',
      },
    ]);
    expect(check({ hello: 'world' }).candidates).toEqual([]);
    expect(check([1, 2]).verdict).toBe('unidentified');
  });
});

describe('user-imported specs', () => {
  const temp = makeTempDir();
  afterAll(() => temp.remove());
  const spec = (title: string, identify: unknown) => ({
    openapi: '3.1.0',
    info: { title, version: '1' },
    ...(identify ? { 'x-identify': identify } : {}),
    webhooks: {
      'order.paid': {
        post: {
          requestBody: {
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['kind', 'order'],
                  properties: {
                    kind: { type: 'string' },
                    topic: { type: 'string' },
                    order: { type: 'object', required: ['id'], properties: { id: { type: 'integer' } } },
                  },
                },
              },
            },
          },
        },
      },
    },
  });

  it('are identified by their own rules, or by an event name in a usual field', () => {
    const userDir = join(temp.dir, 'catalog');
    mkdirSync(userDir, { recursive: true });
    writeFileSync(
      join(userDir, 'shop.json'),
      JSON.stringify(spec('Shop', { rules: [{ kind: 'field', pointer: '/kind' }] })),
    );
    writeFileSync(join(userDir, 'store.json'), JSON.stringify(spec('Store', null)));
    const withUser = new PayloadChecker(new Catalog({ builtinDir: defaultCatalogDir(), userDir }));
    const byRule = withUser.check({
      body: JSON.stringify({ kind: 'order.paid', order: { id: '7' } }),
    }).result;
    expect(byRule).toMatchObject({ provider: 'shop', eventType: 'order.paid', identifiedBy: 'field /kind' });
    expect(kinds(byRule)).toEqual(['error type order.id']);
    const byField = withUser.check({
      body: JSON.stringify({ topic: 'order.paid', kind: 'x', order: { id: 1 } }),
    }).result;
    expect(byField).toMatchObject({
      provider: 'store',
      eventType: 'order.paid',
      identifiedBy: 'field /topic',
      verdict: 'conforms',
    });
  });
});
