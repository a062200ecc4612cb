import { create } from 'zustand';
import { api } from '../../lib/bridge';
import { createFireActions, type FireApi, type FireStore } from './actions';
import { initialFireState } from './initial-state';

export type { FireStore } from './actions';

/** Creates a fire store over the given API; the app uses the bridge, tests a fake. */
export function createFireStore(fireApi: FireApi) {
  return create<FireStore>()((set, get) => ({
    ...initialFireState,
    ...createFireActions(set, get, fireApi),
  }));
}

/** The Fire panel: the payload being edited, where it goes, how, and the latest send and bulk results. */
export const useFireStore = createFireStore(api);
