import { create } from 'zustand';
import { api } from '../../lib/bridge';
import { createTunnelsActions, type TunnelsApi, type TunnelsStore } from './actions';
import { initialTunnelsState } from './initial-state';

export type { TunnelsStore } from './actions';

/** Creates a tunnels store over the given API; the app uses the bridge, tests a fake. */
export function createTunnelsStore(tunnelsApi: TunnelsApi) {
  return create<TunnelsStore>()((set, get) => ({
    ...initialTunnelsState,
    ...createTunnelsActions(set, get, tunnelsApi),
  }));
}

/** The public URL of the receiver: providers, the running tunnel or relay, and the panel. */
export const useTunnelsStore = createTunnelsStore(api);
