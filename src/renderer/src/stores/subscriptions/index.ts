import { create } from 'zustand';
import { api } from '../../lib/bridge';
import {
  createSubscriptionsActions,
  initialSubscriptionsState,
  type SubscriptionsApi,
  type SubscriptionsStore,
} from './actions';

export type { Attributes, ComposerState, SubscriptionsApi, SubscriptionsStore } from './actions';
export { URL_FIELD } from './actions';

/** Creates a subscriptions store over the given API; the app uses the bridge, tests a fake. */
export function createSubscriptionsStore(subscriptionsApi: SubscriptionsApi) {
  return create<SubscriptionsStore>()((set, get) => ({
    ...initialSubscriptionsState,
    ...createSubscriptionsActions(set, get, subscriptionsApi),
  }));
}

/** The chosen tenant's subscriptions, the composer, clean-up and sandbox triggers. */
export const useSubscriptionsStore = createSubscriptionsStore(api);
