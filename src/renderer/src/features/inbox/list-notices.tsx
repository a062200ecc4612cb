import { CircleCheck, LoaderCircle, TriangleAlert, X } from 'lucide-react';
import { useInboxStore } from '../../stores/inbox';
import { useTransferStore } from '../../stores/transfer';

/** A one-line message above the list with a close button. */
function Notice({
  kind,
  text,
  onDismiss,
  testId,
}: {
  kind: 'success' | 'error';
  text: string;
  onDismiss: () => void;
  testId: string;
}) {
  const Icon = kind === 'success' ? CircleCheck : TriangleAlert;
  return (
    <div
      className={`list-notice list-notice-${kind}`}
      role={kind === 'error' ? 'alert' : 'status'}
      data-testid={testId}
    >
      <Icon size={14} aria-hidden="true" />
      <span className="list-notice-text">{text}</span>
      <button
        type="button"
        className="button button-ghost icon-button"
        aria-label="Dismiss"
        onClick={onDismiss}
      >
        <X size={14} aria-hidden="true" />
      </button>
    </div>
  );
}

/** Progress and outcomes of export/import, and failed pin/delete/clear actions, above the list. */
export function ListNotices() {
  const running = useTransferStore((s) => s.running);
  const notice = useTransferStore((s) => s.notice);
  const actionError = useInboxStore((s) => s.actionError);
  return (
    <>
      {running && (
        <div className="list-notice" role="status" data-testid="transfer-progress">
          <LoaderCircle size={14} className="spin" aria-hidden="true" />
          <span>{running === 'export' ? 'Exporting captures…' : 'Importing captures…'}</span>
        </div>
      )}
      {notice && (
        <Notice
          kind={notice.kind}
          text={notice.text}
          onDismiss={() => useTransferStore.getState().noticeDismissed()}
          testId="transfer-notice"
        />
      )}
      {actionError && (
        <Notice
          kind="error"
          text={actionError}
          onDismiss={() => useInboxStore.getState().actionErrorDismissed()}
          testId="action-error"
        />
      )}
    </>
  );
}
