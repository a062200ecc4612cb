import type { FireProgress, ScenarioInfo, ScenarioRunOutput } from '../../../../shared/fire-models';

/** One run of a scenario: the steps done so far (from `fire:progress`) and, at the end, the core's answer. */
export interface ScenarioRun {
  scenario: string;
  status: 'running' | 'done' | 'failed';
  runId: string | null;
  /** The latest progress of each step, by step index. */
  steps: Record<number, FireProgress>;
  result: ScenarioRunOutput | null;
  error: string | null;
}

/** The scenario being edited: its fields as typed, the steps as JSON text. */
export interface ScenarioDraft {
  /** The id it had when editing started (null for a new one). */
  originalId: string | null;
  id: string;
  name: string;
  description: string;
  provider: string;
  stepsJson: string;
  error: string | null;
  saving: boolean;
}

export interface ScenariosState {
  scenarios: ScenarioInfo[];
  status: 'idle' | 'loading' | 'ready';
  error: string | null;
  selected: string | null;
  /** Delays of a run are divided by this. */
  compression: number;
  run: ScenarioRun | null;
  draft: ScenarioDraft | null;
}

export const initialScenariosState: ScenariosState = {
  scenarios: [],
  status: 'idle',
  error: null,
  selected: null,
  compression: 10,
  run: null,
  draft: null,
};
