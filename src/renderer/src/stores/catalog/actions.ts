import type { StoreApi } from 'zustand';
import { describeError, type HookbenchApi } from '../../lib/bridge';
import type { CatalogState } from './initial-state';
import { firstEvent } from './selectors';

/** What the catalogue store needs from the core; tests pass a fake. */
export interface CatalogApi {
  catalog: Pick<HookbenchApi['catalog'], 'list' | 'get' | 'import' | 'remove'>;
}

export interface CatalogActions {
  /** The Events area was opened: load the providers once and show the first one. */
  eventsOpened: () => Promise<void>;
  /** The user picked a provider: load its events if needed and select its first event. */
  providerSelected: (id: string) => Promise<void>;
  /** The user picked an event of the selected provider. */
  eventSelected: (name: string) => void;
  /** The user typed in the event search box. */
  searchChanged: (text: string) => void;
  /** The user chose an OpenAPI file to import; `content` is its text. */
  openApiChosen: (filename: string, content: string) => Promise<void>;
  /** The user closed the import message. */
  importOutcomeDismissed: () => void;
  /** The user removed an imported provider. */
  importedProviderRemoved: (id: string) => Promise<void>;
}

export type CatalogStore = CatalogState & CatalogActions;

/** A copy of `record` without `key`. */
function withoutKey<T>(record: Record<string, T>, key: string): Record<string, T> {
  return Object.fromEntries(Object.entries(record).filter(([k]) => k !== key));
}

/** Builds the catalogue actions over a zustand `set`/`get` pair and the injected API. */
export function createCatalogActions(
  set: StoreApi<CatalogStore>['setState'],
  get: StoreApi<CatalogStore>['getState'],
  api: CatalogApi,
): CatalogActions {
  const loadProviders = async (): Promise<void> => {
    set({ status: get().status === 'ready' ? 'ready' : 'loading', error: null });
    try {
      const providers = await api.catalog.list({});
      set({ providers, status: 'ready' });
    } catch (error) {
      set({ status: 'idle', error: describeError(error) });
    }
  };

  return {
    eventsOpened: async () => {
      if (get().status === 'idle') await loadProviders();
      const { providers, selectedProvider } = get();
      const first = providers[0];
      if (selectedProvider === null && first) await get().providerSelected(first.id);
    },

    providerSelected: async (id) => {
      const known = get().details[id];
      set({ selectedProvider: id, search: '', detailError: null });
      if (known) {
        set({ selectedEvent: firstEvent(known) });
        return;
      }
      set({ detailLoading: id, selectedEvent: null });
      try {
        const detail = await api.catalog.get({ provider: id });
        set((state) => ({ details: { ...state.details, [id]: detail } }));
        if (get().selectedProvider === id) set({ selectedEvent: firstEvent(detail) });
      } catch (error) {
        if (get().selectedProvider === id) set({ detailError: describeError(error) });
      } finally {
        if (get().detailLoading === id) set({ detailLoading: null });
      }
    },

    eventSelected: (name) => {
      set({ selectedEvent: name });
    },

    searchChanged: (text) => {
      set({ search: text });
    },

    openApiChosen: async (filename, content) => {
      set({ importing: true, importOutcome: null });
      try {
        const { provider, warnings } = await api.catalog.import({ filename, content });
        // The import may replace an earlier one of the same id: forget its cached events.
        set((state) => {
          const details = withoutKey(state.details, provider.id);
          return { details, importOutcome: { kind: 'imported', provider: provider.title, warnings } };
        });
        await loadProviders();
        await get().providerSelected(provider.id);
      } catch (error) {
        set({ importOutcome: { kind: 'failed', filename, message: describeError(error) } });
      } finally {
        set({ importing: false });
      }
    },

    importOutcomeDismissed: () => {
      set({ importOutcome: null });
    },

    importedProviderRemoved: async (id) => {
      try {
        await api.catalog.remove({ provider: id });
        set((state) => {
          const details = withoutKey(state.details, id);
          return { details, selectedProvider: state.selectedProvider === id ? null : state.selectedProvider };
        });
        await loadProviders();
        await get().eventsOpened();
      } catch (error) {
        set({ importOutcome: { kind: 'failed', filename: id, message: describeError(error) } });
      }
    },
  };
}
