import type { CaptureSummary, HistoryListOutput } from '../../../../shared/models';
import { describeError } from '../../lib/bridge';
import type { InboxActions, InboxApi, InboxGet, InboxSet } from './actions';
import { PAGE_SIZE, type InboxState } from './initial-state';
import { toHistoryFilter } from './list-filter';
import { mergeCaptures } from './merge-captures';
import { newestKnownId, oldestLoadedId } from './selectors';

/** After a reconnect, fetch at most this many pages to catch up before starting over from the newest. */
const RESYNC_MAX_PAGES = 10;
/** A reload after a bulk change refetches as many rows as were loaded (so the scroll position stays), up to this. */
const RELOAD_MAX_ROWS = 2000;
const RELOAD_PAGE = 500;

/**
 * The history total after a newest-first page: the server's count plus captures we already hold that are newer
 * than the page (they arrived as events after the server counted).
 */
function totalAfterNewestPage(state: InboxState, page: HistoryListOutput): number {
  const newestInPage = page.items[0]?.id ?? 0;
  const newer = (list: CaptureSummary[]): number => list.filter((c) => c.id > newestInPage).length;
  return page.total + newer(state.items) + newer(state.pending);
}

type ListActionNames =
  | 'inboxOpened'
  | 'endReached'
  | 'pageLoaded'
  | 'pageFailed'
  | 'retryRequested'
  | 'filterChanged'
  | 'refreshRequested'
  | 'historyChanged'
  | 'streamReconnected';

/** Loading the list: first page, older pages, reloads after filters or bulk changes, catching up after reconnects. */
export function createListActions(
  set: InboxSet,
  get: InboxGet,
  api: InboxApi,
): Pick<InboxActions, ListActionNames> {
  /** Starts a new list generation; answers to older ones are ignored. */
  const nextGeneration = (): number => {
    const generation = get().generation + 1;
    set({ generation });
    return generation;
  };

  /** Replaces the list with the first `rows` matching captures, keeping the selection when it is still there. */
  const reload = async (rows: number): Promise<void> => {
    const generation = nextGeneration();
    const filter = get().appliedFilter;
    const items: CaptureSummary[] = [];
    let first: HistoryListOutput | undefined;
    let complete = false;
    try {
      while (items.length < rows && !complete) {
        const last = items[items.length - 1];
        const limit = Math.min(RELOAD_PAGE, Math.max(PAGE_SIZE, rows - items.length));
        const page = await api.history.list(
          last ? { ...filter, beforeId: last.id, limit } : { ...filter, limit },
        );
        first ??= page;
        items.push(...page.items);
        complete = page.items.length < limit;
      }
    } catch (error) {
      if (get().generation === generation) get().pageFailed(describeError(error), 'first');
      return;
    }
    if (get().generation !== generation) return;
    set((state) => ({
      items,
      pending: [],
      total: first?.total ?? 0,
      totalCapped: first?.totalCapped ?? false,
      hasMore: !complete,
      status: 'ready',
      loading: false,
      error: null,
      failedRequest: null,
      unseenMatching: 0,
      unseenNewestId: 0,
      // A selection that is gone would point the detail pane at nothing.
      selectedId: items.some((c) => c.id === state.selectedId) ? state.selectedId : null,
    }));
  };

  /** Fetches the newest matching page; true when its answer was applied (not superseded, not failed). */
  const loadFirstPage = async (): Promise<boolean> => {
    const generation = nextGeneration();
    // Once the list has been shown it stays (with its filters) while a new filter loads.
    set((state) => ({
      status: state.status === 'ready' ? 'ready' : 'loading',
      loading: true,
      error: null,
      failedRequest: null,
    }));
    try {
      const page = await api.history.list({ ...get().appliedFilter, limit: PAGE_SIZE });
      if (get().generation !== generation) return false;
      get().pageLoaded(page);
      return true;
    } catch (error) {
      if (get().generation === generation) get().pageFailed(describeError(error), 'first');
      return false;
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
      const generation = state.generation;
      set({ loading: true, error: null, failedRequest: null });
      try {
        const page = await api.history.list({ ...state.appliedFilter, beforeId, limit: PAGE_SIZE });
        if (get().generation === generation) get().pageLoaded(page, beforeId);
      } catch (error) {
        if (get().generation === generation) get().pageFailed(describeError(error), 'older');
      }
    },

    pageLoaded: (page, beforeId) => {
      set((state) => ({
        items: mergeCaptures(state.items, page.items),
        total: beforeId === undefined ? totalAfterNewestPage(state, page) : Math.max(state.total, page.total),
        totalCapped: beforeId === undefined ? page.totalCapped : state.totalCapped,
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

    filterChanged: async (changes) => {
      const filter = { ...get().filter, ...changes };
      const selectedId = get().selectedId;
      set({
        filter,
        appliedFilter: toHistoryFilter(filter, Date.now()),
        items: [],
        pending: [],
        total: 0,
        totalCapped: false,
        hasMore: true,
        unseenMatching: 0,
        unseenNewestId: 0,
      });
      if (!(await loadFirstPage())) return;
      // Keep the selected capture open when it is among the matches.
      const { items } = get();
      set({ selectedId: items.some((c) => c.id === selectedId) ? selectedId : null });
    },

    refreshRequested: async () => {
      // A "last N minutes" range moves with the clock: resolve it again.
      set((state) => ({ appliedFilter: toHistoryFilter(state.filter, Date.now()) }));
      await reload(Math.max(PAGE_SIZE, Math.min(get().items.length, RELOAD_MAX_ROWS)));
    },

    historyChanged: async () => {
      await reload(Math.max(PAGE_SIZE, Math.min(get().items.length, RELOAD_MAX_ROWS)));
    },

    streamReconnected: async () => {
      if (get().status !== 'ready') {
        // A first page still loading was asked for before the stream was open: a capture stored in between would be
        // in neither. Ask again; the newer answer supersedes the older one.
        await loadFirstPage();
        return;
      }
      const newest = newestKnownId(get());
      const filter = get().appliedFilter;
      const generation = get().generation;
      const fresh: CaptureSummary[] = [];
      let first: HistoryListOutput | undefined;
      let caughtUp = false;
      let beforeId: number | undefined;
      try {
        for (let i = 0; i < RESYNC_MAX_PAGES && !caughtUp; i += 1) {
          const page = await api.history.list(
            beforeId === undefined
              ? { ...filter, limit: PAGE_SIZE }
              : { ...filter, beforeId, limit: PAGE_SIZE },
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
      if (get().generation !== generation) return;
      const newestPage = first ?? { items: [], total: get().total, totalCapped: false };
      set((state) => {
        const total = totalAfterNewestPage(state, newestPage);
        const base = { total, totalCapped: newestPage.totalCapped, error: null, failedRequest: null };
        if (!caughtUp) {
          // Too much arrived while away to stitch the gap: start over from the newest rows.
          return { ...base, items: fresh, pending: [], hasMore: true };
        }
        return state.paused
          ? { ...base, pending: mergeCaptures(state.pending, fresh) }
          : { ...base, items: mergeCaptures(state.items, fresh) };
      });
    },
  };
}
