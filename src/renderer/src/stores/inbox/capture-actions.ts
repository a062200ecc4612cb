import type { CaptureSummary } from '../../../../shared/models';
import { describeError } from '../../lib/bridge';
import type { InboxActions, InboxApi, InboxGet, InboxSet } from './actions';

type CaptureActionNames = 'pinToggled' | 'deleteRequested' | 'clearRequested' | 'actionErrorDismissed';

/** The row that takes the selection when the selected one goes: the next older one, else the next newer one. */
function successorId(
  items: CaptureSummary[],
  removed: Set<number>,
  selectedId: number | null,
): number | null {
  if (selectedId === null || !removed.has(selectedId)) return selectedId;
  const index = items.findIndex((c) => c.id === selectedId);
  const after = items.slice(index + 1).find((c) => !removed.has(c.id));
  const before = items
    .slice(0, Math.max(0, index))
    .reverse()
    .find((c) => !removed.has(c.id));
  return (after ?? before)?.id ?? null;
}

/** What the user does to captures: pin, delete, clear. Failures are kept in `actionError` for the banner. */
export function createCaptureActions(
  set: InboxSet,
  get: InboxGet,
  api: InboxApi,
): Pick<InboxActions, CaptureActionNames> {
  return {
    pinToggled: async (id) => {
      const current = get().items.find((c) => c.id === id) ?? get().pending.find((c) => c.id === id);
      try {
        const updated = await api.history.pin({ id, pinned: !(current?.pinned ?? false) });
        get().captureUpdated(updated);
        set({ actionError: null });
      } catch (error) {
        set({
          actionError: `Could not ${current?.pinned ? 'unpin' : 'pin'} capture #${id}: ${describeError(error)}`,
        });
      }
    },

    deleteRequested: async (ids) => {
      let deleted: number;
      try {
        ({ deleted } = await api.history.delete({ ids }));
      } catch (error) {
        set({ actionError: `Could not delete: ${describeError(error)}` });
        return null;
      }
      const removed = new Set(ids);
      set((state) => ({
        items: state.items.filter((c) => !removed.has(c.id)),
        pending: state.pending.filter((c) => !removed.has(c.id)),
        total: Math.max(0, state.total - deleted),
        selectedId: successorId(state.items, removed, state.selectedId),
        actionError: null,
      }));
      return deleted;
    },

    clearRequested: async (scope) => {
      const inbox = get().filter.inbox;
      const filter = scope === 'inbox' && inbox !== null ? { inbox } : {};
      let deleted: number;
      try {
        ({ deleted } = await api.history.clear({ filter, includePinned: false }));
      } catch (error) {
        set({ actionError: `Could not clear: ${describeError(error)}` });
        return null;
      }
      set({ actionError: null });
      await get().historyChanged();
      return deleted;
    },

    actionErrorDismissed: () => {
      set({ actionError: null });
    },
  };
}
