import type { StoreApi } from 'zustand';
import type { AppInfo, ReceiverStatus } from '../../../../shared/models';
import { describeError, type ConnectionState, type HookbenchApi } from '../../lib/bridge';
import type { AppState, Area } from './initial-state';

/** What the app store needs from the core; tests pass a fake. */
export type AppApi = Pick<HookbenchApi, 'app'>;

export interface AppActions {
  /** The window opened, or the connection came back: (re)read the facts about this run. */
  appStarted: () => Promise<void>;
  /** `app:info` answered. */
  infoLoaded: (info: AppInfo) => void;
  /** `app:info` failed. */
  infoFailed: (message: string) => void;
  /** The receiver started, stopped or failed. */
  receiverChanged: (status: ReceiverStatus) => void;
  /** The live connection changed state. */
  connectionChanged: (state: ConnectionState) => void;
  /** The user picked an area in the sidebar. */
  areaSelected: (area: Area) => void;
  /** Something worth a short confirmation happened (a keyboard copy, …). */
  toastShown: (text: string) => void;
  /** The confirmation with this id has been shown long enough. */
  toastExpired: (id: number) => void;
}

export type AppStore = AppState & AppActions;

/** Builds the app-level actions over a zustand `set`/`get` pair and the injected API. */
export function createAppActions(
  set: StoreApi<AppStore>['setState'],
  get: StoreApi<AppStore>['getState'],
  api: AppApi,
): AppActions {
  return {
    appStarted: async () => {
      try {
        get().infoLoaded(await api.app.info({}));
      } catch (error) {
        get().infoFailed(describeError(error));
      }
    },
    infoLoaded: (info) => {
      set({ info, receiver: info.receiver, infoError: null });
    },
    infoFailed: (message) => {
      set({ infoError: message });
    },
    receiverChanged: (status) => {
      set({ receiver: status });
    },
    connectionChanged: (connection) => {
      set({ connection });
    },
    areaSelected: (area) => {
      set({ area });
    },
    toastShown: (text) => {
      set((state) => ({ toast: { id: (state.toast?.id ?? 0) + 1, text } }));
    },
    toastExpired: (id) => {
      set((state) => (state.toast?.id === id ? { toast: null } : {}));
    },
  };
}
