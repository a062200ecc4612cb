import { LoaderCircle } from 'lucide-react';
import { useEffect } from 'react';
import { ErrorBanner } from '../../components/error-banner';
import { useInboxStore } from '../../stores/inbox';
import { isInboxEmpty } from '../../stores/inbox/selectors';
import { CaptureDetailPane } from './capture-detail';
import { CaptureList } from './capture-list';
import { CaptureListHeader } from './capture-list-header';
import { EmptyInbox } from './empty-inbox';
import { ListNotices } from './list-notices';
import { useInboxShortcuts } from './use-inbox-shortcuts';

/** The Inbox area: the capture list beside the selected capture's detail, or what to do when there is none. */
export function InboxView() {
  const empty = useInboxStore(isInboxEmpty);
  const firstPageError = useInboxStore((s) => (s.failedRequest === 'first' ? s.error : null));
  const waiting = useInboxStore((s) => s.status !== 'ready' && s.items.length === 0);

  useEffect(() => {
    void useInboxStore.getState().inboxOpened();
  }, []);
  useInboxShortcuts();

  if (firstPageError) {
    return (
      <div className="area-padding">
        <ErrorBanner
          title="Could not load the capture history"
          message={firstPageError}
          onRetry={() => void useInboxStore.getState().retryRequested()}
        />
      </div>
    );
  }
  if (empty) {
    // The header stays, so inboxes can be created and an export imported before anything arrived.
    return (
      <div className="empty-area">
        <CaptureListHeader showLive={false} />
        <ListNotices />
        <EmptyInbox />
      </div>
    );
  }
  if (waiting) {
    return (
      <div className="area-centered" role="status">
        <LoaderCircle size={20} className="spin" aria-hidden="true" />
        <p>Loading captures…</p>
      </div>
    );
  }
  return (
    <div className="inbox">
      <CaptureList />
      <CaptureDetailPane />
    </div>
  );
}
