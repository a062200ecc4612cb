import type { AppSettings } from '../../../../shared/history-models';

export interface SettingsState {
  /** The saved settings; null until `settings:get` answered. */
  settings: AppSettings | null;
  /** A save is on its way. */
  saving: boolean;
  /** Why loading or saving failed, in words for the user (the core's message names the field). */
  error: string | null;
  /** When the last save succeeded (ms), to say "Saved". */
  savedAt: number | null;
}

export const initialSettingsState: SettingsState = {
  settings: null,
  saving: false,
  error: null,
  savedAt: null,
};
