import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWorkbench, type Workbench } from '../../../../../src/main/core/workbench';
import type { FireProgress } from '../../../../../src/shared/fire-models';
import type { CaptureDetail } from '../../../../../src/shared/models';
import { call } from '../../../../helpers/call';
import { eventually, startDownstream } from '../../../../helpers/downstream-server';
import { makeTempDir } from '../../../../helpers/temp-dir';

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

function header(c: CaptureDetail, name: string): string | undefined {
  return c.headers.find(([n]) => n.toLowerCase() === name)?.[1];
}

describe('firing catalogued events', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let wb: Workbench;
  let progress: FireProgress[];
  beforeEach(async () => {
    temp = makeTempDir();
    wb = createWorkbench({ dataDir: temp.dir, mode: 'browser', version: '1.0.0', receiver: { port: 0 } });
    progress = [];
    wb.events.on('fire:progress', (p) => progress.push(p));
    await wb.start();
  });
  afterEach(async () => {
    await wb.close();
    temp.remove();
  });

  const captures = async (inbox: string): Promise<CaptureDetail[]> => {
    // Straight to the handlers, so changes elsewhere to capture shapes do not fail these tests.
    const list = await wb.handlers['history:list']({ inbox, limit: 100 });
    return Promise.all([...list.items].reverse().map(async (c) => wb.handlers['history:get']({ id: c.id })));
  };

  it('lists, shows and samples through the contract', async () => {
    const providers = await call(wb, 'catalog:list');
    expect(providers.map((p) => p.id)).toEqual(['compliance-platform-v1', 'credas', 'credo-ai']);
    const credo = await call(wb, 'catalog:get', { provider: 'credo-ai' });
    expect(credo.events).toHaveLength(15);
    const sample = await call(wb, 'fire:sample', {
      provider: 'credo-ai',
      event: 'use_case_review_comment',
      envelope: { suffix: null },
    });
    expect((sample.payload as { type: string }).type).toBe('CredoAI.use_case_review_comment');
    expect(JSON.parse(sample.body)).toEqual(sample.payload);
    expect(Object.keys(sample.ids).sort()).toEqual(['review', 'tagged_user', 'use_case']);
    await expect(call(wb, 'catalog:get', { provider: 'nope' })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('fires to an inbox with the provider headers, a signature the inbox verifies, and custom headers', async () => {
    // Straight to the handlers: inbox outputs are being reshaped by another change.
    await wb.handlers['inbox:create']({ slug: 'credo' });
    await wb.handlers['inbox:set-verification']({
      slug: 'credo',
      scheme: 'svix',
      secret: SECRET,
      options: {},
    });
    const result = await call(wb, 'fire:send', {
      provider: 'credo-ai',
      event: 'use_case_review_status_updated',
      target: { kind: 'inbox', inbox: 'credo' },
      headers: [['X-Trace', 'abc']],
      sign: { scheme: 'svix', secret: SECRET },
    });
    expect(result.state).toBe('delivered');
    expect(result.attempts).toHaveLength(1);
    expect(result.attempts[0]?.exchange.status).toBe(200);
    expect(result.messageId).toMatch(/^msg_[0-9A-Za-z]{27}$/);
    const [capture] = await captures('credo');
    if (!capture) throw new Error('nothing arrived');
    expect(Buffer.from(capture.bodyBase64, 'base64').toString()).toBe(result.body);
    const body = JSON.parse(result.body) as { type: string; data: { status: string } };
    expect(body.type).toBe('CredoAI.use_case_review_status_updated.v1');
    expect(header(capture, 'svix-id')).toBe(result.messageId);
    expect(header(capture, 'user-agent')).toBe('Svix-Webhooks/1.23.0');
    expect(header(capture, 'content-type')).toBe('application/json');
    expect(header(capture, 'x-trace')).toBe('abc');
    expect(header(capture, 'svix-signature')).toMatch(/^v1,/);
    expect(capture.signature.verdict).toBe('valid');
    expect(capture.deliveryId).toBe(result.messageId);
  });

  it('retries on the provider schedule, compressed, with one message id until the inbox accepts', async () => {
    await wb.handlers['inbox:create']({
      slug: 'flaky',
      settings: { failure: { failFirstAttempts: 2, failPercent: 0, failStatus: 503, neverAnswer: false } },
    });
    const started = Date.now();
    const first = await call(wb, 'fire:send', {
      provider: 'credo-ai',
      event: 'use_case_name_updated',
      target: { kind: 'inbox', inbox: 'flaky' },
      retry: { schedule: 'provider', compression: 1000 },
    });
    // The answer comes after the first attempt; the rest arrive as progress events.
    expect(first.state).toBe('retrying');
    expect(first.attempts).toHaveLength(1);
    expect(first.attempts[0]).toMatchObject({ attempt: 1, ok: false, nextInMs: 5 });
    await eventually(() =>
      expect(progress.some((p) => p.runId === first.runId && p.state === 'delivered')).toBe(true),
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    const attempts = progress.filter((p) => p.runId === first.runId).map((p) => p.attempt);
    expect(attempts.map((a) => a?.exchange.status)).toEqual([503, 503, 200]);
    expect(attempts.map((a) => a?.nextInMs)).toEqual([5, 300, null]);
    const arrived = await captures('flaky');
    expect(arrived.map((c) => [c.deliveryId, c.attempt, c.status])).toEqual([
      [first.messageId, 1, 503],
      [first.messageId, 2, 503],
      [first.messageId, 3, 200],
    ]);
    const bodies = new Set(arrived.map((c) => c.bodyBase64));
    expect(bodies.size).toBe(1);
  });

  it('gives up after the schedule, and can be cancelled', async () => {
    const down = await startDownstream(() => ({ status: 500 }));
    try {
      const failed = await wb.handlers['fire:send']({
        provider: 'credas',
        event: 'process.completed',
        target: { kind: 'url', url: `${down.url}/hook` },
        headers: [],
        timeoutMs: 2000,
        retry: { schedule: [0, 1, 1], compression: 1000 },
      });
      await eventually(() =>
        expect(progress.find((p) => p.runId === failed.runId && p.state === 'failed')).toBeDefined(),
      );
      expect(down.seen).toHaveLength(3);
      expect(
        new Set(
          down.seen.map(
            (r) => r.rawHeaders[r.rawHeaders.findIndex((h) => h.toLowerCase() === 'webhook-id') + 1],
          ),
        ).size,
      ).toBe(1);

      const slow = await call(wb, 'fire:send', {
        provider: 'credas',
        event: 'process.completed',
        target: { kind: 'url', url: `${down.url}/hook` },
        retry: { schedule: 'svix' },
      });
      expect(slow.state).toBe('retrying');
      expect(await call(wb, 'fire:cancel', { runId: slow.runId })).toEqual({ cancelled: true });
      await eventually(() =>
        expect(progress.find((p) => p.runId === slow.runId && p.state === 'cancelled')).toBeDefined(),
      );
      expect(await call(wb, 'fire:cancel', { runId: slow.runId })).toEqual({ cancelled: false });
    } finally {
      await down.close();
    }
  });

  it('sends an edited body as it is, re-composing the type when asked', async () => {
    const down = await startDownstream(() => ({ status: 204 }));
    try {
      const body = '{"data":{"x":1},"type":"whatever"}';
      const plain = await call(wb, 'fire:send', {
        provider: 'credo-ai',
        event: 'use_case_icon_updated',
        body,
        target: { kind: 'url', url: `${down.url}/a` },
      });
      expect(plain.body).toBe(body);
      const recomposed = await call(wb, 'fire:send', {
        provider: 'credo-ai',
        event: 'use_case_icon_updated',
        body,
        envelope: { prefix: 'Acme', suffix: '' },
        target: { kind: 'url', url: `${down.url}/b` },
      });
      expect(JSON.parse(recomposed.body)).toEqual({ data: { x: 1 }, type: 'Acme.use_case_icon_updated' });
      expect(down.seen.map((r) => r.body.toString())).toEqual([plain.body, recomposed.body]);
      expect(recomposed.attempts[0]?.exchange.status).toBe(204);
    } finally {
      await down.close();
    }
  });

  it('refuses what cannot be fired, with messages that say why', async () => {
    const url = { kind: 'url' as const, url: 'http://127.0.0.1:9/x' };
    await expect(
      call(wb, 'fire:send', { provider: 'compliance-platform-v1', event: 'all', target: url }),
    ).rejects.toThrow(/subscription wildcard/);
    await expect(
      call(wb, 'fire:send', { provider: 'credo-ai', event: 'use_case_nme_updated', target: url }),
    ).rejects.toThrow(/Did you mean "use_case_name_updated"/);
    await expect(
      call(wb, 'fire:send', {
        provider: 'credo-ai',
        event: 'use_case_name_updated',
        target: { kind: 'inbox', inbox: 'missing' },
      }),
    ).rejects.toThrow(/No inbox "missing"/);
    await expect(
      call(wb, 'fire:send', {
        provider: 'credo-ai',
        event: 'use_case_name_updated',
        target: { kind: 'subscriptions', tenant: 't' },
      }),
    ).rejects.toMatchObject({ code: 'unavailable' });
  });

  it('imports a user spec (YAML) that then appears in the catalogue and can be fired', async () => {
    const yaml = [
      'openapi: 3.1.0',
      'info: {title: Acme Payments, version: "2"}',
      'x-provider: {id: acme, name: Acme}',
      'x-identify: {rules: [{kind: field, pointer: /event}]}',
      'webhooks:',
      '  payment.succeeded:',
      '    post:',
      '      summary: A payment went through',
      '      requestBody:',
      '        content:',
      '          application/json:',
      '            schema:',
      '              type: object',
      '              required: [event, id, amount]',
      '              properties:',
      '                event: {const: payment.succeeded}',
      '                id: {type: string, format: uuid}',
      '                amount: {type: integer, minimum: 100}',
    ].join('\n');
    const imported = await call(wb, 'catalog:import', { content: yaml, filename: 'acme.yaml' });
    expect(imported.provider).toMatchObject({
      id: 'acme',
      origin: 'user',
      eventCount: 1,
      file: 'acme.openapi.yaml',
    });
    expect((await call(wb, 'catalog:list')).map((p) => p.id)).toContain('acme');
    const sample = await call(wb, 'fire:sample', { provider: 'acme', event: 'payment.succeeded' });
    expect(sample.payload).toMatchObject({ event: 'payment.succeeded', amount: 100 });
    await expect(
      call(wb, 'catalog:import', { content: yaml.replace('id: acme', 'id: credo-ai'), filename: 'x.yaml' }),
    ).rejects.toThrow(/belongs to a shipped provider/);
    await expect(call(wb, 'catalog:import', { content: 'openapi: [', filename: 'bad.yaml' })).rejects.toThrow(
      /bad\.yaml: not valid YAML/,
    );
    expect(await call(wb, 'catalog:remove', { provider: 'acme' })).toEqual({ removed: true });
    await expect(call(wb, 'catalog:remove', { provider: 'credo-ai' })).rejects.toThrow(/shipped provider/);
    expect((await call(wb, 'catalog:list')).map((p) => p.id)).not.toContain('acme');
  });
});
