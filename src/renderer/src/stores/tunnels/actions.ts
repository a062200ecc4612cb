import type { StoreApi } from 'zustand';
import type { TunnelConfigureInput, TunnelStartInput, TunnelStatus } from '../../../../shared/tunnel-models';
import { describeError, type HookbenchApi } from '../../lib/bridge';
import type { TunnelsState } from './initial-state';

/** What the tunnels store needs from the core; tests pass a fake. */
export type TunnelsApi = Pick<HookbenchApi, 'tunnel'>;

export interface TunnelsActions {
  /** The app started or the panel opened: read the providers and the running public URL. */
  tunnelStatusRequested: () => Promise<void>;
  /** The core pushed `tunnel:changed` (starting, online, failed, restarting, stopped). */
  tunnelStatusChanged: (status: TunnelStatus) => void;
  /** The user pressed Start on a provider's card. */
  tunnelStartRequested: (input: TunnelStartInput) => Promise<void>;
  /** The user pressed Stop. */
  tunnelStopRequested: () => Promise<void>;
  /** The user saved program paths or the ngrok authtoken; rejects with a `BridgeError`. */
  tunnelConfigureRequested: (input: TunnelConfigureInput) => Promise<void>;
  panelOpened: () => void;
  panelClosed: () => void;
}

export type TunnelsStore = TunnelsState & TunnelsActions;

export function createTunnelsActions(
  set: StoreApi<TunnelsStore>['setState'],
  get: StoreApi<TunnelsStore>['getState'],
  api: TunnelsApi,
): TunnelsActions {
  return {
    tunnelStatusRequested: async () => {
      try {
        get().tunnelStatusChanged(await api.tunnel.status({}));
      } catch (error) {
        set({ error: describeError(error) });
      }
    },

    tunnelStatusChanged: (status) => {
      set({ status, error: null });
    },

    tunnelStartRequested: async (input) => {
      set({ busy: { action: 'start', kind: input.kind }, actionError: null });
      try {
        get().tunnelStatusChanged(await api.tunnel.start(input));
      } catch (error) {
        set({ actionError: { kind: input.kind, message: describeError(error) } });
      } finally {
        set({ busy: null });
      }
    },

    tunnelStopRequested: async () => {
      set({ busy: { action: 'stop' }, actionError: null });
      try {
        get().tunnelStatusChanged(await api.tunnel.stop({}));
      } catch (error) {
        set({ actionError: { kind: null, message: describeError(error) } });
      } finally {
        set({ busy: null });
      }
    },

    tunnelConfigureRequested: async (input) => {
      set({ busy: { action: 'configure' } });
      try {
        get().tunnelStatusChanged(await api.tunnel.configure(input));
      } finally {
        set({ busy: null });
      }
    },

    panelOpened: () => {
      set({ panelOpen: true });
      void get().tunnelStatusRequested();
    },

    panelClosed: () => {
      set({ panelOpen: false });
    },
  };
}
