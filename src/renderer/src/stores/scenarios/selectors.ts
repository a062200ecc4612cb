import { scenarioStep, type ScenarioInfo, type ScenarioStep } from '../../../../shared/fire-models';
import type { ScenarioDraft, ScenariosState } from './initial-state';

/** The selected scenario. */
export function currentScenario(state: ScenariosState): ScenarioInfo | undefined {
  return state.scenarios.find((s) => s.id === state.selected);
}

/** A draft to edit an existing scenario (a built-in one is copied under a new id, since it cannot be replaced). */
export function draftOf(scenario: ScenarioInfo): ScenarioDraft {
  return {
    originalId: scenario.builtin ? null : scenario.id,
    id: scenario.builtin ? `${scenario.id}-copy` : scenario.id,
    name: scenario.builtin ? `${scenario.name} (copy)` : scenario.name,
    description: scenario.description,
    provider: scenario.provider,
    stepsJson: JSON.stringify(scenario.steps, null, 2),
    error: null,
    saving: false,
  };
}

/** A draft for a new scenario of `provider`, with one step of `event`. */
export function newDraft(provider: string, event: string): ScenarioDraft {
  const steps: ScenarioStep[] = [{ event, delayMs: 0, set: {} }];
  return {
    originalId: null,
    id: 'my-scenario',
    name: 'My scenario',
    description: '',
    provider,
    stepsJson: JSON.stringify(steps, null, 2),
    error: null,
    saving: false,
  };
}

/** The steps of a draft, or the first problem with them in words naming the step and field. */
export function parseDraftSteps(stepsJson: string): { steps: ScenarioStep[] } | { problem: string } {
  let value: unknown;
  try {
    value = JSON.parse(stepsJson);
  } catch (error) {
    return { problem: `Steps are not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (!Array.isArray(value) || value.length === 0)
    return { problem: 'Steps must be a list of at least one step.' };
  const steps: ScenarioStep[] = [];
  for (const [index, raw] of value.entries()) {
    const parsed = scenarioStep.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue?.path.join('.') || 'step';
      return { problem: `Step ${index + 1}, ${field}: ${issue?.message ?? 'not valid'}` };
    }
    steps.push(parsed.data);
  }
  return { steps };
}
