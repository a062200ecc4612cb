import { Plus, Settings2, Trash2 } from 'lucide-react';
import type { Inbox } from '../../../../shared/inbox-models';
import { CopyButton } from '../../components/copy-button';
import { Dialog } from '../../components/dialog';
import { formatCount } from '../../lib/format';
import { useInboxStore } from '../../stores/inbox';
import { useInboxesStore } from '../../stores/inboxes';
import { DEFAULT_INBOX } from '../../stores/inboxes/selectors';

/** Every inbox with its URL (copyable), capture count and what it does differently; settings and delete per row. */
export function ManageInboxesDialog({ onClose }: { onClose: () => void }) {
  const inboxes = useInboxesStore((s) => s.inboxes);
  const open = useInboxesStore((s) => s.dialogOpened);
  return (
    <Dialog
      open
      onOpenChange={(o) => !o && onClose()}
      title="Inboxes"
      description="Each inbox has its own URL. Requests to any other path go to default, marked “no inbox”."
      size="wide"
      testId="manage-inboxes-dialog"
      footer={
        <button type="button" className="button button-primary" onClick={() => open({ kind: 'create' })}>
          <Plus size={14} aria-hidden="true" />
          New inbox
        </button>
      }
    >
      <table className="inbox-table">
        <thead>
          <tr>
            <th scope="col">Inbox</th>
            <th scope="col">URL</th>
            <th scope="col" className="numeric">
              Captures
            </th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {inboxes.map((inbox) => (
            <tr key={inbox.slug} data-testid="inbox-table-row">
              <td>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => {
                    void useInboxStore.getState().filterChanged({ inbox: inbox.slug });
                    onClose();
                  }}
                  title="Show this inbox's captures"
                >
                  <span className="mono">{inbox.slug}</span>
                </button>
                {inbox.name !== inbox.slug && <span className="muted"> {inbox.name}</span>}
                <InboxTraits inbox={inbox} />
              </td>
              <td className="url-cell">
                <span className="mono">{inbox.url ?? 'receiver not listening'}</span>
                {inbox.url && <CopyButton text={inbox.url} label={`Copy URL of ${inbox.slug}`} />}
              </td>
              <td className="numeric">{formatCount(inbox.captureCount)}</td>
              <td className="row-actions">
                <button
                  type="button"
                  className="button button-ghost icon-button"
                  aria-label={`Settings of ${inbox.slug}`}
                  onClick={() => open({ kind: 'settings', slug: inbox.slug })}
                >
                  <Settings2 size={14} aria-hidden="true" />
                </button>
                {inbox.slug !== DEFAULT_INBOX && (
                  <button
                    type="button"
                    className="button button-ghost icon-button button-ghost-danger"
                    aria-label={`Delete ${inbox.slug}`}
                    onClick={() => open({ kind: 'delete', slug: inbox.slug })}
                  >
                    <Trash2 size={14} aria-hidden="true" />
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}

/** Small tags for what an inbox does besides answering 200: failures, forwarding, delay. */
export function InboxTraits({ inbox }: { inbox: Inbox }) {
  const { failure, forward, response } = inbox.settings;
  const traits: string[] = [];
  if (response.status !== 200) traits.push(`answers ${response.status}`);
  if (response.delayMs > 0) traits.push(`${response.delayMs} ms delay`);
  if (failure.neverAnswer) traits.push('never answers');
  if (failure.failFirstAttempts > 0) traits.push(`fails first ${failure.failFirstAttempts}`);
  if (failure.failPercent > 0) traits.push(`fails ${failure.failPercent}%`);
  if (forward.url) traits.push(`forwards to ${forward.url}`);
  if (traits.length === 0) return null;
  return (
    <span className="inbox-traits">
      {traits.map((t) => (
        <span key={t} className="tag">
          {t}
        </span>
      ))}
    </span>
  );
}
