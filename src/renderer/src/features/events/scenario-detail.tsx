import { CircleCheck, CircleX, Clock, LoaderCircle, Pencil, Trash2 } from 'lucide-react';
import type { ScenarioInfo } from '../../../../shared/fire-models';
import { StatusCode } from '../../components/status-code';
import { useScenariosStore } from '../../stores/scenarios';
import type { ScenarioRun } from '../../stores/scenarios/initial-state';
import { formatMs } from './fire-format';

/** The state of step `index` in a run: its attempt's status when sent, else waiting or pending. */
function StepState({ run, index }: { run: ScenarioRun | null; index: number }) {
  const done = run?.result?.steps.find((s) => s.index === index)?.attempt ?? run?.steps[index]?.attempt;
  if (done) {
    const status = done.exchange.status;
    return (
      <span className="step-state" data-testid="step-done">
        {done.ok ? (
          <CircleCheck size={14} className="ok-text" aria-label="Sent" />
        ) : (
          <CircleX size={14} className="error-text" aria-label="Failed" />
        )}
        {status === null ? <span className="error-text">no answer</span> : <StatusCode status={status} />}
        <span className="muted">{formatMs(done.exchange.durationMs)}</span>
      </span>
    );
  }
  if (run?.status === 'running')
    return <LoaderCircle size={14} className="spin muted" aria-label="Waiting for this step" />;
  return <Clock size={14} className="muted" aria-label="Not run yet" />;
}

/** One scenario: its description, steps (with each step's state during and after a run), Edit and Delete. */
export function ScenarioDetail({ scenario }: { scenario: ScenarioInfo }) {
  const run = useScenariosStore((s) => (s.run?.scenario === scenario.id ? s.run : null));
  const { editStarted, deleteRequested, runCancelRequested } = useScenariosStore.getState();
  return (
    <article className="event-document" data-testid="scenario-detail">
      <header className="event-header">
        <p className="muted event-provider">
          {scenario.provider} · {scenario.builtin ? 'built-in' : 'saved'}
        </p>
        <h1 className="event-title">{scenario.name}</h1>
        {scenario.description && <p className="event-summary">{scenario.description}</p>}
        <div className="form-actions scenario-actions">
          <button type="button" className="button" onClick={() => editStarted(scenario.id)}>
            <Pencil size={14} aria-hidden="true" />
            {scenario.builtin ? 'Edit a copy' : 'Edit'}
          </button>
          {!scenario.builtin && (
            <button
              type="button"
              className="button button-ghost-danger"
              onClick={() => void deleteRequested(scenario.id)}
            >
              <Trash2 size={14} aria-hidden="true" />
              Delete
            </button>
          )}
        </div>
      </header>
      <h2 className="section-title">Steps</h2>
      <ol className="scenario-steps" aria-label="Steps">
        {scenario.steps.map((step, index) => (
          <li key={index} className="scenario-step" data-testid="scenario-step">
            <span className="step-number">{index + 1}</span>
            <div className="step-body">
              <code className="mono">{step.event}</code>
              <span className="muted">
                {step.delayMs > 0 ? ` after ${formatMs(step.delayMs)}` : ' at once'}
                {Object.keys(step.set).length > 0 &&
                  ` · sets ${Object.entries(step.set)
                    .map(([k, v]) => `${k} = ${JSON.stringify(v)}`)
                    .join(', ')}`}
              </span>
              {step.note && <span className="muted">{step.note}</span>}
            </div>
            <StepState run={run} index={index} />
          </li>
        ))}
      </ol>
      {run && (
        <div className="scenario-run" role="status" data-testid="scenario-run">
          {run.status === 'running' && (
            <>
              <span>
                Running: {Object.keys(run.steps).length} of {scenario.steps.length} steps sent
              </span>
              <button type="button" className="button" onClick={() => void runCancelRequested()}>
                Cancel
              </button>
            </>
          )}
          {run.status === 'done' && <strong className="ok-text">Every step was delivered.</strong>}
          {run.status === 'failed' && (
            <span className="error-text">
              {run.error ?? (run.result?.cancelled ? 'Cancelled.' : 'Some steps were not answered with 2xx.')}
            </span>
          )}
          {run.result && Object.keys(run.result.ids).length > 0 && (
            <span className="muted">
              Shared ids:{' '}
              {Object.entries(run.result.ids)
                .map(([k, v]) => `${k} ${v}`)
                .join(', ')}
            </span>
          )}
        </div>
      )}
    </article>
  );
}
