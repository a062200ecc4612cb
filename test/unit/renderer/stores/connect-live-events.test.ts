import { describe, expect, it, vi } from 'vitest';
import type { ConnectionState } from '../../../../src/renderer/src/lib/bridge';
import { connectLiveEvents } from '../../../../src/renderer/src/stores/connect-live-events';
import { createFakeRawApi } from '../helpers/fake-raw-api';
import { LISTENING, inbox, summary } from '../helpers/fixtures';

function targets() {
  const app = {
    connectionChanged: vi.fn<(state: ConnectionState) => void>(),
    receiverChanged: vi.fn(),
    appStarted: vi.fn(() => Promise.resolve()),
    infoLoaded: vi.fn(),
    infoFailed: vi.fn(),
    areaSelected: vi.fn(),
  };
  const inbox = {
    captureReceived: vi.fn(),
    captureUpdated: vi.fn(),
    historyChanged: vi.fn(() => Promise.resolve()),
    streamReconnected: vi.fn(() => Promise.resolve()),
  };
  const detail = { detailInvalidated: vi.fn(), attemptsInvalidated: vi.fn() };
  const inboxes = {
    captureCounted: vi.fn(),
    inboxesChanged: vi.fn(),
    inboxesRequested: vi.fn(() => Promise.resolve()),
  };
  return {
    app,
    inbox,
    detail,
    inboxes,
    stores: {
      app: { getState: () => app },
      inbox: { getState: () => inbox },
      detail: { getState: () => detail },
      inboxes: { getState: () => inboxes },
    } as unknown as Parameters<typeof connectLiveEvents>[1],
  };
}

describe('connectLiveEvents', () => {
  it('routes pushed events to the store actions until disconnected', () => {
    const fake = createFakeRawApi();
    const { app, inbox, stores } = targets();
    const stop = connectLiveEvents(
      { onEvent: fake.raw.on, onConnectionChange: () => () => undefined, connectionState: () => 'connected' },
      stores,
    );
    expect(app.connectionChanged).toHaveBeenCalledWith('connected');
    fake.emit('capture:received', summary(1));
    fake.emit('receiver:changed', LISTENING);
    stop();
    fake.emit('capture:received', summary(2));
    expect(inbox.captureReceived).toHaveBeenCalledTimes(1);
    expect(inbox.captureReceived).toHaveBeenCalledWith(summary(1));
    expect(app.receiverChanged).toHaveBeenCalledWith(LISTENING);
  });

  it('replaces updated captures and reloads after bulk changes, dropping stale details', () => {
    const fake = createFakeRawApi();
    const { inbox, detail, stores } = targets();
    connectLiveEvents(
      { onEvent: fake.raw.on, onConnectionChange: () => () => undefined, connectionState: () => 'connected' },
      stores,
    );
    const pinned = summary(4, { pinned: true });
    fake.emit('capture:updated', pinned);
    expect(detail.detailInvalidated).toHaveBeenLastCalledWith(4);
    expect(inbox.captureUpdated).toHaveBeenCalledWith(pinned);

    fake.emit('history:changed', { reason: 'cleared', count: 12 });
    expect(detail.detailInvalidated).toHaveBeenLastCalledWith(null);
    expect(inbox.historyChanged).toHaveBeenCalledTimes(1);
  });

  it('counts captures per inbox, refreshes attempt timelines and follows inbox changes', () => {
    const fake = createFakeRawApi();
    const { detail, inboxes, stores } = targets();
    connectLiveEvents(
      { onEvent: fake.raw.on, onConnectionChange: () => () => undefined, connectionState: () => 'connected' },
      stores,
    );
    const retry = summary(5, { inbox: 'stripe', deliveryId: 'msg_1', attempt: 2 });
    fake.emit('capture:received', retry);
    expect(inboxes.captureCounted).toHaveBeenCalledWith(retry);
    expect(detail.attemptsInvalidated).toHaveBeenCalledWith('msg_1');
    fake.emit('capture:received', summary(6));
    expect(detail.attemptsInvalidated).toHaveBeenCalledTimes(1);

    const list = [inbox('default'), inbox('stripe')];
    fake.emit('inbox:changed', list);
    expect(inboxes.inboxesChanged).toHaveBeenCalledWith(list);
    fake.emit('history:changed', { reason: 'imported', count: 3 });
    expect(inboxes.inboxesRequested).toHaveBeenCalledTimes(1);
  });

  it('catches up when the stream first opens (the first page may predate it) and after every reconnect', () => {
    let emitState: (state: ConnectionState) => void = () => undefined;
    const { app, inbox, stores } = targets();
    connectLiveEvents(
      {
        onEvent: () => () => undefined,
        onConnectionChange: (listener) => {
          emitState = listener;
          return () => undefined;
        },
        connectionState: () => 'connecting',
      },
      stores,
    );
    emitState('connected');
    expect(inbox.streamReconnected).toHaveBeenCalledTimes(1);
    emitState('reconnecting');
    emitState('connected');
    expect(inbox.streamReconnected).toHaveBeenCalledTimes(2);
    expect(app.appStarted).toHaveBeenCalledTimes(2);
    expect(app.connectionChanged.mock.calls.map((c) => c[0])).toEqual([
      'connecting',
      'connected',
      'reconnecting',
      'connected',
    ]);
  });
});
