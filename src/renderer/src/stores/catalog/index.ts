import { create } from 'zustand';
import { api } from '../../lib/bridge';
import { createCatalogActions, type CatalogApi, type CatalogStore } from './actions';
import { initialCatalogState } from './initial-state';

export type { CatalogStore } from './actions';

/** Creates a catalogue store over the given API; the app uses the bridge, tests a fake. */
export function createCatalogStore(catalogApi: CatalogApi) {
  return create<CatalogStore>()((set, get) => ({
    ...initialCatalogState,
    ...createCatalogActions(set, get, catalogApi),
  }));
}

/** The providers' catalogue as the Events area browses it. */
export const useCatalogStore = createCatalogStore(api);
