import type { CaptureDetail } from '../../../../shared/models';

/** How many fetched details are kept, so moving back and forth with ↑/↓ does not refetch. */
export const DETAIL_CACHE_SIZE = 50;

/** One capture's detail as the view sees it. */
export type DetailEntry =
  { status: 'loading' } | { status: 'ready'; detail: CaptureDetail } | { status: 'failed'; error: string };

export interface CaptureDetailState {
  /** Fetched or fetching details by capture id. A capture never changes once stored, so entries stay valid. */
  entries: Record<number, DetailEntry>;
  /** Ids in the order they were last requested, oldest first, to evict beyond the cache size. */
  recent: number[];
}

export const initialCaptureDetailState: CaptureDetailState = { entries: {}, recent: [] };
