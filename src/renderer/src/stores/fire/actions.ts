import type { StoreApi } from 'zustand';
import type { ProviderSummary } from '../../../../shared/catalog-models';
import type { FireAttempt, FireProgress } from '../../../../shared/fire-models';
import type { HeaderPair } from '../../../../shared/models';
import { describeError, type HookbenchApi } from '../../lib/bridge';
import {
  initialBulkState,
  initialSendState,
  type BulkState,
  type FireState,
  type RetryForm,
  type SignForm,
  type TargetForm,
} from './initial-state';
import { deliveryOptions, sendBlocker } from './selectors';

/** What the fire store needs from the core; tests pass a fake. */
export interface FireApi {
  fire: Pick<HookbenchApi['fire'], 'sample' | 'send' | 'bulk' | 'cancel'>;
}

export interface FireActions {
  /** An event was picked in the catalogue: reset the form to the provider's defaults and load a sample. */
  eventChosen: (provider: ProviderSummary, event: string) => Promise<void>;
  /** The user asked for a new sample (fresh ids and timestamps). */
  sampleRequested: () => Promise<void>;
  bodyEdited: (body: string) => void;
  envelopeEdited: (part: 'prefix' | 'suffix', value: string) => void;
  targetEdited: (change: Partial<TargetForm>) => void;
  headersEdited: (rows: HeaderPair[]) => void;
  signEdited: (change: Partial<SignForm>) => void;
  retryEdited: (change: Partial<RetryForm>) => void;
  bulkSettingsEdited: (change: Partial<Pick<BulkState, 'count' | 'concurrency'>>) => void;
  /** The user pressed Send. */
  sendRequested: () => Promise<void>;
  /** The user pressed Bulk fire. */
  bulkRequested: () => Promise<void>;
  /** The user pressed Cancel on the retrying send or the running bulk fire. */
  cancelRequested: (which: 'send' | 'bulk') => Promise<void>;
  /** The core pushed `fire:progress`. */
  progressReceived: (progress: FireProgress) => void;
}

export type FireStore = FireState & FireActions;

/** Adds or replaces attempts by number, keeping them in order. */
function mergeAttempts(known: readonly FireAttempt[], more: readonly FireAttempt[]): FireAttempt[] {
  const byNumber = new Map(known.map((a) => [a.attempt, a]));
  for (const a of more) byNumber.set(a.attempt, a);
  return [...byNumber.values()].sort((a, b) => a.attempt - b.attempt);
}

const RUN_STATES = { delivered: 'delivered', failed: 'failed', cancelled: 'cancelled' } as const;

