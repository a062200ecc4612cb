import { Inbox, TriangleAlert } from 'lucide-react';
import { CopyButton } from '../../components/copy-button';
import { curlExample } from '../../lib/curl-example';
import { useAppStore } from '../../stores/app';
import { describeReceiver, receiverUrl } from '../../stores/app/selectors';

/**
 * Shown while the history is empty: says exactly how to get the first capture, with a ready-to-paste curl command
 * built from the receiver's real address. When the receiver is not listening it says why instead.
 */
export function EmptyInbox() {
  const url = useAppStore(receiverUrl);
  const receiver = useAppStore((s) => s.receiver);
  return (
    <section className="empty-state" data-testid="empty-inbox" aria-labelledby="empty-inbox-title">
      <Inbox size={32} aria-hidden="true" className="empty-icon" />
      <h2 id="empty-inbox-title">No webhooks captured yet</h2>
      {url ? (
        <>
          <p>
            Point a webhook at <code className="inline-code">{url}</code> (any path and method is captured),
            or send a test one now from a terminal:
          </p>
          <div className="command-box">
            <pre className="mono">{curlExample(url)}</pre>
            <CopyButton text={curlExample(url)} label="Copy curl command">
              Copy
            </CopyButton>
          </div>
          <p className="muted">It appears here as soon as it arrives; no reload needed.</p>
        </>
      ) : (
        <>
          <p className={receiver?.state === 'failed' ? 'empty-warning' : 'muted'}>
            {receiver?.state === 'failed' && <TriangleAlert size={14} aria-hidden="true" />}
            {describeReceiver(receiver)}
          </p>
          <p className="muted">
            {receiver?.state === 'failed'
              ? 'Webhooks cannot be captured until the receiver listens: fix the cause above, then restart Hookbench.'
              : 'A ready-to-paste test command appears here once the receiver listens.'}
          </p>
        </>
      )}
    </section>
  );
}
