import type { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RawApi } from '../../../../src/shared/api';
import { createWorkbench, type Workbench } from '../../../../src/main/core/workbench';
import { forwardEvents } from '../../../../src/main/ipc/forward-events';
import { isTrustedSender, registerChannels, type InvokeEventLike } from '../../../../src/main/ipc/handle';
import { isOwnRendererUrl } from '../../../../src/main/renderer-target';
import { FakeIpcMain } from './fake-ipc-main';

/**
 * The whole desktop path with only Electron faked: the preload's bridge object calls a stand-in ipcRenderer that
 * hands each request to the handlers registered by registerChannels, which run the real workbench on a temp-dir
 * database and a port-0 receiver; workbench events come back through forwardEvents.
 */
interface BridgeState {
  page: { frameUrl: string };
  ipcMain: FakeIpcMain;
  renderer: EventEmitter;
  exposed: unknown;
}
const bridge = vi.hoisted(() => ({}) as BridgeState);
bridge.page = { frameUrl: '' };

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  bridge.renderer = new Emitter();
  const ipcRenderer = Object.assign(bridge.renderer, {
    invoke: (channel: string, input: unknown) =>
      bridge.ipcMain.invoke(
        channel,
        { sender: { id: 1 }, senderFrame: { url: bridge.page.frameUrl, processId: 3, routingId: 1 } },
        input,
      ),
  });
  return {
    contextBridge: {
      exposeInMainWorld: (_key: string, api: unknown) => {
        bridge.exposed = api;
      },
    },
    ipcRenderer,
  };
});

await import('../../../../src/preload/index');
const api = bridge.exposed as RawApi;

const indexPath = join('/opt', 'hookbench', 'out', 'renderer', 'index.html');
const ownUrl = pathToFileURL(indexPath).href;
const own = {
  id: 1,
  mainFrame: { url: ownUrl, processId: 3, routingId: 1 },
  isDestroyed: () => false,
};

function post(url: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: { 'content-type': 'application/json' } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(body);
  });
}

let dataDir: string;
let workbench: Workbench;
let stopForwarding: () => void;

beforeEach(async () => {
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  dataDir = mkdtempSync(join(tmpdir(), 'hookbench-ipc-wb-'));
  workbench = createWorkbench({ dataDir, mode: 'desktop', version: 'test', receiver: { port: 0 } });
  await workbench.start();
  const ipc = new FakeIpcMain();
  bridge.ipcMain = ipc;
  bridge.page.frameUrl = ownUrl;
  registerChannels(ipc, workbench.handlers, (event: InvokeEventLike) =>
    isTrustedSender(event, own, (url) => isOwnRendererUrl(url, { kind: 'file', path: indexPath })),
  );
  // The window end of forwardEvents: webContents.send lands on the renderer's ipcRenderer, as in Electron.
  stopForwarding = forwardEvents(workbench.events, {
    isDestroyed: () => false,
    webContents: {
      isDestroyed: () => false,
      send: (channel, payload) => bridge.renderer.emit(channel, { sender: null }, payload),
    },
  });
});

afterEach(async () => {
  stopForwarding();
  await workbench.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the desktop IPC path against a real workbench', () => {
  it('answers requests from our page with real data', async () => {
    const info = await api.app.info({});
    expect(info).toMatchObject({ ok: true, data: { version: 'test', mode: 'desktop', dataDir } });
    const status = await api.receiver.status({});
    expect(status).toMatchObject({ ok: true, data: { state: 'listening', host: '127.0.0.1' } });
    expect(await api.history.list()).toMatchObject({ ok: true, data: { items: [], total: 0 } });
  });

  it('reports bad input and unknown ids as results naming what is wrong', async () => {
    const bad = await api.history.get({ id: -1 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(!bad.ok && bad.error.message).toMatch(/\bid\b/);
    expect(await api.history.get({ id: 424242 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('refuses every request once the window shows a foreign page', async () => {
    bridge.page.frameUrl = 'https://evil.example/';
    expect(await api.history.list()).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('pushes a captured webhook to the page as capture:received, then serves it from history', async () => {
    const received = new Promise<unknown>((resolve) => {
      const off = api.on('capture:received', (payload) => {
        off();
        resolve(payload);
      });
    });
    const url = workbench.status().url;
    expect(url).toBeTruthy();
    const status = await post(`${url}/hooks/test`, '{"type":"ping"}');
    expect(status).toBeGreaterThanOrEqual(200);

    const summary = (await received) as { id: number; method: string };
    expect(summary).toMatchObject({ method: 'POST' });
    const detail = await api.history.get({ id: summary.id });
    expect(detail).toMatchObject({ ok: true, data: { id: summary.id, method: 'POST' } });
    if (detail.ok) expect(Buffer.from(detail.data.bodyBase64, 'base64').toString()).toBe('{"type":"ping"}');
  });
});
