import type { StoreApi } from 'zustand';
import type { CaptureDetail } from '../../../../shared/models';
import { describeError, type HookbenchApi } from '../../lib/bridge';
import {
  DETAIL_CACHE_SIZE,
  type CaptureDetailState,
  type DetailEntry,
  type DetailTab,
} from './initial-state';
import { needsFetch } from './selectors';

/** What the detail pane needs from the core; tests pass a fake. */
export type CaptureDetailApi = Pick<HookbenchApi, 'history'>;

export interface CaptureDetailActions {
  /** A capture was selected (or changed while shown): fetch its detail unless it is cached and current. */
  detailRequested: (id: number) => Promise<void>;
  /** The detail arrived. */
  detailLoaded: (detail: CaptureDetail) => void;
  /** Fetching the detail failed; the message is shown in the pane with a retry. */
  detailFailed: (id: number, message: string) => void;
  /**
   * A capture changed or went away (null: many did): its cached detail is marked stale, kept on screen until
   * refetched so an open replay form is not torn down.
   */
  detailInvalidated: (id: number | null) => void;
  /** The Attempts tab needs the timeline of a delivery id. */
  attemptsRequested: (deliveryId: string) => Promise<void>;
  /** A new attempt of a delivery arrived: its timeline is refetched when next shown. */
  attemptsInvalidated: (deliveryId: string) => void;
  /** The user opened a tab of the detail pane. */
  tabSelected: (tab: DetailTab) => void;
}

export type CaptureDetailStore = CaptureDetailState & CaptureDetailActions;

/** Records `entry` for `id`, marking it most recent and dropping the least recent beyond the cache size. */
function withEntry(
  state: CaptureDetailState,
  id: number,
  entry: DetailEntry,
): Pick<CaptureDetailState, 'entries' | 'recent'> {
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
      const previous = get().entries[id];
      set((state) =>
        withEntry(
          state,
          id,
          previous?.status === 'ready' ? { ...previous, refreshing: true } : { status: 'loading' },
        ),
      );
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
        if (id === null) {
          // Bulk changes: keep what is on screen while it is refetched, drop everything else.
          const entries: Record<number, DetailEntry> = {};
          for (const [key, entry] of Object.entries(state.entries)) {
            if (entry.status === 'ready') entries[Number(key)] = { ...entry, stale: true, refreshing: false };
          }
          const attempts = Object.fromEntries(
            Object.entries(state.attempts).flatMap(([key, entry]) =>
              entry.status === 'ready' ? [[key, { ...entry, stale: true }]] : [],
            ),
          );
          return { entries, recent: state.recent.filter((r) => r in entries), attempts };
        }
        const entry = state.entries[id];
        if (entry?.status === 'ready') {
          return { entries: { ...state.entries, [id]: { ...entry, stale: true, refreshing: false } } };
        }
        const entries = Object.fromEntries(
          Object.entries(state.entries).filter(([key]) => Number(key) !== id),
        );
        return { entries, recent: state.recent.filter((r) => r !== id) };
      });
    },

    attemptsRequested: async (deliveryId) => {
      const current = get().attempts[deliveryId];
      if (current && current.status !== 'failed' && !(current.status === 'ready' && current.stale)) return;
      set((state) => ({
        attempts: {
          ...state.attempts,
          // Keep showing the old timeline while the new one loads, so the tab does not flicker.
          [deliveryId]: current?.status === 'ready' ? { ...current, stale: false } : { status: 'loading' },
        },
      }));
      try {
        const attempts = await api.history.attempts({ deliveryId });
        set((state) => ({ attempts: { ...state.attempts, [deliveryId]: { status: 'ready', attempts } } }));
      } catch (error) {
        set((state) => ({
          attempts: { ...state.attempts, [deliveryId]: { status: 'failed', error: describeError(error) } },
        }));
      }
    },

    attemptsInvalidated: (deliveryId) => {
      set((state) => {
        const current = state.attempts[deliveryId];
        if (!current) return {};
        if (current.status === 'ready') {
          return { attempts: { ...state.attempts, [deliveryId]: { ...current, stale: true } } };
        }
        const attempts = Object.fromEntries(
          Object.entries(state.attempts).filter(([key]) => key !== deliveryId),
        );
        return { attempts };
      });
    },

    tabSelected: (tab) => {
      set({ tab });
    },
  };
}
