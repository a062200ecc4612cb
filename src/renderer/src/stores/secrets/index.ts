import { create } from 'zustand';
import { api } from '../../lib/bridge';
import { createSecretsActions, type SecretsApi, type SecretsStore } from './actions';
import { initialSecretsState } from './initial-state';

export type { SecretsStore } from './actions';

/** Creates a secrets store over the given API; the app uses the bridge, tests a fake. */
export function createSecretsStore(secretsApi: SecretsApi) {
  return create<SecretsStore>()((set, get) => ({
    ...initialSecretsState,
    ...createSecretsActions(set, get, secretsApi),
  }));
}

/** Whether secrets (inbox verification, tokens) can be saved in this run. */
export const useSecretsStore = createSecretsStore(api);
