import { describe, expect, it, vi } from 'vitest';
import type { ScenarioRunOutput } from '../../../../../src/shared/fire-models';
import { createScenariosStore } from '../../../../../src/renderer/src/stores/scenarios';
import type { ScenariosApi } from '../../../../../src/renderer/src/stores/scenarios/actions';
import { parseDraftSteps } from '../../../../../src/renderer/src/stores/scenarios/selectors';
import { fireAttempt, progress, scenarioInfo } from '../../features/events/catalog-fixtures';

/** A mock that answers with `fn`'s value as a resolved promise. */
const resolved = <A extends unknown[], T>(fn: (...args: A) => T) =>
  vi.fn((...args: A) => Promise.resolve(fn(...args)));

function fakeApi(overrides: Partial<ScenariosApi['scenario']> = {}): ScenariosApi {
  return {
    scenario: {
      list: resolved(() => [scenarioInfo()]),
      save: resolved(
        (input: Record<string, unknown>) => ({ ...scenarioInfo(), ...input, builtin: false }) as never,
      ),
      delete: resolved(() => ({ deleted: true })),
      run: vi.fn(),
      ...overrides,
    },
    fire: { cancel: resolved(() => ({ cancelled: true })) },
  };
}

describe('scenarios store', () => {
  it('lists scenarios and selects the first', async () => {
    const store = createScenariosStore(fakeApi());
    await store.getState().scenariosOpened();
    expect(store.getState().selected).toBe('credo-ai-review');
  });

  it('records each step from fire:progress while a run plays', async () => {
    let answer: (value: ScenarioRunOutput) => void = () => undefined;
    const api = fakeApi({ run: vi.fn(() => new Promise<ScenarioRunOutput>((r) => (answer = r))) });
    const store = createScenariosStore(api);
    const running = store
      .getState()
      .runRequested('credo-ai-review', { target: { kind: 'inbox', inbox: 'default' } });
    store
      .getState()
      .progressReceived(progress({ runId: 's1', kind: 'scenario', step: 0, attempt: fireAttempt(1, 200) }));
    expect(Object.keys(store.getState().run?.steps ?? {})).toEqual(['0']);
    answer({
      runId: 's1',
      scenario: 'credo-ai-review',
      ids: { review: 'r1' },
      steps: [],
      ok: true,
      cancelled: false,
    });
    await running;
    expect(api.scenario.run).toHaveBeenCalledWith({
      id: 'credo-ai-review',
      compression: 10,
      target: { kind: 'inbox', inbox: 'default' },
    });
    expect(store.getState().run?.status).toBe('done');
  });

  it('edits a built-in scenario as a copy and refuses steps that are not valid', async () => {
    const api = fakeApi();
    const store = createScenariosStore(api);
    await store.getState().scenariosOpened();
    store.getState().editStarted('credo-ai-review');
    expect(store.getState().draft).toMatchObject({ originalId: null, id: 'credo-ai-review-copy' });
    store.getState().draftEdited({ stepsJson: '[{"delayMs": 5}]' });
    await store.getState().saveRequested();
    expect(store.getState().draft?.error).toMatch(/^Step 1, event:/);
    expect(api.scenario.save).not.toHaveBeenCalled();

    store.getState().draftEdited({ stepsJson: '[{"event": "use_case_review_comment"}]' });
    await store.getState().saveRequested();
    expect(api.scenario.save).toHaveBeenCalledWith(
      expect.objectContaining({
        id: 'credo-ai-review-copy',
        steps: [{ event: 'use_case_review_comment', delayMs: 0, set: {} }],
      }),
    );
    expect(store.getState().draft).toBeNull();
  });

  it('says what is wrong with steps that are not JSON or empty', () => {
    const broken = parseDraftSteps('[');
    expect('problem' in broken && broken.problem).toMatch(/^Steps are not valid JSON/);
    expect(parseDraftSteps('[]')).toEqual({ problem: 'Steps must be a list of at least one step.' });
  });
});
