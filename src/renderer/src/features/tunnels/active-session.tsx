import { CircleAlert, CircleCheck, CircleStop, LoaderCircle } from 'lucide-react';
import { useEffect, useState } from 'react';
import type { TunnelProvider, TunnelSession } from '../../../../shared/tunnel-models';
import { CopyButton } from '../../components/copy-button';
import { formatClock } from '../../lib/format';
import { useTunnelsStore } from '../../stores/tunnels';
import { describeSession } from './tunnel-format';

/** Re-renders every second while `active`, for countdowns. */
function useNow(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [active]);
  return now;
}

/** The running public URL: its state, the URL to copy, the tool's error and output, restarts and the next retry. */
export function ActiveSession({
  session,
  provider,
}: {
  session: TunnelSession;
  provider: TunnelProvider | undefined;
}) {
  const busy = useTunnelsStore((s) => s.busy);
  const now = useNow(session.state === 'failed' && session.nextRetryAt !== null);
  const Icon =
    session.state === 'online'
      ? CircleCheck
      : session.state === 'failed'
        ? CircleAlert
        : session.state === 'stopped'
          ? CircleStop
          : LoaderCircle;
  const running = session.state !== 'stopped';
  return (
    <section
      className={`tunnel-session tunnel-${session.state}`}
      data-testid="tunnel-session"
      data-state={session.state}
      aria-label="Running public URL"
    >
      <div className="tunnel-session-head">
        <Icon size={16} aria-hidden="true" className={session.state === 'starting' ? 'spin' : undefined} />
        <strong>{provider?.label ?? session.kind}</strong>
        <span className="tunnel-state" role="status" data-testid="tunnel-state">
          {describeSession(session, now)}
        </span>
        <span className="spacer" />
        {running && (
          <button
            type="button"
            className="button"
            disabled={busy?.action === 'stop'}
            onClick={() => void useTunnelsStore.getState().tunnelStopRequested()}
          >
            {busy?.action === 'stop' ? 'Stopping…' : 'Stop'}
          </button>
        )}
      </div>
      {session.publicUrl && (
        <p className="tunnel-url-row">
          <span className="muted">{session.kind === 'relay' ? 'Channel' : 'Public URL'}</span>
          <a
            className="mono tunnel-url"
            href={session.publicUrl}
            target="_blank"
            rel="noreferrer"
            data-testid="tunnel-url"
          >
            {session.publicUrl}
          </a>
          <CopyButton text={session.publicUrl} label="Copy public URL" />
        </p>
      )}
      <p className="tunnel-facts muted">
        delivers to <span className="mono">{session.target}</span>
        {session.inbox && (
          <>
            {' '}
            (inbox <span className="mono">{session.inbox}</span>)
          </>
        )}
        {session.onlineAt !== null && <> · online since {formatClock(session.onlineAt)}</>}
        {session.restarts > 0 && <> · restarted {session.restarts}×</>}
        {session.state === 'failed' && session.nextRetryAt !== null && (
          <> · next try at {formatClock(session.nextRetryAt)}</>
        )}
      </p>
      {session.state === 'failed' && session.error && (
        <pre className="tunnel-error mono" role="alert" data-testid="tunnel-error">
          {session.error}
        </pre>
      )}
      {session.warnings.map((w) => (
        <p key={w} className="notice notice-warning">
          <CircleAlert size={14} aria-hidden="true" /> {w}
        </p>
      ))}
      {session.output.length > 0 && (
        <details className="tunnel-log" open={session.state === 'failed'}>
          <summary>
            Output of {session.kind} ({session.output.length} lines)
          </summary>
          <pre className="mono" data-testid="tunnel-output">
            {session.output.join('\n')}
          </pre>
        </details>
      )}
    </section>
  );
}
