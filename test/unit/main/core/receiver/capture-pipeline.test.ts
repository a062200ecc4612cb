import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWorkbench, type Workbench } from '../../../../../src/main/core/workbench';
import type { CaptureSummary } from '../../../../../src/shared/models';
import { eventually, startDownstream } from '../../../../helpers/downstream-server';
import { httpRequest } from '../../../../helpers/http-request';
import { call } from '../../../../helpers/call';
import { makeTempDir } from '../../../../helpers/temp-dir';

describe('capture pipeline: inboxes, response rules, failure simulation, forwarding', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let wb: Workbench;
  let url: string;
  const cleanups: (() => Promise<void>)[] = [];

  beforeEach(async () => {
    temp = makeTempDir();
    wb = createWorkbench({
      dataDir: temp.dir,
      mode: 'browser',
      version: 't',
      receiver: { port: 0, allowedHosts: [] },
    });
    url = (await wb.start()).url!;
  });
  afterEach(async () => {
    for (const c of cleanups.splice(0)) await c();
    await wb.close();
    temp.remove();
  });

  const latest = async (): Promise<CaptureSummary> =>
    (await call(wb, 'history:list', { limit: 1 })).items[0]!;
  const post = (path: string, headers: Record<string, string> = {}, body = '{"a":1}') =>
    fetch(`${url}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body,
    });

  it('routes /hooks/<slug>/… to its inbox and anything else to default, marked unmatched', async () => {
    const created = await call(wb, 'inbox:create', { slug: 'stripe', name: 'Stripe test' });
    expect(created.url).toBe(`${url}/hooks/stripe`);
    await post('/hooks/stripe/sub/path?x=1&x=2');
    expect(await latest()).toMatchObject({
      inbox: 'stripe',
      unmatched: false,
      url: '/hooks/stripe/sub/path?x=1&x=2',
    });
    await post('/hooks/default');
    expect(await latest()).toMatchObject({ inbox: 'default', unmatched: false });
    for (const path of ['/webhook', '/hooks/nope', '/hooks/stripex', '/']) {
      await post(path);
      expect(await latest()).toMatchObject({ inbox: 'default', unmatched: true, path });
    }
    const inboxes = await call(wb, 'inbox:list');
    expect(inboxes.map((i) => [i.slug, i.captureCount])).toEqual([
      ['default', 5],
      ['stripe', 1],
    ]);
  });

  it('answers with the inbox rule: status, headers, body and delay', async () => {
    await call(wb, 'inbox:create', {
      slug: 'slow',
      settings: {
        response: { status: 202, headers: [['X-Rule', 'on']], body: 'queued', delayMs: 150 },
      },
    });
    const started = performance.now();
    const res = await post('/hooks/slow');
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    expect(res.status).toBe(202);
    expect(res.headers.get('x-rule')).toBe('on');
    expect(await res.text()).toBe('queued');
    const detail = await call(wb, 'history:get', { id: (await latest()).id });
    expect(detail.response.status).toBe(202);
    expect(Buffer.from(detail.response.bodyBase64, 'base64').toString()).toBe('queued');
  });

  it('fails the first N attempts of each message, grouped by svix-id, and shows the attempt timeline', async () => {
    const settings = (await call(wb, 'inbox:list'))[0]!.settings;
    await call(wb, 'inbox:update', {
      slug: 'default',
      settings: { ...settings, failure: { ...settings.failure, failFirstAttempts: 2, failStatus: 503 } },
    });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await post('/hooks/default', { 'svix-id': 'msg_A' })).status);
    statuses.push((await post('/hooks/default', { 'svix-id': 'msg_B' })).status);
    expect(statuses).toEqual([503, 503, 200, 503]);
    const attempts = await call(wb, 'history:attempts', { deliveryId: 'msg_A' });
    expect(attempts.map((a) => [a.attempt, a.status])).toEqual([
      [1, 503],
      [2, 503],
      [3, 200],
    ]);
  });

  it('groups by a header the user names, and by webhook-id otherwise', async () => {
    await call(wb, 'inbox:create', { slug: 'custom', settings: { deliveryIdHeader: 'X-Delivery' } });
    await post('/hooks/custom', { 'x-delivery': 'd1', 'svix-id': 'ignored' });
    await post('/hooks/custom', { 'X-Delivery': 'd1' });
    expect(await latest()).toMatchObject({ deliveryId: 'd1', attempt: 2 });
    await post('/hooks/default', { 'webhook-id': 'w1' });
    expect(await latest()).toMatchObject({ deliveryId: 'w1', attempt: 1 });
    await post('/hooks/default');
    expect(await latest()).toMatchObject({ deliveryId: null, attempt: 1 });
  });

  it('fails a percentage at random', async () => {
    const settings = (await call(wb, 'inbox:list'))[0]!.settings;
    await call(wb, 'inbox:update', {
      slug: 'default',
      settings: { ...settings, failure: { ...settings.failure, failPercent: 100 } },
    });
    expect((await post('/hooks/default')).status).toBe(500);
    await call(wb, 'inbox:update', {
      slug: 'default',
      settings: { ...settings, failure: { ...settings.failure, failPercent: 0 } },
    });
    expect((await post('/hooks/default')).status).toBe(200);
  });

  it('never answers when asked to, but still stores the request first', async () => {
    const settings = (await call(wb, 'inbox:list'))[0]!.settings;
    await call(wb, 'inbox:update', {
      slug: 'default',
      settings: { ...settings, failure: { ...settings.failure, neverAnswer: true } },
    });
    // The sender gives up (its timeout); the receiver must have stored the request before holding it.
    const controller = new AbortController();
    const pending = fetch(`${url}/hooks/default`, {
      method: 'POST',
      body: 'held',
      signal: controller.signal,
    });
    await eventually(async () => expect((await call(wb, 'history:list', { limit: 5 })).total).toBe(1));
    controller.abort();
    await expect(pending).rejects.toThrow();
    expect(await latest()).toMatchObject({ status: 0 });
  }, 10_000);

  it('forwards every capture and stores the downstream answer beside it (rule mode)', async () => {
    const downstream = await startDownstream();
    cleanups.push(downstream.close);
    const updates: CaptureSummary[] = [];
    wb.events.on('capture:updated', (c) => updates.push(c));
    const settings = (await call(wb, 'inbox:list'))[0]!.settings;
    await call(wb, 'inbox:update', {
      slug: 'default',
      settings: {
        ...settings,
        forward: { url: `${downstream.url}/in`, respondWith: 'rule', timeoutMs: 2000 },
      },
    });
    const res = await post('/hooks/default?q=1', { 'X-Case': 'Kept' }, '{"exact": "bytes"}');
    expect(res.status).toBe(200);
    // One update when the check against the documentation is stored, one when the forward's answer is.
    await eventually(() => expect(updates).toHaveLength(2));
    expect(downstream.seen[0]!.body.toString()).toBe('{"exact": "bytes"}');
    expect(downstream.seen[0]!.rawHeaders).toContain('X-Case');
    const detail = await call(wb, 'history:get', { id: updates[0]!.id });
    expect(detail.forwarded).toMatchObject({ status: 201, url: `${downstream.url}/in`, error: null });
    expect(Buffer.from(detail.forwarded!.bodyBase64, 'base64').toString()).toBe('created downstream');
  });

  it('answers the sender with the downstream response in downstream mode, or 502 when it is down', async () => {
    const downstream = await startDownstream(() => ({
      status: 418,
      headers: { 'X-From': 'down' },
      body: 'teapot',
    }));
    cleanups.push(downstream.close);
    const settings = (await call(wb, 'inbox:list'))[0]!.settings;
    const forward = { url: downstream.url, respondWith: 'downstream' as const, timeoutMs: 2000 };
    await call(wb, 'inbox:update', { slug: 'default', settings: { ...settings, forward } });
    const res = await post('/hooks/default');
    expect(res.status).toBe(418);
    expect(res.headers.get('x-from')).toBe('down');
    expect(await res.text()).toBe('teapot');
    expect(await latest()).toMatchObject({ status: 418 });

    await downstream.close();
    cleanups.pop();
    const failed = await post('/hooks/default');
    expect(failed.status).toBe(502);
    expect(await failed.text()).toMatch(/Forwarding failed: Connection refused/);
  });

  it('accepts only allowed Host names when an allow-list is set, without storing refused requests', async () => {
    await wb.close();
    wb = createWorkbench({
      dataDir: temp.dir,
      mode: 'browser',
      version: 't',
      receiver: { port: 0, allowedHosts: ['abc.trycloudflare.com'] },
    });
    url = (await wb.start()).url!;
    const port = new URL(url).port;
    const refused = await httpRequest(`${url}/hooks/default`, {
      method: 'POST',
      headers: { Host: 'evil.example' },
      body: 'x',
    });
    expect(refused.status).toBe(421);
    const tunnel = await httpRequest(`${url}/hooks/default`, {
      method: 'POST',
      headers: { Host: 'abc.trycloudflare.com' },
      body: 'x',
    });
    expect(tunnel.status).toBe(200);
    const local = await httpRequest(`${url}/hooks/default`, {
      method: 'POST',
      headers: { Host: `localhost:${port}` },
      body: 'x',
    });
    expect(local.status).toBe(200);
    expect((await call(wb, 'history:list')).total).toBe(2);
  });

  it('commits concurrent requests in batches and acknowledges only stored ones', async () => {
    const results = await Promise.all(Array.from({ length: 120 }, (_, i) => post(`/hooks/default/${i}`)));
    expect(results.every((r) => r.status === 200)).toBe(true);
    const list = await call(wb, 'history:list', { limit: 500 });
    expect(list.total).toBe(120);
    expect(new Set(list.items.map((c) => c.path)).size).toBe(120);
  });

  it('validates inbox slugs and protects the default inbox', async () => {
    await expect(call(wb, 'inbox:create', { slug: 'default' })).rejects.toThrow(
      'An inbox "default" already exists.',
    );
    await expect(call(wb, 'inbox:delete', { slug: 'default' })).rejects.toThrow(
      'The default inbox always exists.',
    );
    await expect(call(wb, 'inbox:update', { slug: 'default', newSlug: 'other' })).rejects.toThrow(
      'The default inbox keeps its slug.',
    );
  });

  it('renames, moves and deletes inboxes with their captures', async () => {
    await call(wb, 'inbox:create', { slug: 'a' });
    await post('/hooks/a');
    const moved = await call(wb, 'inbox:update', { slug: 'a', name: 'Renamed', newSlug: 'b' });
    expect(moved).toMatchObject({ slug: 'b', name: 'Renamed', captureCount: 1, url: `${url}/hooks/b` });
    await post('/hooks/b/x');
    expect(await latest()).toMatchObject({ inbox: 'b', unmatched: false });
    expect(await call(wb, 'inbox:delete', { slug: 'b' })).toEqual({ deletedCaptures: 2 });
    expect((await call(wb, 'history:list')).total).toBe(0);
  });
});
