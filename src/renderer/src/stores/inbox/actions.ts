import type { StoreApi } from 'zustand';
import type { CaptureSummary, HistoryListOutput } from '../../../../shared/models';
import { describeError, type HookbenchApi } from '../../lib/bridge';
import { PAGE_SIZE, type InboxState } from './initial-state';
import { mergeCaptures } from './merge-captures';
import { neighbourId, newestKnownId, oldestLoadedId } from './selectors';

/** What the inbox needs from the core; tests pass a fake. */
export type InboxApi = Pick<HookbenchApi, 'history'>;

/** After a reconnect, fetch at most this many pages to catch up before starting over from the newest. */
const RESYNC_MAX_PAGES = 10;

export interface InboxActions {
  /** The inbox is shown (or the app started): fetch the newest page unless it is already loaded. */
  inboxOpened: () => Promise<void>;
  /** The user scrolled near the end of the loaded rows: fetch the next older page. */
  endReached: () => Promise<void>;
  /** A page arrived; `beforeId` is what it was asked with (undefined for the newest page). */
  pageLoaded: (page: HistoryListOutput, beforeId?: number) => void;
  /** A page request failed. */
  pageFailed: (message: string, request: NonNullable<InboxState['failedRequest']>) => void;
  /** The user asked to repeat the request that failed. */
  retryRequested: () => Promise<void>;
  /** The core stored a new capture. */
  captureReceived: (capture: CaptureSummary) => void;
  /** A stored capture changed (pinned, forwarded, …): replace its row where it is shown. */
  captureUpdated: (capture: CaptureSummary) => void;
  /** Many captures changed at once (deleted, cleared, imported): reload the newest page from scratch. */
  historyChanged: () => Promise<void>;
  /** The user picked a row (or cleared the selection with null). */
  captureSelected: (id: number | null) => void;
  /** The user pressed ↑/↓ (`step` -1/+1) or paged through the list. */
  selectionMoved: (step: number) => void;
  /** The user paused or resumed live updates. */
  liveToggled: () => void;
  /** The event stream came back after an interruption: fetch what arrived meanwhile. */
  streamReconnected: () => Promise<void>;
}

export type InboxStore = InboxState & InboxActions;

/**
 * The history total after a newest-first page: the server's count plus captures we already hold that are newer
 * than the page (they arrived as events after the server counted).
 */
function totalAfterNewestPage(state: InboxState, page: HistoryListOutput): number {
  const newestInPage = page.items[0]?.id ?? 0;
  const newer = (list: CaptureSummary[]): number => list.filter((c) => c.id > newestInPage).length;
  return page.total + newer(state.items) + newer(state.pending);
}

