import { describe, expect, it, vi } from 'vitest';
import { BridgeError, type HookbenchApi } from '../../../../../src/renderer/src/lib/bridge';
import { createAppStore } from '../../../../../src/renderer/src/stores/app';
import { initialAppState } from '../../../../../src/renderer/src/stores/app/initial-state';
import {
  describeConnection,
  describeReceiver,
  isBrowserMode,
  receiverUrl,
} from '../../../../../src/renderer/src/stores/app/selectors';
import { appInfo, LISTENING } from '../../helpers/fixtures';

const apiWith = (info: () => Promise<unknown>) => ({ app: { info } }) as unknown as Pick<HookbenchApi, 'app'>;

describe('app store', () => {
  it('takes the receiver status from app:info, then from receiver:changed events', async () => {
    const store = createAppStore(apiWith(() => Promise.resolve(appInfo())));
    await store.getState().appStarted();
    expect(store.getState().receiver).toEqual(LISTENING);
    const failed = {
      ...LISTENING,
      state: 'failed' as const,
      url: null,
      error: 'Port 4545 is already in use.',
    };
    store.getState().receiverChanged(failed);
    expect(store.getState().receiver).toEqual(failed);
  });

  it('keeps the message when app:info fails and clears it when it works again', async () => {
    const info = vi.fn().mockRejectedValueOnce(new BridgeError('unavailable', 'Server gone.'));
    info.mockResolvedValueOnce(appInfo());
    const store = createAppStore(apiWith(info));
    await store.getState().appStarted();
    expect(store.getState().infoError).toBe('Server gone.');
    await store.getState().appStarted();
    expect(store.getState().infoError).toBeNull();
  });

  it('switches areas', () => {
    const store = createAppStore(apiWith(() => Promise.resolve(appInfo())));
    store.getState().areaSelected('settings');
    expect(store.getState().area).toBe('settings');
  });
});

describe('app selectors', () => {
  const state = { ...initialAppState, receiver: LISTENING };

  it('give the receiver URL only while it listens', () => {
    expect(receiverUrl(state)).toBe('http://127.0.0.1:4545');
    expect(receiverUrl({ ...state, receiver: { ...LISTENING, state: 'stopped' } })).toBeNull();
  });

  it('describe the receiver in words, with the reason it failed', () => {
    expect(describeReceiver(LISTENING)).toBe('Receiver listening on http://127.0.0.1:4545');
    expect(
      describeReceiver({ ...LISTENING, state: 'failed', url: null, error: 'Port 4545 is in use.' }),
    ).toBe('Receiver failed: Port 4545 is in use.');
    expect(describeReceiver(null)).toBe('Receiver status unknown');
  });

  it('know browser mode and describe the connection', () => {
    expect(isBrowserMode({ ...state, info: appInfo({ mode: 'browser' }) })).toBe(true);
    expect(isBrowserMode({ ...state, info: appInfo() })).toBe(false);
    expect(describeConnection({ ...state, connection: 'reconnecting' })).toBe(
      'Connection lost, reconnecting…',
    );
  });
});
