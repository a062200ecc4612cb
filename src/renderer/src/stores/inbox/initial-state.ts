import type { CaptureSummary, HistoryFilter } from '../../../../shared/models';
import { EMPTY_FILTER, type ListFilter } from './list-filter';

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
  /** The filters as the user set them. */
  filter: ListFilter;
  /** The filter the loaded rows were fetched with (relative times resolved); live rows are checked against it. */
  appliedFilter: HistoryFilter;
  /** `total` stopped counting at the cap: show it as "100,000+". */
  totalCapped: boolean;
  /** Live captures that may match the text search; not inserted (only the index can tell), counted for a refresh. */
  unseenMatching: number;
  /** The newest id counted in `unseenMatching`, so a repeated event is not counted twice. */
  unseenNewestId: number;
  /** Why the last pin, delete or clear failed, in words for the user. */
  actionError: string | null;
  /** Counts list reloads, so the answer to a superseded filter is dropped. */
  generation: number;
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
  filter: EMPTY_FILTER,
  appliedFilter: {},
  totalCapped: false,
  unseenMatching: 0,
  unseenNewestId: 0,
  actionError: null,
  generation: 0,
};
