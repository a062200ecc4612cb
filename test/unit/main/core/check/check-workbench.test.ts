import { Socket } from 'node:net';
import { Pool } from 'undici';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Catalog } from '../../../../../src/main/core/catalog/catalog';
import { defaultCatalogDir } from '../../../../../src/main/core/catalog/catalog-paths';
import { PayloadChecker } from '../../../../../src/main/core/check/payload-checker';
import { databasePathIn } from '../../../../../src/main/core/paths';
import { createWorkbench, type Workbench } from '../../../../../src/main/core/workbench';
import { CaptureRepository } from '../../../../../src/main/db/capture-repository';
import { openDatabase } from '../../../../../src/main/db/open-database';
import type { CheckProgress, ShapeNode } from '../../../../../src/shared/check-models';
import type { CaptureSummary } from '../../../../../src/shared/models';
import { call } from '../../../../helpers/call';
import { eventually } from '../../../../helpers/downstream-server';
import { newCapture } from '../../../../helpers/new-capture';
import { makeTempDir } from '../../../../helpers/temp-dir';
import { removed, withField } from './payload-mutations';

const catalog = new Catalog({ builtinDir: defaultCatalogDir(), userDir: null });
const example = (provider: string, event: string, name?: string): Record<string, unknown> => {
  const examples = catalog.get(provider).byName.get(event)!.info.examples;
  return (name ? examples.find((e) => e.name === name)! : examples[0]!).value as Record<string, unknown>;
};
const FULL = example('credo-ai', 'use_case_review_status_updated', 'full-delivery');
const CREDAS = example('credas', 'process.completed');

/** A user's spec that documents `{kind: "order.paid", order: {id}}`. */
const SHOP_SPEC = JSON.stringify({
  openapi: '3.1.0',
  info: { title: 'Shop', version: '1' },
  'x-identify': { rules: [{ kind: 'field', pointer: '/kind' }] },
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
                  order: { type: 'object', properties: { id: { type: 'integer' } } },
                },
              },
            },
          },
        },
      },
    },
  },
});

