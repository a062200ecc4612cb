import { LoaderCircle } from 'lucide-react';
import { useEffect } from 'react';
import { ErrorBanner } from '../../components/error-banner';
import { StatusCode } from '../../components/status-code';
import { formatDuration, formatTimestamp } from '../../lib/format';
import { useCaptureDetailStore } from '../../stores/capture-detail';
import { useInboxStore } from '../../stores/inbox';

/** Time between two attempts in words: `+4 s`, `+2 min`, `+1.5 h`. */
function gap(ms: number): string {
  if (ms < 1000) return `+${Math.round(ms)} ms`;
  if (ms < 60_000) return `+${Math.round(ms / 1000)} s`;
  if (ms < 3_600_000) return `+${Math.round(ms / 60_000)} min`;
  return `+${(ms / 3_600_000).toFixed(1)} h`;
}

/**
 * Every attempt of one delivery (grouped by its delivery id), oldest first: attempt number, when, the gap since the
 * previous try, what was answered and how long the answer took. The shown capture is highlighted; clicking another opens it.
 */
export function AttemptsView({ deliveryId, currentId }: { deliveryId: string; currentId: number }) {
  const entry = useCaptureDetailStore((s) => s.attempts[deliveryId]);
  const needsFetch =
    entry === undefined || entry.status === 'failed' || (entry.status === 'ready' && !!entry.stale);
  useEffect(() => {
    if (needsFetch) void useCaptureDetailStore.getState().attemptsRequested(deliveryId);
  }, [deliveryId, needsFetch]);

  if (!entry || entry.status === 'loading') {
    return (
      <p className="muted panel-note" role="status">
        <LoaderCircle size={12} className="spin" aria-hidden="true" /> Loading the attempts of {deliveryId}…
      </p>
    );
  }
  if (entry.status === 'failed') {
    return (
      <ErrorBanner
        title="Could not load the attempts"
        message={entry.error}
        onRetry={() => void useCaptureDetailStore.getState().attemptsRequested(deliveryId)}
      />
    );
  }
  return (
    <div className="attempts">
      <p className="muted panel-note">
        Delivery <code className="inline-code">{deliveryId}</code>: {entry.attempts.length}{' '}
        {entry.attempts.length === 1 ? 'attempt' : 'attempts'}
      </p>
      <ol className="attempt-timeline" data-testid="attempt-timeline">
        {entry.attempts.map((attempt, index) => {
          const previous = entry.attempts[index - 1];
          const current = attempt.id === currentId;
          return (
            <li
              key={attempt.id}
              className="attempt"
              aria-current={current ? 'true' : undefined}
              data-testid="attempt"
            >
              <button
                type="button"
                className="attempt-button"
                onClick={() => useInboxStore.getState().captureSelected(attempt.id)}
                aria-label={`Attempt ${attempt.attempt}, answered ${attempt.status === 0 ? 'nothing' : `${attempt.status} in ${formatDuration(attempt.durationMs)}`}${current ? ' (shown)' : ''}`}
              >
                <span className="attempt-dot" aria-hidden="true" />
                <span className="attempt-number">#{attempt.attempt}</span>
                <time className="attempt-time" dateTime={new Date(attempt.receivedAt).toISOString()}>
                  {formatTimestamp(attempt.receivedAt)}
                </time>
                <span className="attempt-gap muted">
                  {previous ? gap(attempt.receivedAt - previous.receivedAt) : 'first'}
                </span>
                <span className="attempt-status">
                  <StatusCode status={attempt.status} />
                </span>
                <span
                  className="attempt-duration muted"
                  title="Time from the request's first byte to the answer"
                >
                  {attempt.status === 0 ? '' : formatDuration(attempt.durationMs)}
                </span>
              </button>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
