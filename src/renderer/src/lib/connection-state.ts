/**
 * How the live event stream is doing. The desktop app is always `connected` (IPC cannot drop); browser mode moves
 * between these as the server goes away and comes back.
 */
export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'disconnected';

/** A readable, subscribable connection state. */
export interface ConnectionFeed {
  current(): ConnectionState;
  /** Calls `listener` on every change; returns the function that stops it. */
  subscribe(listener: (state: ConnectionState) => void): () => void;
}

/** The feed of a transport that cannot disconnect (Electron IPC). */
export const alwaysConnected: ConnectionFeed = {
  current: () => 'connected',
  subscribe: () => () => undefined,
};
