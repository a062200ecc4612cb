import { create } from 'zustand';
import { api } from '../../lib/bridge';
import { createTenantsActions, initialTenantsState, type TenantsApi, type TenantsStore } from './actions';

export type { TenantsStore, TenantSaveRequest, TenantsApi } from './actions';

/** Creates a tenants store over the given API; the app uses the bridge, tests a fake. */
export function createTenantsStore(tenantsApi: TenantsApi) {
  return create<TenantsStore>()((set, get) => ({
    ...initialTenantsState,
    ...createTenantsActions(set, get, tenantsApi),
  }));
}

/** The app's tenant profiles and the sandbox tenant's status. */
export const useTenantsStore = createTenantsStore(api);
