import { Save } from 'lucide-react';
import { CodeViewer } from '../../components/code-viewer';
import { useCatalogStore } from '../../stores/catalog';
import { useScenariosStore } from '../../stores/scenarios';

/** Edits a scenario: id, name, description, provider and the steps as JSON (`event`, `delayMs`, `set`, `body`). */
export function ScenarioEditor() {
  const draft = useScenariosStore((s) => s.draft);
  const providers = useCatalogStore((s) => s.providers);
  const { draftEdited, editCancelled, saveRequested } = useScenariosStore.getState();
  if (!draft) return null;
  return (
    <form
      className="event-document scenario-editor"
      aria-label="Edit scenario"
      onSubmit={(e) => {
        e.preventDefault();
        void saveRequested();
      }}
    >
      <h1 className="event-title">{draft.originalId ? 'Edit scenario' : 'New scenario'}</h1>
      <div className="form-grid">
        <label className="field-label" htmlFor="scenario-name">
          Name
        </label>
        <input
          id="scenario-name"
          className="input"
          value={draft.name}
          onChange={(e) => draftEdited({ name: e.target.value })}
        />
        <label className="field-label" htmlFor="scenario-id">
          Id
        </label>
        <input
          id="scenario-id"
          className="input mono"
          value={draft.id}
          onChange={(e) => draftEdited({ id: e.target.value })}
        />
        <label className="field-label" htmlFor="scenario-provider">
          Provider
        </label>
        <select
          id="scenario-provider"
          className="select"
          value={draft.provider}
          onChange={(e) => draftEdited({ provider: e.target.value })}
        >
          {providers.map((p) => (
            <option key={p.id} value={p.id}>
              {p.title}
            </option>
          ))}
        </select>
        <label className="field-label" htmlFor="scenario-description">
          Description
        </label>
        <textarea
          id="scenario-description"
          className="input textarea"
          rows={2}
          value={draft.description}
          onChange={(e) => draftEdited({ description: e.target.value })}
        />
      </div>
      <h2 className="section-title">Steps</h2>
      <p className="field-hint">
        A list of steps: <code className="inline-code">event</code>,{' '}
        <code className="inline-code">delayMs</code> (wait before the step),{' '}
        <code className="inline-code">set</code> (values by JSON pointer, e.g.{' '}
        <code className="inline-code">{'{"/data/status": "done"}'}</code>). Strings may use{' '}
        <code className="inline-code">{'{{id:review}}'}</code> for an id shared by the whole run and{' '}
        <code className="inline-code">{'{{now}}'}</code>.
      </p>
      <CodeViewer
        value={draft.stepsJson}
        language="json"
        label="Scenario steps"
        onChange={(stepsJson) => draftEdited({ stepsJson })}
        maxHeight="360px"
      />
      {draft.error && (
        <p className="field-problem" role="alert">
          {draft.error}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={draft.saving}>
          <Save size={14} aria-hidden="true" />
          Save scenario
        </button>
        <button type="button" className="button" onClick={editCancelled}>
          Cancel
        </button>
      </div>
    </form>
  );
}
