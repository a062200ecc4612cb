import { Settings2 } from 'lucide-react';
import { CopyButton } from '../../components/copy-button';
import { useInboxStore } from '../../stores/inbox';
import { useInboxesStore } from '../../stores/inboxes';
import { inboxBySlug } from '../../stores/inboxes/selectors';
import { InboxTraits } from './manage-inboxes-dialog';

/** Under the list header when one inbox is shown: its URL to copy, what it does differently, its settings. */
export function InboxBar() {
  const slug = useInboxStore((s) => s.filter.inbox);
  const inbox = useInboxesStore((s) => inboxBySlug(s, slug));
  if (!slug) return null;
  return (
    <div className="inbox-bar" data-testid="inbox-bar">
      {inbox ? (
        <>
          <span className="mono inbox-url" data-testid="inbox-url">
            {inbox.url ?? 'receiver not listening'}
          </span>
          {inbox.url && <CopyButton text={inbox.url} label={`Copy URL of ${inbox.slug}`} />}
          {inbox.publicUrl && (
            <>
              <span className="inbox-public-label">public</span>
              <span className="mono inbox-url" data-testid="inbox-public-url">
                {inbox.publicUrl}
              </span>
              <CopyButton text={inbox.publicUrl} label={`Copy public URL of ${inbox.slug}`} />
            </>
          )}
          <InboxTraits inbox={inbox} />
          <span className="spacer" />
          <button
            type="button"
            className="button button-ghost icon-button"
            aria-label={`Settings of inbox ${inbox.slug}`}
            title="Inbox settings: response rule, failures, forwarding"
            onClick={() => useInboxesStore.getState().dialogOpened({ kind: 'settings', slug: inbox.slug })}
          >
            <Settings2 size={14} aria-hidden="true" />
          </button>
        </>
      ) : (
        <span className="muted">The inbox &quot;{slug}&quot; no longer exists.</span>
      )}
    </div>
  );
}
