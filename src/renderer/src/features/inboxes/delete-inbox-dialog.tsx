import { useState } from 'react';
import { ConfirmDialog } from '../../components/dialog';
import { ErrorBanner } from '../../components/error-banner';
import { describeError } from '../../lib/bridge';
import { pluralize } from '../../lib/format';
import { useInboxStore } from '../../stores/inbox';
import { useInboxesStore } from '../../stores/inboxes';
import { inboxBySlug } from '../../stores/inboxes/selectors';

/** Asks before deleting an inbox, saying how many captures go with it (pinned ones too: their inbox is gone). */
export function DeleteInboxDialog({ slug, onClose }: { slug: string; onClose: () => void }) {
  const inbox = useInboxesStore((s) => inboxBySlug(s, slug));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const count = inbox?.captureCount ?? 0;

  const confirm = async (): Promise<void> => {
    setBusy(true);
    try {
      await useInboxesStore.getState().inboxDeleteRequested(slug);
      if (useInboxStore.getState().filter.inbox === slug)
        void useInboxStore.getState().filterChanged({ inbox: null });
      onClose();
    } catch (e) {
      setError(describeError(e));
      setBusy(false);
    }
  };

  return (
    <>
      <ConfirmDialog
        open
        onOpenChange={(open) => !open && onClose()}
        title={`Delete inbox "${slug}"?`}
        message={
          <>
            Its URL stops working and{' '}
            {count === 0
              ? 'it holds no captures.'
              : `its ${pluralize(count, 'capture')} are deleted with it, pinned ones included.`}{' '}
            This cannot be undone.
          </>
        }
        confirmLabel={count === 0 ? 'Delete inbox' : `Delete inbox and ${pluralize(count, 'capture')}`}
        busy={busy}
        onConfirm={confirm}
        testId="delete-inbox-dialog"
      >
        {error && <ErrorBanner title="The inbox was not deleted" message={error} />}
      </ConfirmDialog>
    </>
  );
}