/** Builds the fire actions over a zustand `set`/`get` pair and the injected API. */
export function createFireActions(
  set: StoreApi<FireStore>['setState'],
  get: StoreApi<FireStore>['getState'],
  api: FireApi,
): FireActions {
  const envelope = () => ({ prefix: get().prefix.trim() || null, suffix: get().suffix.trim() || null });

  return {
    eventChosen: async (provider, event) => {
      const sameProvider = get().provider === provider.id;
      set({
        provider: provider.id,
        event,
        send: initialSendState,
        bulk: { ...initialBulkState, count: get().bulk.count, concurrency: get().bulk.concurrency },
        ...(sameProvider
          ? {}
          : {
              prefix: provider.envelope?.prefix.default ?? '',
              suffix: provider.envelope?.suffix.default ?? '',
              sign: {
                ...get().sign,
                scheme: provider.signature?.scheme ?? provider.signature?.candidates[0] ?? get().sign.scheme,
              },
            }),
      });
      await get().sampleRequested();
    },

    sampleRequested: async () => {
      const { provider, event } = get();
      if (provider === null || event === null) return;
      set({ sample: { status: 'loading', documented: null, warnings: [], error: null } });
      try {
        const sample = await api.fire.sample({ provider, event, envelope: envelope() });
        if (get().provider !== provider || get().event !== event) return;
        set({
          body: sample.body,
          sample: { status: 'ready', documented: sample.documented, warnings: sample.warnings, error: null },
        });
      } catch (error) {
        set({ sample: { status: 'failed', documented: null, warnings: [], error: describeError(error) } });
      }
    },

    bodyEdited: (body) => set({ body }),
    envelopeEdited: (part, value) => set(part === 'prefix' ? { prefix: value } : { suffix: value }),
    targetEdited: (change) => set((s) => ({ target: { ...s.target, ...change } })),
    headersEdited: (rows) => set({ headers: rows }),
    signEdited: (change) => set((s) => ({ sign: { ...s.sign, ...change } })),
    retryEdited: (change) => set((s) => ({ retry: { ...s.retry, ...change } })),
    bulkSettingsEdited: (change) => set((s) => ({ bulk: { ...s.bulk, ...change } })),

    sendRequested: async () => {
      const state = get();
      if (sendBlocker(state) !== null || state.provider === null || state.event === null) return;
      set({ send: { ...initialSendState, status: 'sending' } });
      try {
        const result = await api.fire.send({
          provider: state.provider,
          event: state.event,
          body: state.body,
          ...deliveryOptions(state),
          ...(state.retry.mode === 'provider'
            ? { retry: { schedule: 'provider', compression: state.retry.compression } }
            : {}),
        });
        const early = get().send.early.filter((p) => p.runId === result.runId);
        const late = early.flatMap((p) => (p.attempt ? [p.attempt] : []));
        const ended = early.find((p) => p.state in RUN_STATES);
        set({
          send: {
            ...initialSendState,
            status: 'done',
            result,
            attempts: mergeAttempts(result.attempts, late),
            runState: ended ? RUN_STATES[ended.state as keyof typeof RUN_STATES] : result.state,
          },
        });
      } catch (error) {
        set({ send: { ...initialSendState, status: 'failed', error: describeError(error) } });
      }
    },

    bulkRequested: async () => {
      const state = get();
      if (sendBlocker(state) !== null || state.provider === null || state.event === null) return;
      const { count, concurrency } = state.bulk;
      set({ bulk: { ...initialBulkState, count, concurrency, status: 'running' } });
      try {
        const result = await api.fire.bulk({
          provider: state.provider,
          event: state.event,
          body: state.body,
          ...deliveryOptions(state),
          count,
          concurrency,
        });
        set((s) => ({ bulk: { ...s.bulk, status: 'done', runId: result.runId, result } }));
      } catch (error) {
        set((s) => ({ bulk: { ...s.bulk, status: 'failed', error: describeError(error) } }));
      }
    },

    cancelRequested: async (which) => {
      const runId = which === 'send' ? get().send.result?.runId : get().bulk.runId;
      if (!runId) return;
      try {
        await api.fire.cancel({ runId });
      } catch (error) {
        const message = `Could not cancel: ${describeError(error)}`;
        if (which === 'send') set((s) => ({ send: { ...s.send, error: message } }));
        else set((s) => ({ bulk: { ...s.bulk, error: message } }));
      }
    },

    progressReceived: (progress) => {
      const { send, bulk } = get();
      if (progress.kind === 'bulk') {
        if (bulk.status !== 'running' || (bulk.runId !== null && bulk.runId !== progress.runId)) return;
        set({ bulk: { ...bulk, runId: progress.runId, progress } });
        return;
      }
      if (progress.kind !== 'send') return;
      if (send.status === 'sending') {
        set({ send: { ...send, early: [...send.early, progress] } });
        return;
      }
      if (send.result?.runId !== progress.runId) return;
      set({
        send: {
          ...send,
          attempts: progress.attempt ? mergeAttempts(send.attempts, [progress.attempt]) : send.attempts,
          runState:
            progress.state in RUN_STATES
              ? RUN_STATES[progress.state as keyof typeof RUN_STATES]
              : send.runState,
        },
      });
    },
  };
}
