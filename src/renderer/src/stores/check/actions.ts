import type { StoreApi } from 'zustand';
import type {
  CaptureCheckOutput,
  CheckProgress,
  ObservedSchemaOutput,
} from '../../../../shared/check-models';
import type { CatalogExample } from '../../../../shared/catalog-models';
import { describeError, type HookbenchApi } from '../../lib/bridge';
import type { CheckState } from './initial-state';

/** What checking needs from the core; tests pass a fake. */
export type CheckApi = Pick<HookbenchApi, 'check' | 'catalog'>;

export interface CheckActions {
  /**
   * The Check tab shows capture `id` in version `key` (its verdict and catalogue version): fetch its check unless
   * it is fetched for that key already (or `force`, for the Re-check button).
   */
  captureCheckRequested: (id: number, key: string, force?: boolean) => Promise<void>;
  /** The drift view opened or asked to refresh. */
  driftRequested: () => Promise<void>;
  /** The user picked an event in the drift view (`provider/eventType`). */
  driftEventSelected: (key: string) => void;
  /** "Re-check all history": starts the background job; progress arrives as `check:progress`. */
  recheckRequested: () => Promise<void>;
  /** A `check:progress` event arrived. When done, cached checks and the drift report are refreshed. */
  progressReceived: (progress: CheckProgress) => void;
  /** Promotes a capture to a catalogue example; resolves with the example or rejects with words for the user. */
  examplePromoted: (
    captureId: number,
  ) => Promise<{ provider: string; eventType: string; example: CatalogExample }>;
  /** The observed JSON Schema of one event; rejects with words for the user. */
  observedSchemaRequested: (provider: string, eventType: string) => Promise<ObservedSchemaOutput>;
}

export type CheckStore = CheckState & CheckActions;

/** The key of a drift event (`provider/eventType`). */
export const driftKey = (provider: string, eventType: string): string => `${provider}/${eventType}`;

/** Builds the check actions over a zustand `set`/`get` pair and the injected API. */
export function createCheckActions(
  set: StoreApi<CheckStore>['setState'],
  get: StoreApi<CheckStore>['getState'],
  api: CheckApi,
): CheckActions {
  const stored = (id: number, key: string, check: CaptureCheckOutput): void =>
    set((s) => ({ captures: { ...s.captures, [id]: { status: 'ready', key, check } } }));
  return {
    captureCheckRequested: async (id, key, force = false) => {
      const current = get().captures[id];
      if (!force && current && current.key === key && current.status !== 'failed') return;
      if (current?.status === 'loading' && current.key === key) return;
      set((s) => ({
        captures: {
          ...s.captures,
          [id]:
            current?.status === 'ready' ? { ...current, key, refreshing: true } : { status: 'loading', key },
        },
      }));
      try {
        stored(id, key, await api.check.capture({ id }));
      } catch (error) {
        set((s) => ({
          captures: { ...s.captures, [id]: { status: 'failed', key, error: describeError(error) } },
        }));
      }
    },

    driftRequested: async () => {
      const previous = get().drift;
      const report = 'report' in previous ? previous.report : null;
      set({ drift: { status: 'loading', report } });
      try {
        set({ drift: { status: 'ready', report: await api.check.drift({}) } });
      } catch (error) {
        set({ drift: { status: 'failed', error: describeError(error), report } });
      }
    },

    driftEventSelected: (key) => set({ driftSelected: key }),

    recheckRequested: async () => {
      set({ recheckError: null });
      try {
        const { total } = await api.check.recheck({ scope: 'all' });
        // Show the job at once; the first check:progress event replaces this.
        if (!get().progress || get().progress?.state === 'done')
          set({
            progress: { state: 'running', reason: 'requested', done: 0, total, changed: 0, checkedWith: '' },
          });
      } catch (error) {
        set({ recheckError: describeError(error) });
      }
    },

    progressReceived: (progress) => {
      set({ progress });
      if (progress.state === 'done') {
        // Verdicts may have changed: drop cached checks and refresh the drift report if it was loaded.
        set({ captures: {} });
        if (get().drift.status !== 'idle') void get().driftRequested();
      }
    },

    examplePromoted: async (captureId) => {
      try {
        return await api.catalog['promote-example']({ captureId });
      } catch (error) {
        throw new Error(describeError(error), { cause: error });
      }
    },

    observedSchemaRequested: async (provider, eventType) => {
      try {
        return await api.check['observed-schema']({ provider, event: eventType });
      } catch (error) {
        throw new Error(describeError(error), { cause: error });
      }
    },
  };
}
