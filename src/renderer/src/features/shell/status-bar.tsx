import { CopyButton } from '../../components/copy-button';
import { pluralize } from '../../lib/format';
import { useAppStore } from '../../stores/app';
import { describeConnection, describeReceiver, isBrowserMode } from '../../stores/app/selectors';
import { useInboxStore } from '../../stores/inbox';
import { PublicUrlStatus } from '../tunnels/public-url-status';
import { useCaptureCount } from './use-capture-count';

/** The bottom bar: where webhooks go (with copy), whether the receiver works, how many captures, live state. */
export function StatusBar() {
  const receiver = useAppStore((s) => s.receiver);
  const browser = useAppStore(isBrowserMode);
  const connection = useAppStore((s) => s.connection);
  const connectionText = useAppStore(describeConnection);
  const version = useAppStore((s) => s.info?.version);
  const total = useCaptureCount();
  const inboxReady = useInboxStore((s) => s.status === 'ready');
  const state = receiver?.state ?? 'unknown';

  return (
    <footer className="status-bar">
      <span className={`status-item receiver-state receiver-${state}`}>
        <span className="dot" aria-hidden="true" />
        {receiver?.state === 'listening' && receiver.url ? (
          <>
            <span>Receiver</span>
            <span className="mono" data-testid="receiver-url">
              {receiver.url}
            </span>
            <CopyButton text={receiver.url} label="Copy receiver URL" />
            <PublicUrlStatus />
          </>
        ) : (
          <span className={receiver?.state === 'failed' ? 'status-error' : undefined}>
            {describeReceiver(receiver)}
          </span>
        )}
      </span>
      <span className="status-item">{inboxReady ? pluralize(total, 'capture') : 'Loading captures…'}</span>
      <span className="status-spacer" />
      {browser && (
        <span
          className={`status-item connection connection-${connection}`}
          role="status"
          data-testid="connection-state"
          title="Live updates from the Hookbench server"
        >
          <span className="dot" aria-hidden="true" />
          {connectionText}
        </span>
      )}
      {version && <span className="status-item status-faint">v{version}</span>}
    </footer>
  );
}