/** Builds the inbox actions over a zustand `set`/`get` pair and the injected API. */
export function createInboxActions(
  set: StoreApi<InboxStore>['setState'],
  get: StoreApi<InboxStore>['getState'],
  api: InboxApi,
): InboxActions {
  const loadFirstPage = async (): Promise<void> => {
    set({ status: 'loading', loading: true, error: null, failedRequest: null });
    try {
      get().pageLoaded(await api.history.list({ limit: PAGE_SIZE }));
    } catch (error) {
      get().pageFailed(describeError(error), 'first');
    }
  };

  return {
    inboxOpened: async () => {
      const { status, loading } = get();
      if (status !== 'idle' || loading) return;
      await loadFirstPage();
    },

    endReached: async () => {
      const state = get();
      const beforeId = oldestLoadedId(state);
      if (state.status !== 'ready' || state.loading || !state.hasMore || beforeId === undefined) return;
      set({ loading: true, error: null, failedRequest: null });
      try {
        get().pageLoaded(await api.history.list({ beforeId, limit: PAGE_SIZE }), beforeId);
      } catch (error) {
        get().pageFailed(describeError(error), 'older');
      }
    },

    pageLoaded: (page, beforeId) => {
      set((state) => ({
        items: mergeCaptures(state.items, page.items),
        total: beforeId === undefined ? totalAfterNewestPage(state, page) : Math.max(state.total, page.total),
        hasMore: page.items.length >= PAGE_SIZE,
        status: 'ready',
        loading: false,
        error: null,
        failedRequest: null,
      }));
    },

    pageFailed: (message, request) => {
      set((state) => ({
        loading: false,
        error: message,
        failedRequest: request,
        status: state.status === 'loading' ? 'idle' : state.status,
      }));
    },

    retryRequested: async () => {
      const failed = get().failedRequest;
      if (failed === 'first') await loadFirstPage();
      else if (failed === 'older') {
        set({ error: null, failedRequest: null });
        await get().endReached();
      } else if (failed === 'newer') await get().streamReconnected();
    },

    captureReceived: (capture) => {
      set((state) => {
        // Ids only grow, so anything above the newest known id is new; the scan is for the rare replayed event.
        const isNew =
          capture.id > newestKnownId(state) ||
          (!state.items.some((c) => c.id === capture.id) && !state.pending.some((c) => c.id === capture.id));
        const total = state.total + (isNew ? 1 : 0);
        if (state.paused) return { pending: mergeCaptures(state.pending, [capture]), total };
        // The very first capture of an empty inbox is opened right away: that is what the user is waiting for.
        const autoSelect = state.status === 'ready' && state.items.length === 0 && state.selectedId === null;
        return {
          items: mergeCaptures(state.items, [capture]),
          total,
          ...(autoSelect ? { selectedId: capture.id } : {}),
        };
      });
    },

    captureUpdated: (capture) => {
      const replace = (list: CaptureSummary[]): CaptureSummary[] =>
        list.some((c) => c.id === capture.id) ? list.map((c) => (c.id === capture.id ? capture : c)) : list;
      set((state) => ({ items: replace(state.items), pending: replace(state.pending) }));
    },

    historyChanged: async () => {
      let page: HistoryListOutput;
      try {
        page = await api.history.list({ limit: PAGE_SIZE });
      } catch (error) {
        get().pageFailed(describeError(error), 'first');
        return;
      }
      set((state) => ({
        items: page.items,
        pending: [],
        total: page.total,
        hasMore: page.items.length >= PAGE_SIZE,
        status: 'ready',
        loading: false,
        error: null,
        failedRequest: null,
        // A selection that is gone (or no longer loaded) would point the detail pane at nothing.
        selectedId: page.items.some((c) => c.id === state.selectedId) ? state.selectedId : null,
      }));
    },

    captureSelected: (id) => {
      set({ selectedId: id });
    },

    selectionMoved: (step) => {
      const id = neighbourId(get(), step);
      if (id !== null) set({ selectedId: id });
    },

    liveToggled: () => {
      set((state) =>
        state.paused
          ? { paused: false, items: mergeCaptures(state.items, state.pending), pending: [] }
          : { paused: true },
      );
    },

    streamReconnected: async () => {
      if (get().status !== 'ready') {
        await get().inboxOpened();
        return;
      }
      const newest = newestKnownId(get());
      const fresh: CaptureSummary[] = [];
      let first: HistoryListOutput | undefined;
      let caughtUp = false;
      let beforeId: number | undefined;
      try {
        for (let i = 0; i < RESYNC_MAX_PAGES && !caughtUp; i += 1) {
          const page = await api.history.list(
            beforeId === undefined ? { limit: PAGE_SIZE } : { beforeId, limit: PAGE_SIZE },
          );
          first ??= page;
          fresh.push(...page.items.filter((c) => c.id > newest));
          const last = page.items[page.items.length - 1];
          caughtUp = !last || page.items.length < PAGE_SIZE || last.id <= newest;
          beforeId = last?.id;
        }
      } catch (error) {
        get().pageFailed(describeError(error), 'newer');
        return;
      }
      const newestPage = first ?? { items: [], total: get().total, totalCapped: false };
      set((state) => {
        const total = totalAfterNewestPage(state, newestPage);
        if (!caughtUp) {
          // Too much arrived while away to stitch the gap: start over from the newest rows.
          return { items: fresh, pending: [], hasMore: true, total, error: null, failedRequest: null };
        }
        return state.paused
          ? { pending: mergeCaptures(state.pending, fresh), total, error: null, failedRequest: null }
          : { items: mergeCaptures(state.items, fresh), total, error: null, failedRequest: null };
      });
    },
  };
}
