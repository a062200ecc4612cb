import { create } from 'zustand';
import { api } from '../../lib/bridge';
import { createAppActions, type AppApi, type AppStore } from './actions';
import { initialAppState } from './initial-state';

export type { AppStore } from './actions';
export { AREAS, type Area } from './initial-state';

/** Creates an app store over the given API; the app uses the bridge, tests a fake. */
export function createAppStore(appApi: AppApi) {
  return create<AppStore>()((set, get) => ({
    ...initialAppState,
    ...createAppActions(set, get, appApi),
  }));
}

/** The app-wide store: current area, facts about this run, receiver and connection state. */
export const useAppStore = createAppStore(api);
