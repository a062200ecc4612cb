import { beforeAll, describe, expect, it } from 'vitest';
import { Catalog } from '../../../../../src/main/core/catalog/catalog';
import { defaultCatalogDir } from '../../../../../src/main/core/catalog/catalog-paths';
import { applyEnvelope, composeType } from '../../../../../src/main/core/fire/envelope';
import { BASE57_ALPHABET, base57Id, isoMicros } from '../../../../../src/main/core/fire/ids';
import { newSampleContext, samplePayload } from '../../../../../src/main/core/fire/sample-payload';

const BASE57 = new RegExp(`^[${BASE57_ALPHABET}]{22}$`);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

type Body = { data: Record<string, unknown>; type: string; time: string; source: string; subject: string };

describe('sample payloads', () => {
  let catalog: Catalog;
  beforeAll(() => {
    catalog = new Catalog({ builtinDir: defaultCatalogDir(), userDir: null });
  });
  const sample = (event: string, provider?: string, ctx = newSampleContext(), envelope = {}) => {
    const found = catalog.findEvent(event, provider);
    return { ...samplePayload(found.provider, found.event, ctx, envelope), validate: found.event.validate };
  };

  it('makes base57 ids of 22 characters', () => {
    for (let i = 0; i < 50; i++) expect(base57Id()).toMatch(BASE57);
    expect(isoMicros(Date.UTC(2025, 7, 8, 5, 56, 32, 136))).toMatch(/^2025-08-08T05:56:32\.136\d{3}Z$/);
  });

  it('validates against its own schema for every event that has one', () => {
    for (const provider of catalog.all()) {
      for (const event of provider.events) {
        if (event.info.kind === 'wildcard' || !event.validate) continue;
        const { payload } = samplePayload(provider, event);
        expect(event.validate(payload), `${event.info.name}: ${JSON.stringify(event.validate.errors)}`).toBe(
          true,
        );
      }
    }
  });

  it('refreshes a Credo AI example: new base57 ids, the time of now, the full envelope', () => {
    const before = Date.now();
    const { payload, documented } = sample('use_case_review_task_status_updated');
    const body = payload as Body;
    expect(documented).toBe('yes');
    expect(Object.keys(body)).toEqual(['data', 'type', 'time', 'source', 'subject']);
    expect(body.type).toBe('CredoAI.use_case_review_task_status_updated.v1');
    expect(body.subject).toBe('use_case_review_task_status_updated');
    expect(body.source).toBe('CredoAI');
    expect(Date.parse(body.time)).toBeGreaterThanOrEqual(before - 1);
    expect(body.time).toMatch(/\.\d{6}Z$/);
    for (const key of ['assignedUserId', 'assignerId', 'reviewId', 'useCaseId']) {
      expect(body.data[key]).toMatch(BASE57);
    }
    expect(body.data.reviewId).not.toBe('pu7BDgxfVnK4RTQyb88uL');
    expect(body.data.status).toBe('done');
    expect(body.data.subStatus).toBe('approve');
    expect((body.data.user as { userId: string }).userId).toMatch(BASE57);
  });

  it('keeps a mention in a comment pointing at the tagged user', () => {
    const body = sample('use_case_review_comment').payload as Body;
    const tagged = (body.data.taggedUsers as { user_id: string }[])[0]?.user_id ?? '';
    expect(tagged).toMatch(BASE57);
    expect(body.data.comment).toBe(`Hello @[John Doe](users:${tagged})`);
  });

  it('shares ids across the samples of one context', () => {
    const ctx = newSampleContext();
    const a = sample('use_case_review_status_updated', 'credo-ai', ctx).payload as Body;
    const b = sample('use_case_review_task_status_updated', 'credo-ai', ctx).payload as Body;
    expect(b.data.useCaseId).toBe(a.data.useCaseId);
    expect(b.data.reviewId).toBe(a.data.reviewId);
    expect(ctx.ids.get('use_case')).toBe(a.data.useCaseId);
    const c = sample('use_case_review_status_updated').payload as Body;
    expect(c.data.useCaseId).not.toBe(a.data.useCaseId);
  });

  it('generates from the schema when there is no example', () => {
    const { payload, documented, warnings, validate } = sample('use_case_name_updated');
    expect(documented).toBe('partial');
    expect(warnings.join(' ')).toMatch(/Only part of the payload/);
    expect((payload as Body).data.useCaseId).toMatch(BASE57);
    expect(validate?.(payload)).toBe(true);
    expect(sample('use_case_governance_status_updated').warnings.join(' ')).toMatch(/deprecated/);
  });

  it('uses UUIDs for Credas and keeps the documented status', () => {
    const { payload } = sample('process.completed');
    const body = payload as Record<string, unknown>;
    expect(body.ProcessId).toMatch(UUID);
    expect(body.ClientId).toMatch(UUID);
    expect(body.ProcessId).not.toBe('1e144e85-f45b-4ae3-8915-ae2826ea1e55');
    expect(body.Status).toBe(2);
    expect(body.StatusDescription).toBe('The process is complete');
  });

  it('says so instead of inventing an undocumented payload', () => {
    const { payload, documented, warnings } = sample('screening.completed');
    expect(payload).toEqual({ event_type: 'screening.completed' });
    expect(documented).toBe('no');
    expect(warnings[0]).toMatch(/does not document the payload of screening\.completed/);
  });

  it('composes the type from an optional prefix and suffix', () => {
    const format = '{prefix}.{event}.{suffix}';
    expect(composeType(format, { prefix: 'CredoAI', event: 'e', suffix: 'v1' })).toBe('CredoAI.e.v1');
    expect(composeType(format, { prefix: 'CredoAI', event: 'e', suffix: null })).toBe('CredoAI.e');
    expect(composeType(format, { prefix: null, event: 'e', suffix: 'v2' })).toBe('e.v2');
    expect(composeType(format, { prefix: null, event: 'e', suffix: null })).toBe('e');
    expect(
      (
        sample('use_case_review_comment', 'credo-ai', newSampleContext(), { prefix: 'Acme', suffix: null })
          .payload as Body
      ).type,
    ).toBe('Acme.use_case_review_comment');
    expect(
      (
        sample('use_case_review_comment', 'credo-ai', newSampleContext(), { prefix: '', suffix: 'v3' })
          .payload as Body
      ).type,
    ).toBe('use_case_review_comment.v3');
    const envelope = catalog.get('credo-ai').envelope;
    if (!envelope) throw new Error('no envelope');
    const edited = applyEnvelope(
      envelope,
      'use_case_icon_updated',
      { data: { a: 1 }, type: 'x', time: 'kept' },
      { suffix: 'v9' },
      false,
    );
    expect(edited).toEqual({ data: { a: 1 }, type: 'CredoAI.use_case_icon_updated.v9', time: 'kept' });
  });
});

describe('reported request headers', () => {
  it('mask a secret that a static or bearer scheme sends as it is', async () => {
    const { reportedHeaders } = await import('../../../../../src/main/core/fire/fire-request');
    const headers: [string, string][] = [
      ['Content-Type', 'application/json'],
      ['XApiToken', 's3cret-value-long-enough-1234'],
    ];
    const masked = reportedHeaders(headers, {
      scheme: 'static',
      secret: 's3cret-value-long-enough-1234',
      options: { header: 'XApiToken' },
    });
    expect(masked[1]?.[1]).toBe('s3cr…(29 chars)');
    const bearer = reportedHeaders([['Authorization', 'Bearer tok_abcdefghijklmnopqrstu']], {
      scheme: 'bearer',
      secret: 'tok_abcdefghijklmnopqrstu',
      options: {},
    });
    expect(bearer[0]?.[1]).not.toContain('tok_abcdefghijklmnopqrstu');
    expect(reportedHeaders(headers, undefined)).toEqual(headers);
  });
});
