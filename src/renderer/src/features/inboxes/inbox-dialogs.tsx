import { useInboxesStore } from '../../stores/inboxes';
import { CreateInboxDialog } from './create-inbox-dialog';
import { DeleteInboxDialog } from './delete-inbox-dialog';
import { InboxSettingsDialog } from './inbox-settings-dialog';
import { ManageInboxesDialog } from './manage-inboxes-dialog';

/** Renders whichever inbox dialog is open (at most one), so any part of the UI can open one through the store. */
export function InboxDialogs() {
  const dialog = useInboxesStore((s) => s.dialog);
  const close = useInboxesStore((s) => s.dialogClosed);
  if (!dialog) return null;
  switch (dialog.kind) {
    case 'create':
      return <CreateInboxDialog onClose={close} />;
    case 'manage':
      return <ManageInboxesDialog onClose={close} />;
    case 'settings':
      return (
        <InboxSettingsDialog key={dialog.slug} slug={dialog.slug} focus={dialog.focus} onClose={close} />
      );
    case 'delete':
      return <DeleteInboxDialog slug={dialog.slug} onClose={close} />;
  }
}
