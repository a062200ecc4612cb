import { create } from 'zustand';
import type { Subscribe } from '../../../../shared/api';
import { api } from '../../lib/bridge';
import { createCheckActions, type CheckApi, type CheckStore } from './actions';
import { initialCheckState } from './initial-state';

export type { CheckStore } from './actions';

/** Creates a check store over the given API; the app uses the bridge, tests a fake. */
export function createCheckStore(checkApi: CheckApi) {
  return create<CheckStore>()((set, get) => ({
    ...initialCheckState,
    ...createCheckActions(set, get, checkApi),
  }));
}

/** The app's checks of captures, the drift report and the background re-check. */
export const useCheckStore = createCheckStore(api);

/**
 * Feeds `check:progress` into the check store; when a job is done, `onDone` runs too (the app reloads the list and
 * drops cached details, since verdicts may have changed). Returns the unsubscribe function.
 */
export function connectCheckEvents(
  onEvent: Subscribe,
  store: { getState(): Pick<CheckStore, 'progressReceived'> },
  onDone: () => void,
): () => void {
  return onEvent('check:progress', (progress) => {
    store.getState().progressReceived(progress);
    if (progress.state === 'done') onDone();
  });
}
