import { create } from 'zustand';
import { api } from '../../lib/bridge';
import { createCaptureDetailActions, type CaptureDetailApi, type CaptureDetailStore } from './actions';
import { initialCaptureDetailState } from './initial-state';

export type { CaptureDetailStore } from './actions';

/** Creates a capture-detail store over the given API; the app uses the bridge, tests a fake. */
export function createCaptureDetailStore(detailApi: CaptureDetailApi) {
  return create<CaptureDetailStore>()((set, get) => ({
    ...initialCaptureDetailState,
    ...createCaptureDetailActions(set, get, detailApi),
  }));
}

/** The app's cache of capture details (full headers and body). */
export const useCaptureDetailStore = createCaptureDetailStore(api);
