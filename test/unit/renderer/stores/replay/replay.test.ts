import { describe, expect, it, vi } from 'vitest';
import { BridgeError, type HookbenchApi } from '../../../../../src/renderer/src/lib/bridge';
import { createReplayStore } from '../../../../../src/renderer/src/stores/replay';
import { LAST_URL_KEY } from '../../../../../src/renderer/src/stores/replay/initial-state';
import type { DownstreamExchange } from '../../../../../src/shared/models';

const exchange: DownstreamExchange = {
  at: 1,
  method: 'POST',
  url: 'http://127.0.0.1:3000/hook',
  status: 201,
  headers: [],
  bodyBase64: '',
  durationMs: 5,
  error: null,
};

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    data,
  };
}

describe('replay store', () => {
  it('remembers the last URL across runs and sends as captured or edited', async () => {
    const replay = vi.fn(() => Promise.resolve(exchange));
    const storage = memoryStorage({ [LAST_URL_KEY]: 'http://127.0.0.1:9/old' });
    const store = createReplayStore({ history: { replay } as unknown as HookbenchApi['history'] }, storage);
    expect(store.getState().lastUrl).toBe('http://127.0.0.1:9/old');

    await store.getState().replayRequested({ id: 3, url: ' http://127.0.0.1:3000/hook ' });
    expect(replay).toHaveBeenLastCalledWith({ id: 3, url: 'http://127.0.0.1:3000/hook' });
    expect(store.getState().runs[3]).toEqual({ status: 'done', exchange });
    expect(storage.data.get(LAST_URL_KEY)).toBe('http://127.0.0.1:3000/hook');

    const edits = { method: 'PUT', headers: [['X-A', '1']] as [string, string][], bodyBase64: 'e30=' };
    await store.getState().replayRequested({ id: 3, url: 'http://127.0.0.1:3000/hook', edits });
    expect(replay).toHaveBeenLastCalledWith({ id: 3, url: 'http://127.0.0.1:3000/hook', ...edits });
  });

  it('keeps the refusal as the run outcome', async () => {
    const replay = vi.fn(() =>
      Promise.reject(
        new BridgeError(
          'invalid_input',
          'Invalid input for history:replay: url: a http:// or https:// URL is needed',
        ),
      ),
    );
    const store = createReplayStore({ history: { replay } as unknown as HookbenchApi['history'] }, null);
    await store.getState().replayRequested({ id: 1, url: 'ftp://x' });
    expect(store.getState().runs[1]).toEqual({
      status: 'failed',
      error: 'Invalid input for history:replay: url: a http:// or https:// URL is needed',
    });
  });
});
