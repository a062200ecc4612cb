import { create } from 'zustand';
import { api } from '../../lib/bridge';
import { createInboxesActions, type InboxesApi, type InboxesStore } from './actions';
import { initialInboxesState } from './initial-state';

export type { InboxesStore, InboxChanges } from './actions';

/** Creates an inboxes store over the given API; the app uses the bridge, tests a fake. */
export function createInboxesStore(inboxesApi: InboxesApi) {
  return create<InboxesStore>()((set, get) => ({
    ...initialInboxesState,
    ...createInboxesActions(set, get, inboxesApi),
  }));
}

/** The app's inboxes: where webhooks go, with their rules, forwarding and capture counts. */
export const useInboxesStore = createInboxesStore(api);
