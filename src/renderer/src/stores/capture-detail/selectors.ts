import type { CaptureDetailState, DetailEntry } from './initial-state';

/** The entry for one capture id, undefined before it was requested. */
export function detailEntry(state: CaptureDetailState, id: number | null): DetailEntry | undefined {
  return id === null ? undefined : state.entries[id];
}

/** True when the detail must be (re)fetched: never asked for, the last attempt failed, or it changed since. */
export function needsFetch(state: CaptureDetailState, id: number): boolean {
  const entry = state.entries[id];
  return (
    entry === undefined ||
    entry.status === 'failed' ||
    (entry.status === 'ready' && !!entry.stale && !entry.refreshing)
  );
}
