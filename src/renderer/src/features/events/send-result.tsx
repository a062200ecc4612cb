import { CircleX, LoaderCircle } from 'lucide-react';
import { useEffect, useRef } from 'react';
import type { FireAttempt } from '../../../../shared/fire-models';
import { StatusCode } from '../../components/status-code';
import { decodeBody } from '../../lib/decode-body';
import { useFireStore } from '../../stores/fire';
import { formatMs } from './fire-format';

/** The answer's body as text (pretty JSON when it is JSON). */
function bodyText(bodyBase64: string): string {
  const decoded = decodeBody(bodyBase64);
  if (decoded.kind === 'empty') return '';
  if (decoded.kind === 'json') return decoded.pretty;
  if (decoded.kind === 'text') return decoded.text;
  return `(${decoded.bytes.length} bytes of binary data)`;
}

function AttemptCard({ attempt }: { attempt: FireAttempt }) {
  const { exchange } = attempt;
  const body = bodyText(exchange.bodyBase64);
  return (
    <li className="attempt-card" data-testid="fire-attempt">
      <div className="attempt-line">
        <span className="muted">Attempt {attempt.attempt}</span>
        {exchange.status === null ? (
          <span className="error-text">No answer</span>
        ) : (
          <span data-testid="fire-status">
            <StatusCode status={exchange.status} />
          </span>
        )}
        <span className="muted" data-testid="fire-latency">
          {formatMs(exchange.durationMs)}
        </span>
        {attempt.nextInMs !== null && <span className="muted">next in {formatMs(attempt.nextInMs)}</span>}
      </div>
      {exchange.error && <p className="error-text">{exchange.error}</p>}
      {exchange.headers.length > 0 && (
        <details>
          <summary className="muted">Response headers ({exchange.headers.length})</summary>
          <table className="headers-table">
            <tbody>
              {exchange.headers.map(([name, value], i) => (
                <tr key={i}>
                  <td className="header-name mono">{name}</td>
                  <td className="mono">{value}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
      {body !== '' && <pre className="code-block attempt-body">{body}</pre>}
    </li>
  );
}

const STATE_TEXT = {
  delivered: 'Delivered',
  failed: 'Failed: every attempt failed',
  retrying: 'Retrying on the schedule…',
  cancelled: 'Cancelled',
} as const;

/** The result of the latest send: each attempt's status, headers, body and latency; Cancel while retrying. */
export function SendResult() {
  const send = useFireStore((s) => s.send);
  const { cancelRequested } = useFireStore.getState();
  const card = useRef<HTMLElement>(null);
  // A result below the fold would go unseen: bring it into view when it arrives.
  useEffect(() => {
    card.current?.scrollIntoView({ block: 'nearest' });
  }, [send.result]);
  if (send.status === 'idle') return null;
  if (send.status === 'sending')
    return (
      <p className="events-hint" role="status">
        <LoaderCircle size={14} className="spin" aria-hidden="true" /> Sending…
      </p>
    );
  if (send.status === 'failed')
    return (
      <p className="field-problem" role="alert" data-testid="fire-error">
        <CircleX size={14} aria-hidden="true" /> {send.error}
      </p>
    );
  const result = send.result;
  if (!result) return null;
  return (
    <section ref={card} className="result-card" aria-label="Send result" data-testid="send-result">
      <div className="result-head">
        <strong>{send.runState ? STATE_TEXT[send.runState] : ''}</strong>
        {send.runState === 'retrying' && (
          <button type="button" className="button" onClick={() => void cancelRequested('send')}>
            Cancel retries
          </button>
        )}
      </div>
      <p className="muted result-url mono" title={result.url}>
        POST {result.url} · message {result.messageId}
      </p>
      {send.error && <p className="field-problem">{send.error}</p>}
      <ol className="attempt-list">
        {send.attempts.map((a) => (
          <AttemptCard key={a.attempt} attempt={a} />
        ))}
      </ol>
      {result.alsoSentTo.length > 0 && (
        <p className="muted">
          Also sent to {result.alsoSentTo.map((o) => `${o.url} (${o.status ?? o.error ?? '?'})`).join(', ')}
        </p>
      )}
    </section>
  );
}
