import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { REQUEST_CHANNELS } from '../../../../src/shared/channels';
import type { Handlers, RequestOutput } from '../../../../src/shared/contract';
import { HookbenchError } from '../../../../src/main/core/errors';
import {
  isTrustedSender,
  registerChannels,
  type FrameLike,
  type InvokeEventLike,
  type OwnContentsLike,
} from '../../../../src/main/ipc/handle';
import { isOwnRendererUrl } from '../../../../src/main/renderer-target';
import { FakeIpcMain } from './fake-ipc-main';

const indexPath = join('/opt', 'hookbench', 'out', 'renderer', 'index.html');
const ownUrl = pathToFileURL(indexPath).href;
const isOwnUrl = (url: string): boolean => isOwnRendererUrl(url, { kind: 'file', path: indexPath });

const mainFrame: FrameLike = { url: ownUrl, processId: 7, routingId: 1 };
const own: OwnContentsLike = { id: 1, mainFrame, isDestroyed: () => false };

const fromOwnWindow: InvokeEventLike = { sender: { id: 1 }, senderFrame: { ...mainFrame } };
const fromOtherWindow: InvokeEventLike = {
  sender: { id: 2 },
  senderFrame: { url: ownUrl, processId: 9, routingId: 1 },
};
const fromIframe: InvokeEventLike = {
  sender: { id: 1 },
  senderFrame: { url: ownUrl, processId: 7, routingId: 5 },
};
const fromForeignPage: InvokeEventLike = {
  sender: { id: 1 },
  senderFrame: { url: 'https://evil.example/', processId: 7, routingId: 1 },
};
const fromGoneFrame: InvokeEventLike = { sender: { id: 1 }, senderFrame: null };

type FakeHandlers = Record<string, Mock<(input: unknown) => unknown>>;

/** Recording stand-ins for every channel the contract has; tests give the ones they call a behaviour. */
function fakeHandlers(): FakeHandlers {
  return Object.fromEntries(
    REQUEST_CHANNELS.map((channel) => [channel, vi.fn((input: unknown) => ({ channel, input }))]),
  );
}

function asHandlers(fakes: FakeHandlers): Handlers {
  return fakes as unknown as Handlers;
}

const trust = (event: InvokeEventLike): boolean => isTrustedSender(event, own, isOwnUrl);

beforeEach(() => {
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

describe('isTrustedSender', () => {
  it('trusts only the main frame of our own window showing our own page', () => {
    expect(isTrustedSender(fromOwnWindow, own, isOwnUrl)).toBe(true);
    expect(isTrustedSender(fromOtherWindow, own, isOwnUrl)).toBe(false);
    expect(isTrustedSender(fromIframe, own, isOwnUrl)).toBe(false);
    expect(isTrustedSender(fromForeignPage, own, isOwnUrl)).toBe(false);
    expect(isTrustedSender(fromGoneFrame, own, isOwnUrl)).toBe(false);
  });

  it('trusts nobody when our window is gone', () => {
    expect(isTrustedSender(fromOwnWindow, undefined, isOwnUrl)).toBe(false);
    expect(isTrustedSender(fromOwnWindow, { ...own, isDestroyed: () => true }, isOwnUrl)).toBe(false);
  });
});

describe('registerChannels', () => {
  it('registers every channel of the contract exactly once', () => {
    const ipc = new FakeIpcMain();
    registerChannels(ipc, asHandlers(fakeHandlers()), trust);
    expect([...ipc.registered].sort()).toEqual([...REQUEST_CHANNELS].sort());
    expect(new Set(ipc.registered).size).toBe(ipc.registered.length);
  });

  it('removes every channel when disposed, so registering again works', () => {
    const ipc = new FakeIpcMain();
    const dispose = registerChannels(ipc, asHandlers(fakeHandlers()), trust);
    dispose();
    expect(ipc.listeners.size).toBe(0);
    expect(() => registerChannels(ipc, asHandlers(fakeHandlers()), trust)).not.toThrow();
  });

  it('runs the handler for a trusted request and wraps its contract-checked result', async () => {
    const ipc = new FakeIpcMain();
    const handlers = fakeHandlers();
    const status: RequestOutput<'receiver:status'> = {
      state: 'listening',
      host: '127.0.0.1',
      port: 4545,
      url: 'http://127.0.0.1:4545',
      error: null,
    };
    handlers['receiver:status']!.mockReturnValue(status);
    registerChannels(ipc, asHandlers(handlers), trust);
    expect(await ipc.invoke('receiver:status', fromOwnWindow)).toEqual({ ok: true, data: status });
    expect(handlers['receiver:status']).toHaveBeenCalledWith({});
  });

  it('hands the handler the parsed input and keeps the code of an error it reports', async () => {
    const ipc = new FakeIpcMain();
    const handlers = fakeHandlers();
    handlers['history:get']!.mockImplementation((input) => {
      const { id } = input as { id: number };
      throw new HookbenchError('not_found', `There is no capture with id ${id}.`);
    });
    registerChannels(ipc, asHandlers(handlers), trust);
    const result = await ipc.invoke('history:get', fromOwnWindow, { id: 3 });
    expect(result).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'There is no capture with id 3.' },
    });
    expect(handlers['history:get']).toHaveBeenCalledWith({ id: 3 });
  });

  it.each([
    ['another window', fromOtherWindow],
    ['an iframe of our window', fromIframe],
    ['a foreign page loaded in our window', fromForeignPage],
    ['a frame that is gone', fromGoneFrame],
  ])('answers forbidden to %s, without running the handler', async (_name, event) => {
    const ipc = new FakeIpcMain();
    const handlers = fakeHandlers();
    registerChannels(ipc, asHandlers(handlers), trust);
    for (const channel of REQUEST_CHANNELS) {
      const result = await ipc.invoke(channel, event, {});
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('forbidden');
        expect(result.error.message).toContain(channel);
      }
    }
    for (const channel of REQUEST_CHANNELS) expect(handlers[channel]).not.toHaveBeenCalled();
  });

  it('answers forbidden when the trust check itself throws', async () => {
    const ipc = new FakeIpcMain();
    registerChannels(ipc, asHandlers(fakeHandlers()), () => {
      throw new Error('Object has been destroyed');
    });
    const result = await ipc.invoke('app:info', fromOwnWindow, {});
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('rejects bad input with invalid_input naming the field, without running the handler', async () => {
    const ipc = new FakeIpcMain();
    const handlers = fakeHandlers();
    registerChannels(ipc, asHandlers(handlers), trust);
    const result = await ipc.invoke('history:get', fromOwnWindow, { id: 'seven' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalid_input');
      expect(result.error.message).toContain('history:get');
      expect(result.error.message).toMatch(/\bid\b/);
    }
    const missing = await ipc.invoke('history:get', fromOwnWindow, {});
    expect(missing).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(handlers['history:get']).not.toHaveBeenCalled();
  });

  it('rejects unexpected fields on a channel that takes no input', async () => {
    const ipc = new FakeIpcMain();
    registerChannels(ipc, asHandlers(fakeHandlers()), trust);
    const result = await ipc.invoke('app:info', fromOwnWindow, { sneaky: true });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