describe('checking captures in the workbench', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let wb: Workbench;
  let url: string;

  const open = async (): Promise<void> => {
    wb = createWorkbench({ dataDir: temp.dir, mode: 'browser', version: 't', receiver: { port: 0 } });
    url = (await wb.start()).url!;
  };
  beforeEach(async () => {
    temp = makeTempDir();
    await open();
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await wb.close();
    temp.remove();
  });

  const post = async (body: unknown, headers: Record<string, string> = {}): Promise<number> => {
    const res = await fetch(`${url}/hooks/default`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    await res.arrayBuffer();
    return res.status;
  };
  /** Posts and resolves with the capture once its check is stored. */
  const checked = async (body: unknown): Promise<CaptureSummary> => {
    const updates: CaptureSummary[] = [];
    const listener = (c: CaptureSummary) => updates.push(c);
    wb.events.on('capture:updated', listener);
    await post(body);
    await eventually(() => expect(updates.some((u) => u.check.verdict !== 'pending')).toBe(true));
    wb.events.off('capture:updated', listener);
    return updates.find((u) => u.check.verdict !== 'pending')!;
  };
  const doneProgress = (reason?: CheckProgress['reason']): Promise<CheckProgress> =>
    new Promise((resolve) => {
      const listener = (p: CheckProgress) => {
        if (p.state !== 'done' || (reason && p.reason !== reason)) return;
        wb.events.off('check:progress', listener);
        resolve(p);
      };
      wb.events.on('check:progress', listener);
    });

  it('answers first, stores the capture as pending, then stores the verdict and reports it', async () => {
    const order: string[] = [];
    // The receiver writes each answer with one socket write starting with the status line.
    const write = Socket.prototype.write;
    vi.spyOn(Socket.prototype, 'write').mockImplementation(function (this: Socket, ...args: unknown[]) {
      if (Buffer.isBuffer(args[0]) && args[0].subarray(0, 9).toString() === 'HTTP/1.1 ') order.push('answer');
      return (write as (...a: unknown[]) => boolean).apply(this, args);
    });
    const check = PayloadChecker.prototype.check;
    vi.spyOn(PayloadChecker.prototype, 'check').mockImplementation(function (this: PayloadChecker, request) {
      order.push('check');
      return check.call(this, request);
    });
    const received: { summary: CaptureSummary; stored: string }[] = [];
    wb.events.on('capture:received', (summary) => {
      const stored = wb.handlers['history:get']({ id: summary.id }) as { check: { verdict: string } };
      received.push({ summary, stored: stored.check.verdict });
    });
    const updated = await checked(removed(FULL, ['data', 'reviewId']));
    expect(order.slice(0, 2)).toEqual(['answer', 'check']);
    expect(received[0]!.summary.check).toEqual({
      verdict: 'pending',
      provider: null,
      eventType: null,
      errors: 0,
      warnings: 0,
    });
    expect(received[0]!.stored).toBe('pending');
    expect(updated.check).toEqual({
      verdict: 'deviates',
      provider: 'credo-ai',
      eventType: 'use_case_review_status_updated',
      errors: 1,
      warnings: 0,
    });
    const detail = await call(wb, 'history:get', { id: updated.id });
    expect(detail.check.verdict).toBe('deviates');
    expect(detail.checkDetail?.result?.findings).toEqual([
      expect.objectContaining({ path: 'data.reviewId', kind: 'missing', severity: 'error' }),
    ]);
    expect(detail.checkDetail?.checkedWith).toMatch(/^c1-[0-9a-f]{16}$/);
  });

  it('filters the history by verdict ("deviates from the documentation")', async () => {
    const good = await checked(FULL);
    const bad = await checked(withField(FULL, ['data', 'status'], 7));
    const notJson = await checked('not json');
    expect([good.check.verdict, bad.check.verdict, notJson.check.verdict]).toEqual([
      'conforms',
      'deviates',
      'not-json',
    ]);
    const deviating = await call(wb, 'history:list', { check: 'deviates' });
    expect(deviating.items.map((c) => c.id)).toEqual([bad.id]);
    expect(deviating.total).toBe(1);
    expect(
      (await call(wb, 'history:list', { check: 'conforms', text: 'in_progress' })).items.map((c) => c.id),
    ).toEqual([good.id]);
    const summary = await call(wb, 'check:summary');
    expect(summary.verdicts).toEqual({
      conforms: 1,
      deviates: 1,
      unidentified: 0,
      'not-json': 1,
      pending: 0,
    });
    expect(summary.events).toEqual([
      { provider: 'credo-ai', eventType: 'use_case_review_status_updated', count: 2, deviates: 1 },
    ]);
    expect(summary.findings).toContainEqual(
      expect.objectContaining({ path: 'data.status', kind: 'type', severity: 'error', count: 1 }),
    );
    expect(summary.findings).toContainEqual(
      expect.objectContaining({ path: '', kind: 'not-json', provider: null }),
    );
  });

  it('re-checks the history after the catalogue changes, with progress', async () => {
    const capture = await checked({ kind: 'order.paid', order: { id: 1 } });
    expect(capture.check.verdict).toBe('unidentified');
    const progress: CheckProgress[] = [];
    wb.events.on('check:progress', (p) => progress.push(p));
    const done = doneProgress('catalog-changed');
    await call(wb, 'catalog:import', { content: SHOP_SPEC, filename: 'shop.json' });
    expect((await done).changed).toBe(1);
    expect(progress[0]).toMatchObject({ state: 'running', reason: 'catalog-changed' });
    expect((await call(wb, 'history:get', { id: capture.id })).check).toMatchObject({
      verdict: 'conforms',
      provider: 'shop',
      eventType: 'order.paid',
    });
    const removedDone = doneProgress('catalog-changed');
    await call(wb, 'catalog:remove', { provider: 'shop' });
    await removedDone;
    expect((await call(wb, 'history:get', { id: capture.id })).check.verdict).toBe('unidentified');
    expect((await call(wb, 'check:status')).job).toBeNull();
  });

  it('checks captures stored before their check ran at the next start', async () => {
    await wb.close();
    const db = openDatabase(databasePathIn(temp.dir));
    const { id } = new CaptureRepository(db).insert(newCapture({ body: JSON.stringify(CREDAS) }));
    db.close();
    wb = createWorkbench({ dataDir: temp.dir, mode: 'browser', version: 't', receiver: { port: 0 } });
    expect((await call(wb, 'history:get', { id })).check.verdict).toBe('pending');
    const done = doneProgress();
    await wb.start();
    expect(await done).toMatchObject({ reason: 'pending', done: 1, changed: 1 });
    expect((await call(wb, 'history:get', { id })).check).toMatchObject({
      verdict: 'conforms',
      eventType: 'process.completed',
    });
    expect((await call(wb, 'check:status')).pending).toBe(0);
  });

  it('checks and indexes every capture of a burst larger than what it keeps in memory', async () => {
    // 2,200 requests, 50 in flight: more than the 2,000 arrivals (and search entries) kept in memory, so the rest
    // must be read back from the table by the background work.
    const pool = new Pool(url, { connections: 50 });
    try {
      const body = JSON.stringify(CREDAS);
      let next = 0;
      await Promise.all(
        Array.from({ length: 50 }, async () => {
          while (next < 2200) {
            next++;
            const res = await pool.request({
              path: '/hooks/default',
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body,
            });
            await res.body.arrayBuffer();
            expect(res.statusCode).toBe(200);
          }
        }),
      );
    } finally {
      await pool.close();
    }
    await eventually(async () => {
      const status = await call(wb, 'check:status');
      expect(status.pending).toBe(0);
      expect(status.job).toBeNull();
    }, 30_000);
    expect((await call(wb, 'history:list', { check: 'conforms' })).total).toBe(2200);
    expect((await call(wb, 'history:list', { text: 'ProcessId' })).total).toBe(2200);
  }, 60_000);

  it('re-checks everything on request', async () => {
    await checked(FULL);
    await checked(CREDAS);
    const done = doneProgress('requested');
    expect(await call(wb, 'check:recheck', {})).toEqual({ started: true, total: 2 });
    expect(await done).toMatchObject({ done: 2, changed: 0 });
  });

  it('gives a capture’s check with the documented shape and the payload as one tree', async () => {
    let body = removed(FULL, ['data', 'reviewId']);
    body = withField(body, ['data', 'status'], 3);
    body = withField(body, ['data', 'riskScore'], 0.4);
    const capture = await checked(body);
    const out = await call(wb, 'check:capture', { id: capture.id });
    expect(out.documented).toMatchObject({
      provider: 'credo-ai',
      eventType: 'use_case_review_status_updated',
      deprecated: false,
    });
    const nodes = new Map<string, ShapeNode>();
    const walk = (node: ShapeNode): void => {
      nodes.set(node.path, node);
      node.children.forEach(walk);
    };
    walk(out.tree!);
    expect(nodes.get('data.reviewId')).toMatchObject({
      status: 'missing',
      required: true,
      receivedType: null,
      documentedType: 'string',
    });
    expect(nodes.get('data.status')).toMatchObject({
      status: 'type-changed',
      documentedType: 'string',
      receivedType: 'integer',
      preview: '3',
    });
    expect(nodes.get('data.riskScore')).toMatchObject({
      status: 'undocumented',
      documentedType: null,
      receivedType: 'number',
    });
    expect(nodes.get('data.user.email')).toMatchObject({
      status: 'ok',
      required: true,
      preview: '"cemenenkoff@credo.ai"',
    });
    expect(nodes.get('data.user.userId')).toMatchObject({ status: 'ok', required: false });
    for (const [i, finding] of out.result.findings.entries())
      expect(nodes.get(finding.path)?.findings).toContain(i);

    const credas = await checked({
      UpdateType: 1,
      Payload: JSON.stringify(withField(CREDAS, ['Extra'], true)),
    });
    const tree = (await call(wb, 'check:capture', { id: credas.id })).tree!;
    const payload = tree.children.find((n) => n.key === 'Payload')!;
    expect(payload).toMatchObject({ decoded: true, status: 'ok', receivedType: 'string' });
    expect(payload.children.map((n) => [n.path, n.status])).toContainEqual(['Payload.Extra', 'undocumented']);
    expect(payload.children.map((n) => [n.path, n.status])).toContainEqual(['Payload.ProcessId', 'ok']);

    const twice = await checked(JSON.stringify(JSON.stringify(FULL)));
    const root = (await call(wb, 'check:capture', { id: twice.id })).tree!;
    expect(root).toMatchObject({ status: 'type-changed', decoded: true, receivedType: 'string' });
    expect(root.children.find((n) => n.key === 'data')?.status).toBe('ok');

    const unidentified = await checked({ hello: 'world' });
    expect(await call(wb, 'check:capture', { id: unidentified.id })).toMatchObject({
      tree: null,
      documented: null,
    });
  });

  it('checks a payload given as text through the contract', async () => {
    const result = await call(wb, 'check:payload', {
      body: JSON.stringify({ ...FULL, type: 'Acme.use_case_review_status_updated.v2' }),
      contentType: 'application/json',
      expected: { prefix: 'CredoAI' },
    });
    expect(result).toMatchObject({ provider: 'credo-ai', verdict: 'conforms', conforms: true });
    expect(result.findings.map((f) => f.kind)).toEqual(['envelope']);
    await expect(call(wb, 'check:payload', { body: '{}', event: 'use_case_review_coment' })).rejects.toThrow(
      /Did you mean "use_case_review_comment"/,
    );
  });

  it('reports drift per event type over the history: fields seen vs documented, counts, first and last seen', async () => {
    const a = await checked(withField(FULL, ['data', 'riskScore'], 1));
    const b = await checked(withField(FULL, ['data', 'riskScore'], 'high'));
    const c = await checked(removed(FULL, ['data', 'user']));
    await checked({ UpdateType: 1, Payload: JSON.stringify(CREDAS) });
    const report = await call(wb, 'check:drift', { event: 'CredoAI.use_case_review_status_updated.v1' });
    expect(report.captures).toBe(3);
    const [event] = report.events;
    expect(event).toMatchObject({
      provider: 'credo-ai',
      eventType: 'use_case_review_status_updated',
      payloadDocumented: 'yes',
      captures: 3,
      conforms: 2,
      deviates: 1,
      firstSeen: a.receivedAt,
      lastSeen: c.receivedAt,
    });
    const field = (path: string) => event!.fields.find((f) => f.path === path);
    expect(field('data.riskScore')).toMatchObject({
      documented: false,
      status: 'undocumented',
      count: 2,
      seenTypes: [
        { type: 'integer', count: 1 },
        { type: 'string', count: 1 },
      ],
      firstSeen: a.receivedAt,
      lastSeen: b.receivedAt,
    });
    expect(field('data.user')).toMatchObject({
      documented: true,
      required: true,
      status: 'ok',
      count: 2,
      lastSeen: b.receivedAt,
    });
    expect(field('data.reviewId')).toMatchObject({ count: 3, status: 'ok', documentedTypes: ['string'] });
    expect(field('data.user.nickname')).toMatchObject({ documented: true, count: 2 });
    expect(field('data.user.job')).toMatchObject({
      documentedTypes: ['string', 'null'],
      seenTypes: [{ type: 'null', count: 2 }],
    });

    const all = await call(wb, 'check:drift', {});
    expect(all.events.map((e) => e.eventType)).toEqual(['use_case_review_status_updated', 'status.update']);
    const credas = all.events[1]!;
    expect(credas.fields.find((f) => f.path === 'Payload.ProcessId')).toMatchObject({
      decoded: true,
      count: 1,
      documented: true,
    });
    const never = await call(wb, 'check:drift', { provider: 'credas', event: 'process.completed' });
    expect(never.events[0]).toMatchObject({ captures: 0, firstSeen: null });
    expect(never.events[0]!.fields.every((f) => f.status === 'never-seen')).toBe(true);
  });

  it('exports the observed shape as a JSON Schema', async () => {
    await checked(withField(FULL, ['data', 'riskScore'], 1));
    await checked(withField(removed(FULL, ['time']), ['data', 'riskScore'], 'high'));
    const out = await call(wb, 'check:observed-schema', {
      provider: 'credo-ai',
      event: 'use_case_review_status_updated',
    });
    expect(out).toMatchObject({
      provider: 'credo-ai',
      eventType: 'use_case_review_status_updated',
      captures: 2,
    });
    type Node = { type?: unknown; format?: string; properties: Record<string, Node>; required?: string[] };
    const schema = out.schema as Node & { $schema: string };
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.type).toBe('object');
    expect(schema.required).toEqual(['data', 'type', 'source', 'subject']);
    expect(schema.properties.time).toEqual({ type: 'string', format: 'date-time' });
    const data = schema.properties.data!;
    expect(data.properties.riskScore).toEqual({ type: ['integer', 'string'] });
    expect(data.properties.user!.properties.job).toEqual({ type: 'null' });
    expect(data.properties.user!.properties.email).toEqual({ type: 'string', format: 'email' });
    // The inferred schema accepts what it was inferred from.
    const { Ajv2020 } = await import('ajv/dist/2020.js');
    const ajv = new Ajv2020({ strict: false, validateFormats: false });
    expect(ajv.validate(schema, withField(FULL, ['data', 'riskScore'], 2))).toBe(true);
    expect(ajv.validate(schema, FULL)).toBe(false);
  });

  it('promotes a capture to a catalogue example, labelled observed with its date', async () => {
    const capture = await checked(CREDAS);
    const out = await call(wb, 'catalog:promote-example', { captureId: capture.id });
    const day = new Date(capture.receivedAt).toISOString().slice(0, 10);
    expect(out).toMatchObject({
      provider: 'credas',
      eventType: 'process.completed',
      example: {
        name: `observed-${day}-capture-${capture.id}`,
        summary: expect.stringMatching(new RegExp(`^Observed: received ${day} `)) as string,
        value: CREDAS,
        observedAt: capture.receivedAt,
        source: { document: 'observed', section: `capture #${capture.id}` },
      },
    });
    const listed = async () =>
      (await call(wb, 'catalog:get', { provider: 'credas' })).events.find(
        (e) => e.name === 'process.completed',
      )!.examples;
    expect((await listed()).map((e) => e.name)).toEqual(['documented', out.example.name]);
    await wb.close();
    await open();
    expect((await listed()).map((e) => e.name)).toEqual(['documented', out.example.name]);
    const stranger = await checked({ hello: 'world' });
    await expect(call(wb, 'catalog:promote-example', { captureId: stranger.id })).rejects.toThrow(
      /is not identified as a documented event/,
    );
  });
});
