import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { EVENT_CHANNELS } from '../../../../src/shared/channels';
import type { WorkbenchEvents } from '../../../../src/main/core/workbench';
import { forwardEvents, type EventWindowLike } from '../../../../src/main/ipc/forward-events';

function fakeWindow(): EventWindowLike & {
  destroyed: boolean;
  contentsDestroyed: boolean;
  send: ReturnType<typeof vi.fn>;
} {
  const send = vi.fn();
  const window = {
    destroyed: false,
    contentsDestroyed: false,
    send,
    isDestroyed: () => window.destroyed,
    webContents: { isDestroyed: () => window.contentsDestroyed, send },
  };
  return window;
}

/** The workbench's emitter, driven by name: the payloads only need to arrive unchanged. */
function emitterAndEmit(): [EventEmitter<WorkbenchEvents>, (name: string, payload: unknown) => boolean] {
  const events = new EventEmitter<WorkbenchEvents>();
  const untyped = events as unknown as EventEmitter;
  return [events, (name, payload) => untyped.emit(name, payload)];
}

describe('forwardEvents', () => {
  it('sends every pushed event to the window under its own name with its payload', () => {
    const [events, emit] = emitterAndEmit();
    const window = fakeWindow();
    forwardEvents(events, window);
    for (const name of EVENT_CHANNELS) emit(name, { for: name });
    expect(window.send.mock.calls).toEqual(EVENT_CHANNELS.map((name) => [name, { for: name }]));
  });

  it('subscribes to exactly the contract events, once each', () => {
    const [events] = emitterAndEmit();
    forwardEvents(events, fakeWindow());
    expect([...events.eventNames()].sort()).toEqual([...EVENT_CHANNELS].sort());
    for (const name of EVENT_CHANNELS) expect(events.listenerCount(name)).toBe(1);
  });

  it('does not send to a destroyed window or destroyed webContents, and does not throw', () => {
    const [events, emit] = emitterAndEmit();
    const window = fakeWindow();
    forwardEvents(events, window);
    window.destroyed = true;
    expect(() => emit(EVENT_CHANNELS[0], {})).not.toThrow();
    window.destroyed = false;
    window.contentsDestroyed = true;
    expect(() => emit(EVENT_CHANNELS[0], {})).not.toThrow();
    expect(window.send).not.toHaveBeenCalled();
  });

  it('stops forwarding and removes its listeners when disposed', () => {
    const [events, emit] = emitterAndEmit();
    const window = fakeWindow();
    const dispose = forwardEvents(events, window);
    dispose();
    for (const name of EVENT_CHANNELS) emit(name, {});
    expect(window.send).not.toHaveBeenCalled();
    expect(events.eventNames()).toEqual([]);
  });

  it('keeps windows apart: disposing one window leaves the other subscribed', () => {
    const [events, emit] = emitterAndEmit();
    const first = fakeWindow();
    const second = fakeWindow();
    const disposeFirst = forwardEvents(events, first);
    forwardEvents(events, second);
    disposeFirst();
    emit(EVENT_CHANNELS[0], { n: 1 });
    expect(first.send).not.toHaveBeenCalled();
    expect(second.send).toHaveBeenCalledWith(EVENT_CHANNELS[0], { n: 1 });
  });
});
