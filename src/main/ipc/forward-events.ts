import type { EventEmitter } from 'node:events';
import { EVENT_CHANNELS } from '../../shared/channels';
import type { WorkbenchEvents } from '../core/workbench';

/** The part of a `BrowserWindow` events are sent to. */
export interface EventWindowLike {
  isDestroyed(): boolean;
  readonly webContents: {
    isDestroyed(): boolean;
    send(channel: string, payload: unknown): void;
  };
}

/**
 * Sends every workbench event (the contract's pushed events) to the window as `webContents.send(name, payload)`.
 * Events that arrive after the window is gone are dropped, not thrown: the core keeps running while the app closes
 * or while macOS keeps it alive without a window. Returns the function that stops forwarding.
 */
export function forwardEvents(events: EventEmitter<WorkbenchEvents>, window: EventWindowLike): () => void {
  // Every event is relayed the same way whatever its payload, so an untyped view of the emitter is all this needs
  // (EventEmitter's typed overloads cannot be called with a name taken from a list).
  const source = events as unknown as EventEmitter;
  const unsubscribers = EVENT_CHANNELS.map((name) => {
    const relay = (payload: unknown): void => {
      if (window.isDestroyed() || window.webContents.isDestroyed()) return;
      window.webContents.send(name, payload);
    };
    source.on(name, relay);
    return () => {
      source.off(name, relay);
    };
  });
  return () => {
    for (const unsubscribe of unsubscribers) unsubscribe();
  };
}
