import type { StoreApi } from 'zustand';
import type { CaptureDetail } from '../../../../shared/models';
import { describeError, type HookbenchApi } from '../../lib/bridge';
import { DETAIL_CACHE_SIZE, type CaptureDetailState, type DetailEntry } from './initial-state';
import { needsFetch } from './selectors';

/** What the detail pane needs from the core; tests pass a fake. */
export type CaptureDetailApi = Pick<HookbenchApi, 'history'>;

export interface CaptureDetailActions {
  /** A capture was selected: fetch its detail unless it is cached or already on the way. */
  detailRequested: (id: number) => Promise<void>;
  /** The detail arrived. */
  detailLoaded: (detail: CaptureDetail) => void;
  /** Fetching the detail failed; the message is shown in the pane with a retry. */
  detailFailed: (id: number, message: string) => void;
  /** A capture changed or went away: forget its cached detail (null forgets all). */
  detailInvalidated: (id: number | null) => void;
}

export type CaptureDetailStore = CaptureDetailState & CaptureDetailActions;

/** Records `entry` for `id`, marking it most recent and dropping the least recent beyond the cache size. */
function withEntry(state: CaptureDetailState, id: number, entry: DetailEntry): CaptureDetailState {
  const recent = [...state.recent.filter((r) => r !== id), id].slice(-DETAIL_CACHE_SIZE);
  const entries: Record<number, DetailEntry> = {};
  for (const kept of recent) {
    const existing = kept === id ? entry : state.entries[kept];
    if (existing) entries[kept] = existing;
  }
  return { entries, recent };
}

/** Builds the detail actions over a zustand `set`/`get` pair and the injected API. */
export function createCaptureDetailActions(
  set: StoreApi<CaptureDetailStore>['setState'],
  get: StoreApi<CaptureDetailStore>['getState'],
  api: CaptureDetailApi,
): CaptureDetailActions {
  return {
    detailRequested: async (id) => {
      if (!needsFetch(get(), id)) return;
      set((state) => withEntry(state, id, { status: 'loading' }));
      try {
        get().detailLoaded(await api.history.get({ id }));
      } catch (error) {
        get().detailFailed(id, describeError(error));
      }
    },

    detailLoaded: (detail) => {
      set((state) => withEntry(state, detail.id, { status: 'ready', detail }));
    },

    detailFailed: (id, message) => {
      set((state) => withEntry(state, id, { status: 'failed', error: message }));
    },

    detailInvalidated: (id) => {
      set((state) => {
        if (id === null) return { entries: {}, recent: [] };
        const entries = Object.fromEntries(
          Object.entries(state.entries).filter(([key]) => Number(key) !== id),
        );
        return { entries, recent: state.recent.filter((r) => r !== id) };
      });
    },
  };
}
