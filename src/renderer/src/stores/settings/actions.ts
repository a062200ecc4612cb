import type { StoreApi } from 'zustand';
import type { AppSettings } from '../../../../shared/history-models';
import { describeError, type HookbenchApi } from '../../lib/bridge';
import type { SettingsState } from './initial-state';

/** What the settings store needs from the core; tests pass a fake. */
export type SettingsApi = Pick<HookbenchApi, 'settings'>;

export interface SettingsActions {
  /** The settings area opened: read the saved settings. */
  settingsRequested: () => Promise<void>;
  /** The user saved the retention policy; true when it was stored. */
  retentionSaveRequested: (retention: AppSettings['retention']) => Promise<boolean>;
}

export type SettingsStore = SettingsState & SettingsActions;

/** Builds the settings actions over a zustand `set`/`get` pair and the injected API. */
export function createSettingsActions(
  set: StoreApi<SettingsStore>['setState'],
  _get: StoreApi<SettingsStore>['getState'],
  api: SettingsApi,
): SettingsActions {
  return {
    settingsRequested: async () => {
      try {
        set({ settings: await api.settings.get({}), error: null });
      } catch (error) {
        set({ error: `Could not read the settings: ${describeError(error)}` });
      }
    },

    retentionSaveRequested: async (retention) => {
      set({ saving: true, error: null });
      try {
        const settings = await api.settings.update({ retention });
        set({ settings, saving: false, savedAt: Date.now() });
        return true;
      } catch (error) {
        set({ saving: false, error: `Could not save the retention policy: ${describeError(error)}` });
        return false;
      }
    },
  };
}
