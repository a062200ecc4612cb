import { create } from 'zustand';
import { api } from '../../lib/bridge';
import { createInboxActions, type InboxApi, type InboxStore } from './actions';
import { initialInboxState } from './initial-state';

export type { InboxStore } from './actions';

/** Creates an inbox store over the given API; the app uses the bridge, tests a fake. */
export function createInboxStore(inboxApi: InboxApi) {
  return create<InboxStore>()((set, get) => ({
    ...initialInboxState,
    ...createInboxActions(set, get, inboxApi),
  }));
}

/** The app's inbox: captures list, selection and live updates. */
export const useInboxStore = createInboxStore(api);
