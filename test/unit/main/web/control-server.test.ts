import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWorkbench, type Workbench } from '../../../../src/main/core/workbench';
import { ControlServer } from '../../../../src/main/web/control-server';
import { httpRequest } from '../../../helpers/http-request';
import type { Result } from '../../../../src/shared/models';

const parse = (body: string) =>
  JSON.parse(body) as Result<unknown> & { error: { code: string; message: string } };
import { makeTempDir } from '../../../helpers/temp-dir';

const TOKEN = 'test-token-123';

describe('ControlServer (browser mode transport)', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let workbench: Workbench;
  let control: ControlServer;
  let base: string;
  let port: number;

  beforeEach(async () => {
    temp = makeTempDir();
    const rendererDir = join(temp.dir, 'renderer');
    mkdirSync(join(rendererDir, 'assets'), { recursive: true });
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Hookbench</title>');
    writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(temp.dir, 'secret.txt'), 'do not serve');
    workbench = createWorkbench({
      dataDir: join(temp.dir, 'data'),
      mode: 'browser',
      version: '1.0.0',
      receiver: { port: 0 },
    });
    await workbench.start();
    control = new ControlServer({
      handlers: workbench.handlers,
      events: workbench.events,
      rendererDir,
      token: TOKEN,
    });
    const address = await control.listen();
    port = address.port;
    base = `http://127.0.0.1:${port}`;
    expect(address.uiUrl).toBe(`${base}/?token=${TOKEN}`);
  });
  afterEach(async () => {
    await control.close();
    await workbench.close();
    temp.remove();
  });

  const api = (channel: string, body: unknown, headers: Record<string, string> = {}) =>
    httpRequest(`${base}/api/${channel}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Hookbench-Token': TOKEN, ...headers },
      body: JSON.stringify(body),
    });

  it('answers a request channel with a Result', async () => {
    const res = await api('history:list', { limit: 5 });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ ok: true, data: { items: [], total: 0, totalCapped: false } });
  });

  it('turns bad input, unknown channels and missing captures into error Results', async () => {
    const bad = await api('history:list', { limit: -1 });
    expect(bad.status).toBe(400);
    expect(parse(bad.body).error.code).toBe('invalid_input');
    const unknown = await api('history:nuke', {});
    expect(unknown.status).toBe(404);
    expect(parse(unknown.body).error.code).toBe('unknown_channel');
    const missing = await api('history:get', { id: 3 });
    expect(missing.status).toBe(404);
    expect(parse(missing.body).error.message).toBe('There is no capture with id 3.');
    const notJson = await httpRequest(`${base}/api/history:list`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Hookbench-Token': TOKEN },
      body: '{oops',
    });
    expect(parse(notJson.body).error.message).toBe('The request body is not valid JSON.');
  });

  it('refuses requests without the token, with a wrong token, or not sent as JSON', async () => {
    for (const headers of [{ 'X-Hookbench-Token': 'wrong' }, { 'X-Hookbench-Token': '' }]) {
      const res = await api('history:list', {}, headers);
      expect(res.status).toBe(403);
    }
    const form = await httpRequest(`${base}/api/history:list`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain', 'X-Hookbench-Token': TOKEN },
      body: '{}',
    });
    expect(form.status).toBe(400);
    const get = await httpRequest(`${base}/api/history:list`, { headers: { 'X-Hookbench-Token': TOKEN } });
    expect(get.status).toBe(400);
  });

  it('refuses foreign Host and Origin headers (DNS rebinding, CSRF) even with the token', async () => {
    const rebound = await api('history:list', {}, { Host: `evil.example:${port}` });
    expect(rebound.status).toBe(403);
    expect(parse(rebound.body).error.message).toContain('is not this control server');
    const csrf = await api('history:list', {}, { Origin: 'https://evil.example' });
    expect(csrf.status).toBe(403);
    const crossSite = await api('history:list', {}, { 'Sec-Fetch-Site': 'cross-site' });
    expect(crossSite.status).toBe(403);
    const page = await httpRequest(`${base}/`, { headers: { Host: `attacker.test:${port}` } });
    expect(page.status).toBe(403);
    const own = await api('history:list', {}, { Origin: base, Host: `localhost:${port}` });
    expect(own.status).toBe(200);
  });

  it('serves the renderer with a strict CSP, falls back to index.html and never leaves its folder', async () => {
    const index = await httpRequest(`${base}/?token=${TOKEN}`);
    expect(index.status).toBe(200);
    expect(index.body).toContain('<title>Hookbench</title>');
    expect(index.headers['content-security-policy']).toContain("script-src 'self'");
    expect(index.headers['referrer-policy']).toBe('no-referrer');
    const asset = await httpRequest(`${base}/assets/app.js`);
    expect(asset.headers['content-type']).toBe('text/javascript; charset=utf-8');
    const deep = await httpRequest(`${base}/settings`);
    expect(deep.body).toContain('<title>Hookbench</title>');
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt']) {
      const res = await httpRequest(`${base}${path}`);
      expect(res.body).not.toContain('do not serve');
    }
  });

  it('streams contract events to a client holding the token', async () => {
    const denied = await httpRequest(`${base}/api/events?token=nope`);
    expect(denied.status).toBe(403);

    const controller = new AbortController();
    const stream = await fetch(`${base}/api/events?token=${TOKEN}`, { signal: controller.signal });
    expect(stream.headers.get('content-type')).toContain('text/event-stream');
    const reader = stream.body!.getReader() as ReadableStreamDefaultReader<Uint8Array>;
    const decoder = new TextDecoder();
    let text = decoder.decode((await reader.read()).value);
    expect(text).toContain(': connected');

    await fetch(`${workbench.status().url}/hooks/default`, { method: 'POST', body: '{"a":1}' });
    while (!text.includes('event: capture:received')) text += decoder.decode((await reader.read()).value);
    const dataLine = text.split('\n').find((l) => l.startsWith('data: '))!;
    expect(JSON.parse(dataLine.slice(6))).toMatchObject({ method: 'POST', path: '/hooks/default', size: 7 });
    controller.abort();
  });
});
