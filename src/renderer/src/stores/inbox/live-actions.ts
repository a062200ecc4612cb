import type { CaptureSummary } from '../../../../shared/models';
import type { InboxActions, InboxGet, InboxSet } from './actions';
import { matchesFilter } from './list-filter';
import { mergeCaptures } from './merge-captures';
import { neighbourId, newestKnownId } from './selectors';

type LiveActionNames =
  'captureReceived' | 'captureUpdated' | 'captureSelected' | 'selectionMoved' | 'liveToggled';

/** Live updates and selection: rows arriving and changing, the live toggle, moving through the list. */
export function createLiveActions(set: InboxSet, get: InboxGet): Pick<InboxActions, LiveActionNames> {
  return {
    captureReceived: (capture) => {
      set((state) => {
        // A row that does not belong to the filtered list is not inserted: the list must stay what it says it is.
        if (!matchesFilter(capture, state.appliedFilter)) return {};
        // Ids only grow, so anything above the newest known id is new; the scan is for the rare replayed event.
        const isNew =
          capture.id > newestKnownId(state) ||
          (!state.items.some((c) => c.id === capture.id) && !state.pending.some((c) => c.id === capture.id));
        // Only the full-text index knows whether it matches a text search: count it and let the user refresh.
        if (state.appliedFilter.text !== undefined) {
          if (capture.id <= Math.max(newestKnownId(state), state.unseenNewestId)) return {};
          return { unseenMatching: state.unseenMatching + 1, unseenNewestId: capture.id };
        }
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
      set((state) => {
        const shown =
          state.items.some((c) => c.id === capture.id) || state.pending.some((c) => c.id === capture.id);
        if (!shown) return {};
        if (!matchesFilter(capture, state.appliedFilter)) {
          // It left the filtered list (e.g. unpinned while showing pinned only).
          const keep = (list: CaptureSummary[]): CaptureSummary[] => list.filter((c) => c.id !== capture.id);
          return {
            items: keep(state.items),
            pending: keep(state.pending),
            total: Math.max(0, state.total - 1),
          };
        }
        const replace = (list: CaptureSummary[]): CaptureSummary[] =>
          list.map((c) => (c.id === capture.id ? capture : c));
        return { items: replace(state.items), pending: replace(state.pending) };
      });
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
  };
}
