import { Play, Plus } from 'lucide-react';
import { useEffect } from 'react';
import { useCatalogStore } from '../../stores/catalog';
import { useFireStore } from '../../stores/fire';
import { deliveryOptions, targetProblem } from '../../stores/fire/selectors';
import { useScenariosStore } from '../../stores/scenarios';
import { currentScenario } from '../../stores/scenarios/selectors';
import { ScenarioDetail } from './scenario-detail';
import { ScenarioEditor } from './scenario-editor';
import { TargetPicker } from './target-picker';

/** The scenarios, built-in and saved, in the left pane. */
export function ScenarioList() {
  const scenarios = useScenariosStore((s) => s.scenarios);
  const selected = useScenariosStore((s) => s.selected);
  const error = useScenariosStore((s) => s.error);
  const { scenariosOpened, scenarioSelected, newStarted } = useScenariosStore.getState();
  const provider = useCatalogStore((s) => s.selectedProvider);
  const event = useCatalogStore((s) => s.selectedEvent);
  useEffect(() => {
    void scenariosOpened();
  }, [scenariosOpened]);
  return (
    <div className="events-nav-scroll" data-testid="scenario-list">
      <h2 className="section-title events-heading">Scenarios</h2>
      {error && <p className="field-problem events-hint">{error}</p>}
      {scenarios.length === 0 && !error && (
        <p className="events-hint">No scenario yet: press New scenario to write one.</p>
      )}
      <ul className="events-choices">
        {scenarios.map((s) => (
          <li key={s.id}>
            <button
              type="button"
              className="choice-row choice-row-tall"
              aria-current={s.id === selected ? 'true' : undefined}
              onClick={() => scenarioSelected(s.id)}
            >
              <span className="choice-name">{s.name}</span>
              <span className="tag">{s.builtin ? 'built-in' : 'saved'}</span>
            </button>
          </li>
        ))}
      </ul>
      <div className="events-hint">
        <button
          type="button"
          className="button"
          disabled={!provider || !event}
          title={provider && event ? undefined : 'Pick an event in the Catalogue first'}
          onClick={() => provider && event && newStarted(provider, event)}
        >
          <Plus size={14} aria-hidden="true" />
          New scenario
        </button>
      </div>
    </div>
  );
}

/** Run settings: the Fire panel's target, how much faster than written, and the Run button. */
function RunPanel() {
  const scenario = useScenariosStore(currentScenario);
  const running = useScenariosStore((s) => s.run?.status === 'running');
  const compression = useScenariosStore((s) => s.compression);
  const target = useFireStore((s) => s.target);
  const { runRequested, compressionEdited } = useScenariosStore.getState();
  const problem = targetProblem(target);
  const run = (): void => {
    if (!scenario) return;
    const { target: t, headers, sign } = deliveryOptions(useFireStore.getState());
    void runRequested(scenario.id, { target: t, headers, ...(sign ? { sign } : {}) });
  };
  return (
    <aside className="fire-panel" aria-label="Run scenario">
      <div className="pane-header">
        <span className="pane-title">Run</span>
      </div>
      <div className="fire-scroll">
        <TargetPicker />
        <label className="field-row fire-section">
          <span className="field-label">Faster by</span>
          <input
            className="input narrow"
            type="number"
            min={1}
            aria-label="Delay compression factor"
            value={compression}
            onChange={(e) => compressionEdited(Math.max(1, Number(e.target.value) || 1))}
          />
          <span className="field-hint">× (delays are divided by this)</span>
        </label>
        <div className="fire-send">
          <button
            type="button"
            className="button button-primary"
            disabled={!scenario || running || problem !== null}
            onClick={run}
          >
            <Play size={14} aria-hidden="true" />
            {running ? 'Running…' : 'Run scenario'}
          </button>
          {problem && <span className="field-hint">{problem}</span>}
        </div>
      </div>
    </aside>
  );
}

/** The middle and right panes of the Scenarios view: the scenario (or its editor) and the run settings. */
export function ScenarioWorkspace() {
  const editing = useScenariosStore((s) => s.draft !== null);
  const scenario = useScenariosStore(currentScenario);
  return (
    <>
      <section className="events-doc" aria-label="Scenario">
        {editing ? (
          <ScenarioEditor />
        ) : scenario ? (
          <ScenarioDetail scenario={scenario} />
        ) : (
          <p className="events-hint">Pick a scenario on the left, or press New scenario.</p>
        )}
      </section>
      <RunPanel />
    </>
  );
}
