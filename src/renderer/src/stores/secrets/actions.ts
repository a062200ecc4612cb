import type { StoreApi } from 'zustand';
import { describeError, type HookbenchApi } from '../../lib/bridge';
import type { SecretsState } from './initial-state';

/** What the secrets store needs from the core; tests pass a fake. */
export type SecretsApi = Pick<HookbenchApi, 'secrets'>;

export interface SecretsActions {
  /** A form that saves a secret opened: ask whether secrets can be saved (e.g. HOOKBENCH_SECRET_KEY missing). */
  secretsStatusRequested: () => Promise<void>;
}

export type SecretsStore = SecretsState & SecretsActions;

export function createSecretsActions(
  set: StoreApi<SecretsStore>['setState'],
  _get: StoreApi<SecretsStore>['getState'],
  api: SecretsApi,
): SecretsActions {
  return {
    secretsStatusRequested: async () => {
      try {
        set({ status: await api.secrets.status({}), error: null });
      } catch (error) {
        set({ error: describeError(error) });
      }
    },
  };
}
