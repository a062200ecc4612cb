import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  api,
  BridgeError,
  connectionState,
  describeError,
  onEvent,
  resetBridgeForTests,
  unwrapApi,
} from '../../../../src/renderer/src/lib/bridge';
import type { RawApi } from '../../../../src/shared/api';
import { createFakeRawApi } from '../helpers/fake-raw-api';
import { detail, summary } from '../helpers/fixtures';

beforeEach(() => {
  resetBridgeForTests();
});
afterEach(() => {
  delete window.hookbench;
  vi.unstubAllGlobals();
  resetBridgeForTests();
  sessionStorage.clear();
});

describe('bridge', () => {
  it('uses window.hookbench when the preload provided it, and never fetches', async () => {
    const fake = createFakeRawApi([detail(1), detail(2)]);
    window.hookbench = fake.raw;
    const fetchSpy = vi.fn();
    vi.stubGlobal('fetch', fetchSpy);

    const page = await api.history.list({ limit: 1 });

    expect(page.items.map((c) => c.id)).toEqual([2]);
    expect(fake.listCalls).toEqual([{ limit: 1 }]);
    expect(fetchSpy).not.toHaveBeenCalled();
    expect(connectionState()).toBe('connected');
  });

  it('passes pushed events from window.hookbench to onEvent listeners', () => {
    const fake = createFakeRawApi();
    window.hookbench = fake.raw;
    const listener = vi.fn();
    const stop = onEvent('capture:received', listener);
    fake.emit('capture:received', summary(5));
    stop();
    fake.emit('capture:received', summary(6));
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener).toHaveBeenCalledWith(summary(5));
  });

  it('falls back to HTTP with the token from the URL when there is no window.hookbench', async () => {
    window.history.replaceState(null, '', '/?token=from-url');
    const fetchSpy = vi.fn(() =>
      Promise.resolve(new Response(JSON.stringify({ ok: true, data: detail(4) }), { status: 200 })),
    );
    vi.stubGlobal('fetch', fetchSpy);
    vi.stubGlobal(
      'EventSource',
      class {
        readyState = 0;
        onopen = null;
        onerror = null;
        addEventListener(): void {}
        close(): void {}
      },
    );

    await expect(api.history.get({ id: 4 })).resolves.toEqual(detail(4));

    expect(fetchSpy).toHaveBeenCalledWith('/api/history:get', expect.objectContaining({ method: 'POST' }));
    expect(window.location.search).toBe('');
    expect(connectionState()).toBe('connecting');
  });

  it('throws a BridgeError carrying the core error', async () => {
    const fake = createFakeRawApi();
    window.hookbench = fake.raw;
    await expect(api.history.get({ id: 99 })).rejects.toMatchObject({
      name: 'BridgeError',
      code: 'not_found',
      message: 'No capture #99.',
    });
  });

  it('reports a transport that rejects instead of answering as unavailable', async () => {
    const raw = {
      history: { get: () => Promise.reject(new Error('IPC channel closed')) },
    } as unknown as RawApi;
    const unwrapped = unwrapApi(() => raw);
    const error: unknown = await unwrapped.history.get({ id: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BridgeError);
    expect(error).toMatchObject({
      code: 'unavailable',
      message: 'Hookbench could not send history:get: IPC channel closed',
    });
  });

  it('describes errors in plain words', () => {
    expect(describeError(new BridgeError('not_found', 'No capture #3.'))).toBe('No capture #3.');
    expect(describeError(new Error('boom'))).toBe('Unexpected error: boom');
    expect(describeError('odd')).toBe('Unexpected error: odd');
  });
});
