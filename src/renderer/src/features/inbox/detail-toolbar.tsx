import { Pin, PinOff, Repeat2, Trash2 } from 'lucide-react';
import { useState } from 'react';
import type { CaptureDetail } from '../../../../shared/models';
import { ConfirmDialog } from '../../components/dialog';
import { CopyButton } from '../../components/copy-button';
import { curlForCapture, fetchForCapture } from '../../lib/capture-commands';
import { useAppStore } from '../../stores/app';
import { receiverUrl } from '../../stores/app/selectors';
import { useCaptureDetailStore } from '../../stores/capture-detail';
import { useInboxStore } from '../../stores/inbox';

/** What can be done with the shown capture: pin, replay, copy as curl or fetch, delete (after a confirmation). */
export function DetailToolbar({ detail }: { detail: CaptureDetail }) {
  const receiver = useAppStore(receiverUrl);
  // The list row is updated by events before the detail is refetched, so it is the fresher source for `pinned`.
  const pinned = useInboxStore((s) => s.items.find((c) => c.id === detail.id)?.pinned ?? detail.pinned);
  const [confirming, setConfirming] = useState(false);
  const [deleting, setDeleting] = useState(false);

  const onDelete = async (): Promise<void> => {
    setDeleting(true);
    await useInboxStore.getState().deleteRequested([detail.id]);
    setDeleting(false);
    setConfirming(false);
  };

  return (
    <div className="detail-toolbar" role="toolbar" aria-label="Capture actions">
      <button
        type="button"
        className="button button-ghost"
        aria-pressed={pinned}
        title={
          pinned
            ? 'Unpin (p): retention and Clear may delete it again'
            : 'Pin (p): kept by retention and Clear'
        }
        onClick={() => void useInboxStore.getState().pinToggled(detail.id)}
      >
        {pinned ? <PinOff size={14} aria-hidden="true" /> : <Pin size={14} aria-hidden="true" />}
        {pinned ? 'Unpin' : 'Pin'}
      </button>
      <button
        type="button"
        className="button button-ghost"
        title="Replay (r): resend to any URL"
        onClick={() => useCaptureDetailStore.getState().tabSelected('replay')}
      >
        <Repeat2 size={14} aria-hidden="true" />
        Replay
      </button>
      <CopyButton
        text={() => curlForCapture(detail, receiver)}
        label="Copy as curl (c)"
        className="toolbar-copy"
      >
        Copy as curl
      </CopyButton>
      <CopyButton
        text={() => fetchForCapture(detail, receiver)}
        label="Copy as fetch"
        className="toolbar-copy"
      >
        Copy as fetch
      </CopyButton>
      <span className="spacer" />
      <button
        type="button"
        className="button button-ghost button-ghost-danger"
        onClick={() => setConfirming(true)}
        title="Delete this capture"
      >
        <Trash2 size={14} aria-hidden="true" />
        Delete
      </button>
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title={`Delete capture #${detail.id}?`}
        message={`${detail.method} ${detail.url} will be deleted for good${pinned ? ', although it is pinned' : ''}. This cannot be undone.`}
        confirmLabel="Delete"
        busy={deleting}
        onConfirm={onDelete}
        testId="confirm-delete"
      />
    </div>
  );
}
