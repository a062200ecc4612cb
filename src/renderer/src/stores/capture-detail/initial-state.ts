import type { CaptureDetail, CaptureSummary } from '../../../../shared/models';

/** How many fetched details are kept, so moving back and forth with ↑/↓ does not refetch. */
export const DETAIL_CACHE_SIZE = 50;

/** One capture's detail as the view sees it. */
export type DetailEntry =
  | { status: 'loading' }
  /** `stale`: the capture changed (pinned, replayed, forwarded); the old detail shows until the new one arrives. */
  | { status: 'ready'; detail: CaptureDetail; stale?: boolean; refreshing?: boolean }
  | { status: 'failed'; error: string };

/** The attempts of one delivery id, as the Attempts tab shows them. */
export type AttemptsEntry =
  | { status: 'loading' }
  | { status: 'ready'; attempts: CaptureSummary[]; stale?: boolean }
  | { status: 'failed'; error: string };

/** The tabs of the detail pane. */
export type DetailTab = 'body' | 'headers' | 'response' | 'check' | 'signature' | 'attempts' | 'replay';

export interface CaptureDetailState {
  /** Fetched or fetching details by capture id. */
  entries: Record<number, DetailEntry>;
  /** Ids in the order they were last requested, oldest first, to evict beyond the cache size. */
  recent: number[];
  /** Attempt timelines by delivery id. */
  attempts: Record<string, AttemptsEntry>;
  /** The open tab; kept while moving through captures so comparing them takes only ↑/↓. */
  tab: DetailTab;
}

export const initialCaptureDetailState: CaptureDetailState = {
  entries: {},
  recent: [],
  attempts: {},
  tab: 'body',
};
