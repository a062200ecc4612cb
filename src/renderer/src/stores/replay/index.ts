import { create } from 'zustand';
import { api } from '../../lib/bridge';
import { pageStorage, readSaved, type ValueStorage } from '../../lib/saved-value';
import { createReplayActions, type ReplayApi, type ReplayStore } from './actions';
import { initialReplayState, LAST_URL_KEY } from './initial-state';

export type { ReplayStore, ReplayRequest } from './actions';

/** Creates a replay store over the given API and storage; the app uses the bridge and localStorage. */
export function createReplayStore(replayApi: ReplayApi, storage: ValueStorage | null) {
  return create<ReplayStore>()((set, get) => ({
    ...initialReplayState,
    lastUrl: readSaved(storage, LAST_URL_KEY) ?? '',
    ...createReplayActions(set, get, replayApi, storage),
  }));
}

/** Resends of captures and their latest results. */
export const useReplayStore = createReplayStore(api, pageStorage());
