import type { StoreApi } from 'zustand';
import type { CaptureSummary, HistoryListOutput } from '../../../../shared/models';
import type { HookbenchApi } from '../../lib/bridge';
import { createCaptureActions } from './capture-actions';
import type { InboxState } from './initial-state';
import type { ListFilter } from './list-filter';
import { createListActions } from './list-actions';
import { createLiveActions } from './live-actions';

/** What the inbox needs from the core; tests pass a fake. */
export type InboxApi = Pick<HookbenchApi, 'history'>;

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
  /** The user changed filters: the list starts over from the newest matching capture. */
  filterChanged: (changes: Partial<ListFilter>) => Promise<void>;
  /** The user asked to see what arrived during a text search (or to reload the list). */
  refreshRequested: () => Promise<void>;
  /** The core stored a new capture. */
  captureReceived: (capture: CaptureSummary) => void;
  /** A stored capture changed (pinned, forwarded, …): replace its row where it is shown. */
  captureUpdated: (capture: CaptureSummary) => void;
  /** Many captures changed at once (deleted, cleared, imported): reload as many rows as are loaded now. */
  historyChanged: () => Promise<void>;
  /** The user picked a row (or cleared the selection with null). */
  captureSelected: (id: number | null) => void;
  /** The user pressed ↑/↓ (`step` -1/+1) or paged through the list. */
  selectionMoved: (step: number) => void;
  /** The user paused or resumed live updates. */
  liveToggled: () => void;
  /** The event stream came back after an interruption: fetch what arrived meanwhile. */
  streamReconnected: () => Promise<void>;
  /** The user pinned or unpinned a capture. */
  pinToggled: (id: number) => Promise<void>;
  /** The user confirmed deleting captures; resolves with how many went (null when it failed). */
  deleteRequested: (ids: number[]) => Promise<number | null>;
  /**
   * The user confirmed clearing: the current inbox's captures (`inbox`) or all of them; pinned ones stay. Resolves
   * with how many went (null when it failed).
   */
  clearRequested: (scope: 'inbox' | 'all') => Promise<number | null>;
  /** The user closed the message about a failed action. */
  actionErrorDismissed: () => void;
}

export type InboxStore = InboxState & InboxActions;
export type InboxSet = StoreApi<InboxStore>['setState'];
export type InboxGet = StoreApi<InboxStore>['getState'];

/** Builds the inbox actions over a zustand `set`/`get` pair and the injected API. */
export function createInboxActions(set: InboxSet, get: InboxGet, api: InboxApi): InboxActions {
  return {
    ...createListActions(set, get, api),
    ...createLiveActions(set, get),
    ...createCaptureActions(set, get, api),
  };
}
