import type { CaptureSummary } from '../../../../shared/models';
import { LOAD_MORE_THRESHOLD, type InboxState } from './initial-state';
import { isFiltered } from './list-filter';

/** Position of the selected capture in the loaded list, or -1 when nothing (loaded) is selected. */
export function selectedIndex(state: InboxState): number {
  if (state.selectedId === null) return -1;
  return state.items.findIndex((c) => c.id === state.selectedId);
}

/** The selected capture's summary, when it is loaded. */
export function selectedCapture(state: InboxState): CaptureSummary | undefined {
  return state.items[selectedIndex(state)];
}

/** The smallest loaded id: the `beforeId` of the next page. Undefined before anything is loaded. */
export function oldestLoadedId(state: InboxState): number | undefined {
  return state.items[state.items.length - 1]?.id;
}

/** The largest id known, loaded or waiting while paused. */
export function newestKnownId(state: InboxState): number {
  return Math.max(state.items[0]?.id ?? 0, state.pending[0]?.id ?? 0);
}

/**
 * True when the history is known to be empty and nothing is filtered: the empty state with the curl example is shown
 * then. An empty filtered list is shown as a list that says nothing matches.
 */
export function isInboxEmpty(state: InboxState): boolean {
  return (
    state.status === 'ready' &&
    state.items.length === 0 &&
    state.pending.length === 0 &&
    state.unseenMatching === 0 &&
    !state.error &&
    !isFiltered(state.filter)
  );
}

/** True when the list has scrolled close enough to the end that the next older page should be fetched. */
export function shouldLoadMore(state: InboxState, lastVisibleIndex: number): boolean {
  return (
    state.status === 'ready' &&
    state.hasMore &&
    !state.loading &&
    state.error === null &&
    lastVisibleIndex >= state.items.length - LOAD_MORE_THRESHOLD
  );
}

/**
 * The id the selection lands on after moving `step` rows (negative is up, toward newer captures). With nothing
 * selected any move starts at the newest capture; the move stops at either end instead of wrapping.
 */
export function neighbourId(state: InboxState, step: number): number | null {
  const current = selectedIndex(state);
  if (current === -1) return state.items[0]?.id ?? null;
  const target = Math.min(state.items.length - 1, Math.max(0, current + step));
  return state.items[target]?.id ?? null;
}

/** The capture count for display: `1,204 captures`, or `100,000+ captures` when the count stopped at the cap. */
export function describeTotal(state: Pick<InboxState, 'total' | 'totalCapped'>): string {
  if (state.totalCapped) return `${state.total.toLocaleString('en-US')}+ captures`;
  return `${state.total.toLocaleString('en-US')} ${state.total === 1 ? 'capture' : 'captures'}`;
}
