import type { StoreApi } from 'zustand';
import type { RequestInput } from '../../../../shared/contract';
import type { FireProgress } from '../../../../shared/fire-models';
import { describeError, type HookbenchApi } from '../../lib/bridge';
import type { ScenarioDraft, ScenariosState } from './initial-state';
import { draftOf, newDraft, parseDraftSteps } from './selectors';

/** What the scenarios store needs from the core; tests pass a fake. */
export interface ScenariosApi {
  scenario: Pick<HookbenchApi['scenario'], 'list' | 'save' | 'delete' | 'run'>;
  fire: Pick<HookbenchApi['fire'], 'cancel'>;
}

/** How a run is sent (target, envelope, headers, signing), taken from the Fire panel. */
export type ScenarioDelivery = Omit<RequestInput<'scenario:run'>, 'id' | 'compression' | 'timeoutMs'>;

export interface ScenariosActions {
  /** The Scenarios tab was opened: load the list once. */
  scenariosOpened: () => Promise<void>;
  scenarioSelected: (id: string) => void;
  compressionEdited: (value: number) => void;
  /** The user pressed Run. */
  runRequested: (id: string, delivery: ScenarioDelivery) => Promise<void>;
  /** The user pressed Cancel on the running scenario. */
  runCancelRequested: () => Promise<void>;
  /** The core pushed `fire:progress`. */
  progressReceived: (progress: FireProgress) => void;
  /** The user pressed Edit (a built-in one is edited as a copy). */
  editStarted: (id: string) => void;
  /** The user pressed New scenario. */
  newStarted: (provider: string, event: string) => void;
  draftEdited: (change: Partial<Omit<ScenarioDraft, 'originalId' | 'saving' | 'error'>>) => void;
  editCancelled: () => void;
  /** The user pressed Save; the draft stays open with the error when the core refuses it. */
  saveRequested: () => Promise<void>;
  deleteRequested: (id: string) => Promise<void>;
}

export type ScenariosStore = ScenariosState & ScenariosActions;

/** Builds the scenario actions over a zustand `set`/`get` pair and the injected API. */
export function createScenariosActions(
  set: StoreApi<ScenariosStore>['setState'],
  get: StoreApi<ScenariosStore>['getState'],
  api: ScenariosApi,
): ScenariosActions {
  const load = async (): Promise<void> => {
    try {
      const scenarios = await api.scenario.list({});
      set((s) => ({
        scenarios,
        status: 'ready',
        error: null,
        selected: scenarios.some((x) => x.id === s.selected) ? s.selected : (scenarios[0]?.id ?? null),
      }));
    } catch (error) {
      set({ status: 'idle', error: describeError(error) });
    }
  };
  const setDraft = (change: Partial<ScenarioDraft>): void =>
    set((s) => (s.draft ? { draft: { ...s.draft, ...change } } : {}));

  return {
    scenariosOpened: async () => {
      if (get().status !== 'idle') return;
      set({ status: 'loading' });
      await load();
    },

    scenarioSelected: (id) => set({ selected: id, draft: null }),
    compressionEdited: (value) => set({ compression: value }),

    runRequested: async (id, delivery) => {
      set({ run: { scenario: id, status: 'running', runId: null, steps: {}, result: null, error: null } });
      try {
        const result = await api.scenario.run({ id, compression: get().compression, ...delivery });
        set((s) => ({
          run: s.run && { ...s.run, status: result.ok ? 'done' : 'failed', runId: result.runId, result },
        }));
      } catch (error) {
        set((s) => ({ run: s.run && { ...s.run, status: 'failed', error: describeError(error) } }));
      }
    },

    runCancelRequested: async () => {
      const runId = get().run?.runId;
      if (runId) await api.fire.cancel({ runId }).catch(() => undefined);
    },

    progressReceived: (progress) => {
      const run = get().run;
      if (progress.kind !== 'scenario' || !run || run.status !== 'running') return;
      if (run.runId !== null && run.runId !== progress.runId) return;
      const steps = progress.step === null ? run.steps : { ...run.steps, [progress.step]: progress };
      set({ run: { ...run, runId: progress.runId, steps } });
    },

    editStarted: (id) => {
      const scenario = get().scenarios.find((s) => s.id === id);
      if (scenario) set({ draft: draftOf(scenario) });
    },
    newStarted: (provider, event) => set({ draft: newDraft(provider, event) }),
    draftEdited: (change) => setDraft({ ...change, error: null }),
    editCancelled: () => set({ draft: null }),

    saveRequested: async () => {
      const draft = get().draft;
      if (!draft) return;
      const parsed = parseDraftSteps(draft.stepsJson);
      if ('problem' in parsed) {
        setDraft({ error: parsed.problem });
        return;
      }
      setDraft({ saving: true, error: null });
      try {
        const saved = await api.scenario.save({
          id: draft.id.trim(),
          name: draft.name,
          description: draft.description,
          provider: draft.provider,
          steps: parsed.steps,
        });
        if (draft.originalId !== null && draft.originalId !== saved.id)
          await api.scenario.delete({ id: draft.originalId });
        set({ draft: null, selected: saved.id });
        await load();
      } catch (error) {
        setDraft({ saving: false, error: describeError(error) });
      }
    },

    deleteRequested: async (id) => {
      try {
        await api.scenario.delete({ id });
        set((s) => ({ selected: s.selected === id ? null : s.selected, draft: null }));
        await load();
      } catch (error) {
        set({ error: describeError(error) });
      }
    },
  };
}
