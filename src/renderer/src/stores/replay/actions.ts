import type { StoreApi } from 'zustand';
import type { HeaderPair } from '../../../../shared/models';
import type { ResignInput } from '../../../../shared/signature-models';
import { describeError, type HookbenchApi } from '../../lib/bridge';
import { writeSaved, type ValueStorage } from '../../lib/saved-value';
import { LAST_URL_KEY, type ReplayState } from './initial-state';

/** What replays need from the core; tests pass a fake. */
export type ReplayApi = Pick<HookbenchApi, 'history'>;

/** A resend as the user asked for it: as captured (only `id` and `url`) or with edits. */
export interface ReplayRequest {
  id: number;
  url: string;
  edits?: { method: string; headers: HeaderPair[]; bodyBase64?: string };
  /** Sign again (fresh timestamp and signature); absent: the bytes go out untouched, stale signature and all. */
  resign?: ResignInput;
}

export interface ReplayActions {
  /** The user pressed "Send as captured" or "Send edited". */
  replayRequested: (request: ReplayRequest) => Promise<void>;
}

export type ReplayStore = ReplayState & ReplayActions;

/** Builds the replay actions; `storage` remembers the last URL (null where there is none). */
export function createReplayActions(
  set: StoreApi<ReplayStore>['setState'],
  _get: StoreApi<ReplayStore>['getState'],
  api: ReplayApi,
  storage: ValueStorage | null,
): ReplayActions {
  const setRun = (id: number, run: ReplayState['runs'][number]): void => {
    set((state) => ({ runs: { ...state.runs, [id]: run } }));
  };
  return {
    replayRequested: async ({ id, url, edits, resign }) => {
      const target = url.trim();
      set({ lastUrl: target });
      writeSaved(storage, LAST_URL_KEY, target);
      setRun(id, { status: 'sending', url: target });
      try {
        const exchange = await api.history.replay({
          id,
          url: target,
          ...(edits ?? {}),
          ...(resign ? { resign } : {}),
        });
        setRun(id, { status: 'done', exchange });
      } catch (error) {
        setRun(id, { status: 'failed', error: describeError(error) });
      }
    },
  };
}
