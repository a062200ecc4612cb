import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWorkbench, type Workbench } from '../../../../src/main/core/workbench';
import type { CaptureSummary } from '../../../../src/shared/models';
import { call } from '../../../helpers/call';
import { makeTempDir } from '../../../helpers/temp-dir';

describe('workbench', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let workbench: Workbench | undefined;
  beforeEach(() => {
    temp = makeTempDir();
  });
  afterEach(async () => {
    await workbench?.close();
    workbench = undefined;
    temp.remove();
  });

  function open(port = 0, fallbackToFreePort = false): Workbench {
    workbench = createWorkbench({
      dataDir: temp.dir,
      mode: 'browser',
      version: '9.9.9',
      receiver: { port, fallbackToFreePort },
    });
    return workbench;
  }

  it('stores a webhook before acknowledging it and reports it as an event', async () => {
    const wb = open();
    const status = await wb.start();
    expect(status.state).toBe('listening');
    const received: CaptureSummary[] = [];
    wb.events.on('capture:received', (c) => received.push(c));

    const body = JSON.stringify({ type: 'CredoAI.use_case_name_updated.v1', data: { id: 'x' } });
    const response = await fetch(`${status.url}/hooks/default?attempt=1`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Svix-Id': 'msg_1' },
      body,
    });
    expect(response.status).toBe(200);

    // Acknowledged means committed: another connection sees the row right away.
    const other = new Database(wb.databasePath, { readonly: true });
    expect(other.prepare('SELECT count(*) AS n FROM captures').get()).toEqual({ n: 1 });
    other.close();

    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({
      method: 'POST',
      url: '/hooks/default?attempt=1',
      path: '/hooks/default',
      contentType: 'application/json',
      size: Buffer.byteLength(body),
      status: 200,
      inbox: 'default',
      truncated: false,
    });

    const list = await call(wb, 'history:list', { limit: 10 });
    expect(list.total).toBe(1);
    expect(list.items[0]).toEqual(received[0]);

    const detail = await call(wb, 'history:get', { id: received[0]!.id });
    expect(Buffer.from(detail.bodyBase64, 'base64').toString()).toBe(body);
    expect(detail.headers.find(([name]) => name.toLowerCase() === 'svix-id')?.[1]).toBe('msg_1');
    expect(detail.response.status).toBe(200);
    expect(Buffer.from(detail.response.bodyBase64, 'base64').toString()).toBe('{"received":true}');
    expect(detail.remoteAddress).toBe('127.0.0.1');
  });

  it('pages newest first with a keyset cursor', async () => {
    const wb = open();
    const { url } = await wb.start();
    for (let i = 0; i < 5; i++) await fetch(`${url}/n/${i}`, { method: 'POST', body: String(i) });
    const first = await call(wb, 'history:list', { limit: 2 });
    expect(first.items.map((c) => c.path)).toEqual(['/n/4', '/n/3']);
    const next = await call(wb, 'history:list', { limit: 2, beforeId: first.items[1]!.id });
    expect(next.items.map((c) => c.path)).toEqual(['/n/2', '/n/1']);
    expect(next.total).toBe(5);
  });

  it('keeps the history across restarts', async () => {
    const wb = open();
    const { url } = await wb.start();
    await fetch(`${url}/keep`, { method: 'POST', body: 'kept' });
    await wb.close();
    const again = open();
    expect((await call(again, 'history:list', { limit: 10 })).items.map((c) => c.path)).toEqual(['/keep']);
  });

  it('reports a missing capture as not_found with its id', async () => {
    const wb = open();
    await expect(call(wb, 'history:get', { id: 42 })).rejects.toThrow('There is no capture with id 42.');
  });

  it('explains a taken port, or moves to a free one when allowed', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const taken = (blocker.address() as AddressInfo).port;
    try {
      const strict = open(taken);
      const failed = await strict.start();
      expect(failed.state).toBe('failed');
      expect(failed.error).toBe(
        `Port ${taken} on 127.0.0.1 is already in use. Pick another port (0 picks a free one).`,
      );
      await strict.close();

      const lenient = open(taken, true);
      const moved = await lenient.start();
      expect(moved.state).toBe('listening');
      expect(moved.port).not.toBe(taken);
    } finally {
      blocker.close();
    }
  });

  it('describes itself through app:info', async () => {
    const wb = open();
    await wb.start();
    const info = await call(wb, 'app:info');
    expect(info).toMatchObject({ version: '9.9.9', dataDir: temp.dir, mode: 'browser', captureCount: 0 });
    expect(info.receiver.state).toBe('listening');
  });
});
