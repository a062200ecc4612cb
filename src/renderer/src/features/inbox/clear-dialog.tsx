import { useState } from 'react';
import { ConfirmDialog } from '../../components/dialog';
import { useInboxStore } from '../../stores/inbox';

/**
 * Asks before clearing: the shown inbox's captures when one is shown, else all of them. Pinned captures are kept,
 * and the dialog says so.
 */
export function ClearDialog({ onClose }: { onClose: () => void }) {
  const inbox = useInboxStore((s) => s.filter.inbox);
  const [busy, setBusy] = useState(false);
  const scope = inbox !== null ? 'inbox' : 'all';
  const confirm = async (): Promise<void> => {
    setBusy(true);
    await useInboxStore.getState().clearRequested(scope);
    setBusy(false);
    onClose();
  };
  return (
    <ConfirmDialog
      open
      onOpenChange={(open) => !open && onClose()}
      title={inbox !== null ? `Clear inbox "${inbox}"?` : 'Clear all captures?'}
      message={
        <>
          {inbox !== null
            ? `Every capture of the inbox "${inbox}" is deleted`
            : 'Every capture of every inbox is deleted'}
          , except pinned captures, which are kept. This cannot be undone.
        </>
      }
      confirmLabel={inbox !== null ? 'Clear inbox' : 'Clear all'}
      busy={busy}
      onConfirm={confirm}
      testId="clear-dialog"
    />
  );
}
