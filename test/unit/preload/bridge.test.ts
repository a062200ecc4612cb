import type { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { EVENT_CHANNELS, REQUEST_CHANNELS } from '../../../src/shared/channels';

const fake = vi.hoisted(() => {
  const exposed = new Map<string, unknown>();
  return {
    exposed,
    contextBridge: {
      exposeInMainWorld: vi.fn((key: string, api: unknown) => {
        exposed.set(key, api);
      }),
    },
    // Filled in below with a real emitter, so `on`/`removeListener` behave like ipcRenderer's.
    ipcRenderer: undefined as unknown as EventEmitter & { invoke: ReturnType<typeof vi.fn> },
  };
});

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  fake.ipcRenderer = Object.assign(new Emitter(), {
    invoke: vi.fn((channel: string, input: unknown) =>
      Promise.resolve({ ok: true, data: { channel, input } }),
    ),
  });
  return { contextBridge: fake.contextBridge, ipcRenderer: fake.ipcRenderer };
});

await import('../../../src/preload/index');

type AnyFunction = (...args: unknown[]) => unknown;
type Api = Record<string, Record<string, AnyFunction>> & {
  on: (event: string, listener: AnyFunction) => () => void;
};
const api = fake.exposed.get('hookbench') as Api;

function expectedShape(): Record<string, string[]> {
  const shape: Record<string, string[]> = {};
  for (const channel of REQUEST_CHANNELS) {
    const [domain = '', verb = ''] = channel.split(':');
    (shape[domain] ??= []).push(verb);
  }
  return shape;
}

beforeEach(() => {
  fake.ipcRenderer.invoke.mockClear();
  fake.ipcRenderer.removeAllListeners();
});

describe('preload bridge', () => {
  it('exposes exactly one object, as window.hookbench', () => {
    expect(fake.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    expect([...fake.exposed.keys()]).toEqual(['hookbench']);
  });

  it('has exactly the domains and verbs of the channel list, plus on', () => {
    const shape = expectedShape();
    expect(Object.keys(api).sort()).toEqual([...Object.keys(shape), 'on'].sort());
    for (const [domain, verbs] of Object.entries(shape)) {
      expect(Object.keys(api[domain]!).sort()).toEqual([...verbs].sort());
      for (const verb of verbs) expect(typeof api[domain]![verb]).toBe('function');
    }
  });

  it('offers no generic invoke, send or ipcRenderer anywhere', () => {
    // Nested names are exactly the contract's verbs (checked above; `fire.send` is one channel, not a generic send),
    // so the generic escape hatches can only hide at the top level or as a domain named like one.
    const names = new Set<string>(Object.keys(api));
    for (const [domain, value] of Object.entries(api)) {
      if (typeof value !== 'object') continue;
      for (const verb of Object.keys(value)) {
        expect(REQUEST_CHANNELS as readonly string[]).toContain(`${domain}:${verb}`);
      }
    }
    for (const forbidden of [
      'invoke',
      'send',
      'sendSync',
      'ipcRenderer',
      'postMessage',
      'removeAllListeners',
    ]) {
      expect(names).not.toContain(forbidden);
    }
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('sends each call on its own fixed channel with the input as given', async () => {
    for (const channel of REQUEST_CHANNELS) {
      const [domain = '', verb = ''] = channel.split(':');
      fake.ipcRenderer.invoke.mockClear();
      const result = await api[domain]![verb]!({ marker: channel });
      expect(fake.ipcRenderer.invoke).toHaveBeenCalledTimes(1);
      expect(fake.ipcRenderer.invoke).toHaveBeenCalledWith(channel, { marker: channel });
      expect(result).toEqual({ ok: true, data: { channel, input: { marker: channel } } });
    }
  });

  it('sends {} when a call is made without input', async () => {
    await api.history!.list!();
    expect(fake.ipcRenderer.invoke).toHaveBeenCalledWith('history:list', {});
  });

  it('on() rejects names that are not pushed events', () => {
    const listener = vi.fn();
    for (const name of ['history:list', 'nope', '', '__proto__', 'ELECTRON_BROWSER_REQUIRE']) {
      expect(() => api.on(name, listener)).toThrow(/Unknown Hookbench event/);
    }
    expect(fake.ipcRenderer.eventNames()).toEqual([]);
  });

  it('on() rejects a listener that is not a function', () => {
    expect(() => api.on(EVENT_CHANNELS[0], 'alert(1)' as unknown as AnyFunction)).toThrow(TypeError);
  });

  it('on() hands the listener only the payload, never the IpcRendererEvent, and unsubscribes', () => {
    for (const name of EVENT_CHANNELS) {
      const listener = vi.fn();
      const unsubscribe = api.on(name, listener);
      const ipcEvent = { sender: fake.ipcRenderer, senderId: 0, ports: [] };
      const payload = { id: 1, name };
      fake.ipcRenderer.emit(name, ipcEvent, payload);
      expect(listener).toHaveBeenCalledTimes(1);
      expect(listener.mock.calls[0]).toEqual([payload]);

      unsubscribe();
      fake.ipcRenderer.emit(name, ipcEvent, payload);
      expect(listener).toHaveBeenCalledTimes(1);
      expect(fake.ipcRenderer.listenerCount(name)).toBe(0);
    }
  });
});

describe('preload source', () => {
  it('imports electron and the plain channel list at runtime, and everything else as types only', () => {
    const source = readFileSync(join(import.meta.dirname, '../../../src/preload/index.ts'), 'utf8');
    const runtimeImports = [...source.matchAll(/^import\s+(?!type\s)[^;]*?from\s+'([^']+)'/gms)].map(
      (m) => m[1],
    );
    expect(runtimeImports.sort()).toEqual(['../shared/channels', 'electron']);
    expect(source).not.toMatch(/from\s+'zod'/);
  });
});
