import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { RawApi } from '../shared/api';
// Plain data, no zod: the one runtime import from the contract, so the sandboxed preload bundle stays tiny.
import { EVENT_CHANNELS, REQUEST_CHANNELS, isEventChannel } from '../shared/channels';

/** The part of `ipcRenderer` the bridge uses. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: IpcRendererEvent, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: IpcRendererEvent, ...args: unknown[]) => void): unknown;
}

type Caller = (input?: unknown) => Promise<unknown>;

/**
 * Builds the one object the page gets: `api.<domain>.<verb>(input)` for each request channel, bound to that fixed
 * channel name, plus `on` for the pushed events. No generic `invoke(channel)` and no `ipcRenderer`, so a script in
 * the page can only ever call what the contract lists.
 */
function buildBridge(ipc: IpcRendererLike): RawApi {
  const domains: Record<string, Record<string, Caller>> = {};
  for (const channel of REQUEST_CHANNELS) {
    const at = channel.indexOf(':');
    const domain = channel.slice(0, at);
    const verb = channel.slice(at + 1);
    domains[domain] ??= {};
    domains[domain][verb] = (input?: unknown) => ipc.invoke(channel, input ?? {});
  }
  for (const verbs of Object.values(domains)) Object.freeze(verbs);

  const on = (event: unknown, listener: unknown): (() => void) => {
    if (!isEventChannel(event)) {
      throw new Error(
        `Unknown Hookbench event "${String(event)}"; expected one of: ${EVENT_CHANNELS.join(', ')}.`,
      );
    }
    if (typeof listener !== 'function') throw new TypeError(`The listener for ${event} must be a function.`);
    // The IpcRendererEvent carries `sender` (the ipcRenderer itself); the page must only ever see the payload.
    const relay = (_event: IpcRendererEvent, payload: unknown): void => {
      (listener as (payload: unknown) => void)(payload);
    };
    ipc.on(event, relay);
    return () => {
      ipc.removeListener(event, relay);
    };
  };

  // The channel list and `RawApi` are both derived from `REQUEST_CHANNELS`; the test checks they match key for key.
  return Object.freeze({ ...domains, on }) as unknown as RawApi;
}

// Only the frozen object of named functions crosses the bridge; ipcRenderer itself stays in the preload.
const bridge = buildBridge(ipcRenderer);
contextBridge.exposeInMainWorld('hookbench', bridge);
