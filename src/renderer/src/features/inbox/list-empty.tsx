import { Inbox as InboxIcon, SearchX } from 'lucide-react';
import { CopyButton } from '../../components/copy-button';
import { useInboxStore } from '../../stores/inbox';
import { isFiltered } from '../../stores/inbox/list-filter';
import { useInboxesStore } from '../../stores/inboxes';
import { inboxBySlug } from '../../stores/inboxes/selectors';

/** What an empty filtered list says: where to send webhooks for an empty inbox, else that nothing matches. */
export function ListEmpty() {
  const filter = useInboxStore((s) => s.filter);
  const inbox = useInboxesStore((s) => inboxBySlug(s, filter.inbox));
  const onlyInbox = filter.inbox !== null && !isFiltered({ ...filter, inbox: null });
  if (onlyInbox) {
    const example = inbox?.url
      ? `curl -X POST ${inbox.url} -H 'Content-Type: application/json' -d '{"hello":"world"}'`
      : null;
    return (
      <div className="list-empty" data-testid="no-matches">
        <InboxIcon size={24} aria-hidden="true" />
        <p>Nothing has arrived at the inbox &quot;{filter.inbox}&quot; yet.</p>
        {example && (
          <div className="command-box">
            <pre className="mono">{example}</pre>
            <CopyButton text={example} label="Copy curl command">
              Copy
            </CopyButton>
          </div>
        )}
      </div>
    );
  }
  return (
    <div className="list-empty" data-testid="no-matches">
      <SearchX size={24} aria-hidden="true" />
      <p>No captures match these filters.</p>
      <p className="muted">
        Change or clear the filters{filter.inbox !== null ? ', or pick All inboxes' : ''}.
      </p>
    </div>
  );
}
