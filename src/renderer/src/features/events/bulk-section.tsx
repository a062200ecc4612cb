import { Gauge } from 'lucide-react';
import type { FireBulkOutput } from '../../../../shared/fire-models';
import { formatCount } from '../../lib/format';
import { useFireStore } from '../../stores/fire';
import { bulkFraction, sendBlocker } from '../../stores/fire/selectors';
import { formatMs } from './fire-format';

function BulkSummary({ result }: { result: FireBulkOutput }) {
  const { latencyMs } = result;
  return (
    <div className="bulk-summary" data-testid="bulk-summary">
      <p>
        <strong>
          {result.cancelled ? 'Cancelled after' : 'Sent'} {formatCount(result.sent)}
        </strong>{' '}
        in {formatMs(result.durationMs)} · {result.requestsPerSecond.toFixed(1)} req/s ·{' '}
        <span className={result.errors > 0 ? 'error-text' : undefined}>
          {result.ok} ok, {result.errors} {result.errors === 1 ? 'error' : 'errors'}
        </span>
      </p>
      <dl className="bulk-stats">
        {(['p50', 'p95', 'p99', 'max'] as const).map((k) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd data-testid={`bulk-${k}`}>{formatMs(latencyMs[k])}</dd>
          </div>
        ))}
      </dl>
      <p className="muted">
        Status:{' '}
        {Object.entries(result.statusCounts)
          .map(([status, n]) => `${status === 'none' ? 'no answer' : status} × ${n}`)
          .join(', ')}
      </p>
      {result.errorMessages.length > 0 && (
        <ul className="bulk-errors">
          {result.errorMessages.map((e) => (
            <li key={e.message} className="error-text">
              {e.count} × {e.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Bulk fire: N copies at concurrency C, a progress bar while running, then latency percentiles and counts. */
export function BulkSection() {
  const bulk = useFireStore((s) => s.bulk);
  const blocker = useFireStore(sendBlocker);
  const fraction = useFireStore(bulkFraction);
  const { bulkSettingsEdited, bulkRequested, cancelRequested } = useFireStore.getState();
  const running = bulk.status === 'running';
  return (
    <details className="fire-section fire-disclosure" data-testid="bulk-section">
      <summary className="section-title">Bulk fire</summary>
      <p className="field-hint">
        Load-test your own endpoint: the payload is sent many times, each with a fresh message id.
      </p>
      <div className="fire-grid fire-grid-3">
        <label className="field">
          <span className="field-label">Count</span>
          <input
            className="input"
            type="number"
            min={1}
            max={1000000}
            value={bulk.count}
            onChange={(e) =>
              bulkSettingsEdited({ count: Math.max(1, Math.floor(Number(e.target.value) || 1)) })
            }
          />
        </label>
        <label className="field">
          <span className="field-label">Concurrency</span>
          <input
            className="input"
            type="number"
            min={1}
            max={1000}
            value={bulk.concurrency}
            onChange={(e) =>
              bulkSettingsEdited({ concurrency: Math.max(1, Math.floor(Number(e.target.value) || 1)) })
            }
          />
        </label>
        <div className="field fire-grid-action">
          {running ? (
            <button type="button" className="button" onClick={() => void cancelRequested('bulk')}>
              Cancel
            </button>
          ) : (
            <button
              type="button"
              className="button"
              disabled={blocker !== null}
              title={blocker ?? undefined}
              onClick={() => void bulkRequested()}
            >
              <Gauge size={14} aria-hidden="true" />
              Fire {formatCount(bulk.count)}
            </button>
          )}
        </div>
      </div>
      {(running || bulk.result) && (
        <div className="bulk-progress">
          <progress max={1} value={fraction} aria-label="Bulk fire progress" data-testid="bulk-progress" />
          <span className="muted">
            {formatCount(bulk.result?.sent ?? bulk.progress?.done ?? 0)} / {formatCount(bulk.count)}
            {bulk.progress && !bulk.result ? ` · ${bulk.progress.errors} errors` : ''}
          </span>
        </div>
      )}
      {bulk.error && (
        <p className="field-problem" role="alert">
          {bulk.error}
        </p>
      )}
      {bulk.result && <BulkSummary result={bulk.result} />}
    </details>
  );
}
