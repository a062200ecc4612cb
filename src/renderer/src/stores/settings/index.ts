import { create } from 'zustand';
import { api } from '../../lib/bridge';
import { createSettingsActions, type SettingsApi, type SettingsStore } from './actions';
import { initialSettingsState } from './initial-state';

export type { SettingsStore } from './actions';

/** Creates a settings store over the given API; the app uses the bridge, tests a fake. */
export function createSettingsStore(settingsApi: SettingsApi) {
  return create<SettingsStore>()((set, get) => ({
    ...initialSettingsState,
    ...createSettingsActions(set, get, settingsApi),
  }));
}

/** The app's editable settings (retention). */
export const useSettingsStore = createSettingsStore(api);
