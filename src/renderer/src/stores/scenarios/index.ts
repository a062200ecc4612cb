import { create } from 'zustand';
import { api } from '../../lib/bridge';
import { createScenariosActions, type ScenariosApi, type ScenariosStore } from './actions';
import { initialScenariosState } from './initial-state';

export type { ScenariosStore, ScenarioDelivery } from './actions';

/** Creates a scenarios store over the given API; the app uses the bridge, tests a fake. */
export function createScenariosStore(scenariosApi: ScenariosApi) {
  return create<ScenariosStore>()((set, get) => ({
    ...initialScenariosState,
    ...createScenariosActions(set, get, scenariosApi),
  }));
}

/** Built-in and saved scenarios, the one being edited and the latest run. */
export const useScenariosStore = createScenariosStore(api);
