import type { CaptureSummary } from '../../../../shared/models';

/** Rows fetched per `history:list` call. */
export const PAGE_SIZE = 100;

/** Start fetching the next page when the last visible row is this close to the end of what is loaded. */
export const LOAD_MORE_THRESHOLD = 20;

export interface InboxState {
  /** Loaded captures, newest first (descending id), each id once. */
  items: CaptureSummary[];
  /** How many captures the history holds, including those not loaded yet. */
  total: number;
  /** The selected capture's id; kept by id so new rows arriving above it do not move the selection. */
  selectedId: number | null;
  /** `idle` before the first page was asked for, `ready` once it arrived. */
  status: 'idle' | 'loading' | 'ready';
  /** A page request is in flight (first page or an older one). */
  loading: boolean;
  /** Older captures remain to be loaded. */
  hasMore: boolean;
  /** Why the last page request failed, in words for the user; null when it did not. */
  error: string | null;
  /** Which request failed, so Retry repeats exactly that one. */
  failedRequest: 'first' | 'older' | 'newer' | null;
  /** Live updates are paused: new captures wait in `pending` instead of entering the list. */
  paused: boolean;
  /** Captures that arrived while paused, newest first. */
  pending: CaptureSummary[];
}

export const initialInboxState: InboxState = {
  items: [],
  total: 0,
  selectedId: null,
  status: 'idle',
  loading: false,
  hasMore: true,
  error: null,
  failedRequest: null,
  paused: false,
  pending: [],
};
