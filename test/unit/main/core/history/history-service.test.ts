import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWorkbench, type Workbench } from '../../../../../src/main/core/workbench';
import type { HistoryListInput } from '../../../../../src/shared/models';
import type { HistoryChanged } from '../../../../../src/shared/history-models';
import { startDownstream } from '../../../../helpers/downstream-server';
import { call } from '../../../../helpers/call';
import { makeTempDir } from '../../../../helpers/temp-dir';

describe('history: filters, search, pins, deletion, retention, replay', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let wb: Workbench;
  let url: string;

  beforeEach(async () => {
    temp = makeTempDir();
    wb = createWorkbench({ dataDir: temp.dir, mode: 'browser', version: 't', receiver: { port: 0 } });
    url = (await wb.start()).url!;
  });
  afterEach(async () => {
    await wb.close();
    temp.remove();
  });

  const send = (path: string, init: RequestInit = {}) => fetch(`${url}${path}`, { method: 'POST', ...init });
  const paths = async (filter: HistoryListInput) =>
    (await call(wb, 'history:list', filter)).items.map((c) => c.path);

  async function seed(): Promise<void> {
    await call(wb, 'inbox:create', { slug: 'credo' });
    await send('/hooks/credo/1', {
      headers: { 'Content-Type': 'application/json', 'svix-id': 'msg_credo' },
      body: '{"type":"CredoAI.use_case_name_updated.v1","subject":"use_case_name_updated"}',
    });
    await send('/hooks/default/2', {
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'ProcessId=abc&Status=2',
    });
    await send('/hooks/default/3', {
      method: 'PUT',
      headers: { 'Content-Type': 'text/plain' },
      body: 'screening.completed',
    });
  }

  it('filters by inbox, method, answered status, content type and time range', async () => {
    await seed();
    expect(await paths({ inbox: 'credo' })).toEqual(['/hooks/credo/1']);
    expect(await paths({ method: 'put' })).toEqual(['/hooks/default/3']);
    expect(await paths({ status: '2xx' })).toHaveLength(3);
    expect(await paths({ status: 404 })).toEqual([]);
    expect(await paths({ contentType: 'json' })).toEqual(['/hooks/credo/1']);
    expect(await paths({ contentType: '%' })).toEqual([]);
    const all = (await call(wb, 'history:list')).items;
    const oldest = all.at(-1)!.receivedAt;
    expect(await paths({ to: oldest })).toEqual(['/hooks/credo/1']);
    expect(await paths({ from: Date.now() + 60_000 })).toEqual([]);
    const filtered = await call(wb, 'history:list', { inbox: 'default' });
    expect(filtered).toMatchObject({ total: 2, totalCapped: false });
  });

  it('searches bodies, headers and URLs with full-text search, tolerating any typed text', async () => {
    await seed();
    expect(await paths({ text: 'use_case_name_updated' })).toEqual(['/hooks/credo/1']);
    expect(await paths({ text: 'msg_credo' })).toEqual(['/hooks/credo/1']);
    expect(await paths({ text: 'ProcessId' })).toEqual(['/hooks/default/2']);
    expect(await paths({ text: 'screen' })).toEqual(['/hooks/default/3']); // prefix while typing
    expect(await paths({ text: 'credo name' })).toEqual(['/hooks/credo/1']); // every word must occur
    for (const odd of ['"', 'a OR', '(*', 'NEAR(', "'; DROP TABLE captures; --"]) {
      await expect(call(wb, 'history:list', { text: odd })).resolves.toBeTruthy();
    }
  });

  it('pins, deletes and clears, keeping pinned captures unless asked', async () => {
    await seed();
    const changes: HistoryChanged[] = [];
    wb.events.on('history:changed', (c) => changes.push(c));
    const [newest, middle] = (await call(wb, 'history:list')).items;
    expect(await call(wb, 'history:pin', { id: newest!.id, pinned: true })).toMatchObject({ pinned: true });
    expect(await paths({ pinned: true })).toEqual([newest!.path]);
    expect(await call(wb, 'history:delete', { ids: [middle!.id, 99999] })).toEqual({ deleted: 1 });
    expect(await call(wb, 'history:clear')).toEqual({ deleted: 1 });
    expect(await paths({})).toEqual([newest!.path]);
    expect(await call(wb, 'history:clear', { includePinned: true })).toEqual({ deleted: 1 });
    expect(changes.map((c) => c.reason)).toEqual(['deleted', 'cleared', 'cleared']);
    // Deleted captures leave the search index too.
    expect(await paths({ text: 'screening' })).toEqual([]);
    await expect(call(wb, 'history:pin', { id: 12345, pinned: true })).rejects.toThrow(
      'There is no capture with id 12345.',
    );
  });

  it('applies retention by count and by age, never deleting pinned captures', async () => {
    for (let i = 0; i < 5; i++) await send(`/hooks/default/${i}`, { body: String(i) });
    const first = (await call(wb, 'history:list')).items.at(-1)!;
    await call(wb, 'history:pin', { id: first.id, pinned: true });
    const settings = await call(wb, 'settings:update', { retention: { maxCaptures: 2 } });
    expect(settings.retention).toEqual({ maxCaptures: 2, maxDays: null });
    expect(await paths({})).toEqual(['/hooks/default/4', '/hooks/default/3', '/hooks/default/0']);
    await call(wb, 'settings:update', { retention: { maxCaptures: null, maxDays: 0.01 } });
    expect(await paths({})).toHaveLength(3); // all younger than ~15 minutes
    expect(await call(wb, 'settings:get')).toEqual({ retention: { maxCaptures: null, maxDays: 0.01 } });
  });

  it('replays a capture byte for byte, or edited, and stores each downstream answer', async () => {
    const downstream = await startDownstream();
    try {
      const body = Buffer.from([0x00, 0xff, 0x7b, 0x0a]);
      await send('/hooks/default?x=1', {
        headers: { 'Content-Type': 'application/octet-stream', 'X-Order': 'first' },
        body,
      });
      const { id } = (await call(wb, 'history:list')).items[0]!;
      const exact = await call(wb, 'history:replay', { id, url: `${downstream.url}/replay` });
      expect(exact).toMatchObject({ status: 201, method: 'POST', error: null });
      expect(downstream.seen[0]!.body.equals(body)).toBe(true);
      expect(downstream.seen[0]!.rawHeaders).toContain('X-Order');

      const edited = await call(wb, 'history:replay', {
        id,
        url: downstream.url,
        method: 'put',
        headers: [['X-Edited', '1']],
        bodyBase64: Buffer.from('changed').toString('base64'),
      });
      expect(edited.method).toBe('PUT');
      expect(downstream.seen[1]).toMatchObject({ method: 'PUT' });
      expect(downstream.seen[1]!.body.toString()).toBe('changed');

      const detail = await call(wb, 'history:get', { id });
      expect(detail.replays.map((r) => r.status)).toEqual([201, 201]);
    } finally {
      await downstream.close();
    }
    const refused = await call(wb, 'history:replay', {
      id: (await call(wb, 'history:list')).items[0]!.id,
      url: downstream.url,
    });
    expect(refused.status).toBeNull();
    // A pooled connection may see the close before a new connect is refused; both are reported in words.
    expect(refused.error).toMatch(/^(Connection refused by|The connection to) http:\/\/127\.0\.0\.1:\d+/);
  });
});
