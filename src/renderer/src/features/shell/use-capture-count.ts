import { useInboxStore } from '../../stores/inbox';
import { isFiltered } from '../../stores/inbox/list-filter';
import { useInboxesStore } from '../../stores/inboxes';

/**
 * How many captures the history holds in all, whatever the list is filtered by: the list's own total while it is
 * unfiltered (exact and live), else the sum of the inboxes' counts.
 */
export function useCaptureCount(): number {
  const filtered = useInboxStore((s) => isFiltered(s.filter));
  const listTotal = useInboxStore((s) => s.total);
  const inboxSum = useInboxesStore((s) =>
    s.status === 'ready' ? s.inboxes.reduce((sum, inbox) => sum + inbox.captureCount, 0) : null,
  );
  return filtered && inboxSum !== null ? inboxSum : listTotal;
}
