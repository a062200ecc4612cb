import { useVirtualizer } from '@tanstack/react-virtual';
import { ArrowUp, LoaderCircle, RotateCw } from 'lucide-react';
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { ErrorBanner } from '../../components/error-banner';
import { pluralize } from '../../lib/format';
import { useInboxStore } from '../../stores/inbox';
import { selectedIndex, shouldLoadMore } from '../../stores/inbox/selectors';
import { InboxBar } from '../inboxes/inbox-bar';
import { CaptureListHeader } from './capture-list-header';
import { CaptureRow, ROW_HEIGHT, rowDomId } from './capture-row';
import { FiltersBar } from './filters-bar';
import { ListEmpty } from './list-empty';
import { ListNotices } from './list-notices';

/** Keys that move the selection, and by how many rows (page keys by a screenful). */
function stepFor(key: string, pageRows: number): number | null {
  switch (key) {
    case 'ArrowDown':
      return 1;
    case 'ArrowUp':
      return -1;
    case 'PageDown':
      return pageRows;
    case 'PageUp':
      return -pageRows;
    case 'Home':
      return -Infinity;
    case 'End':
      return Infinity;
    default:
      return null;
  }
}

/**
 * The live, virtualized capture list. Only the visible rows exist in the DOM, so it stays smooth with 100,000
 * captures; older pages load as the end comes near. New captures are prepended: at the top they simply show,
 * further down the scroll position is shifted by their height so the rows under the pointer do not move.
 */
export function CaptureList() {
  const items = useInboxStore((s) => s.items);
  const selectedId = useInboxStore((s) => s.selectedId);
  const loading = useInboxStore((s) => s.loading);
  const hasMore = useInboxStore((s) => s.hasMore);
  const error = useInboxStore((s) => s.error);
  const failedRequest = useInboxStore((s) => s.failedRequest);
  const captureSelected = useInboxStore((s) => s.captureSelected);
  const unseenMatching = useInboxStore((s) => s.unseenMatching);
  const status = useInboxStore((s) => s.status);
  const scrollRef = useRef<HTMLDivElement>(null);
  const [unseenAbove, setUnseenAbove] = useState(0);

  // The React Compiler is not used in this project, so its warning about useVirtualizer's unmemoizable API is moot.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    getItemKey: (index) => items[index]?.id ?? index,
    overscan: 15,
  });
  const virtualRows = virtualizer.getVirtualItems();
  const lastVisible = virtualRows[virtualRows.length - 1]?.index ?? -1;

  // Keep what the user is looking at in place when rows are prepended above it.
  const firstIdRef = useRef<number | undefined>(items[0]?.id);
  useLayoutEffect(() => {
    const previousFirst = firstIdRef.current;
    firstIdRef.current = items[0]?.id;
    const element = scrollRef.current;
    if (previousFirst === undefined || !element || element.scrollTop <= 0) return;
    const added = items.findIndex((c) => c.id === previousFirst);
    if (added > 0) {
      element.scrollTop += added * ROW_HEIGHT;
      setUnseenAbove((n) => n + added);
    }
  }, [items]);

  useEffect(() => {
    const state = useInboxStore.getState();
    if (shouldLoadMore(state, lastVisible)) void state.endReached();
  }, [lastVisible, items.length, hasMore, loading]);

  const onSelect = useCallback(
    (id: number) => {
      captureSelected(id);
      scrollRef.current?.focus({ preventScroll: true });
    },
    [captureSelected],
  );

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const pageRows = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 0) / ROW_HEIGHT) - 1);
    const step = stepFor(event.key, pageRows);
    if (step === null) return;
    event.preventDefault();
    const store = useInboxStore.getState();
    store.selectionMoved(step);
    const index = selectedIndex(useInboxStore.getState());
    if (index >= 0) virtualizer.scrollToIndex(index, { align: 'auto' });
  };

  const onScroll = (): void => {
    if (unseenAbove > 0 && (scrollRef.current?.scrollTop ?? 0) <= 0) setUnseenAbove(0);
  };

  const selectedRendered = virtualRows.some((row) => items[row.index]?.id === selectedId);
  return (
    <section className="list-pane" aria-label="Captures">
      <CaptureListHeader />
      <InboxBar />
      <FiltersBar />
      <ListNotices />
      <div className="list-columns" aria-hidden="true">
        <span className="cell cell-time">Time</span>
        <span className="cell cell-method">Method</span>
        <span className="cell cell-path">Path</span>
        <span className="cell cell-status">Status</span>
        <span className="cell cell-type">Type</span>
        <span className="cell cell-size">Size</span>
      </div>
      <div className="list-body">
        {unseenMatching > 0 && (
          <button
            type="button"
            className="new-above"
            data-testid="refresh-pill"
            onClick={() => void useInboxStore.getState().refreshRequested()}
          >
            <RotateCw size={14} aria-hidden="true" />
            {pluralize(unseenMatching, 'new capture')} — refresh
          </button>
        )}
        {status === 'ready' && items.length === 0 && !loading && !error && <ListEmpty />}
        {unseenAbove > 0 && unseenMatching === 0 && (
          <button
            type="button"
            className="new-above"
            onClick={() => {
              scrollRef.current?.scrollTo({ top: 0 });
              setUnseenAbove(0);
            }}
          >
            <ArrowUp size={14} aria-hidden="true" />
            {pluralize(unseenAbove, 'new capture')}
          </button>
        )}
        <div
          ref={scrollRef}
          className="list-scroll"
          role="listbox"
          aria-label="Captures, newest first"
          tabIndex={0}
          aria-activedescendant={selectedId !== null && selectedRendered ? rowDomId(selectedId) : undefined}
          onKeyDown={onKeyDown}
          onScroll={onScroll}
        >
          <div className="list-sizer" style={{ height: virtualizer.getTotalSize() }}>
            {virtualRows.map((row) => {
              const capture = items[row.index];
              if (!capture) return null;
              return (
                <CaptureRow
                  key={capture.id}
                  capture={capture}
                  selected={capture.id === selectedId}
                  onSelect={onSelect}
                  top={row.start}
                />
              );
            })}
          </div>
        </div>
      </div>
      <div className="list-footer" aria-live="polite">
        {error && items.length > 0 ? (
          <ErrorBanner
            title={
              failedRequest === 'newer'
                ? 'Could not fetch the captures that arrived while disconnected'
                : 'Could not load older captures'
            }
            message={error}
            onRetry={() => void useInboxStore.getState().retryRequested()}
          />
        ) : loading ? (
          <span className="muted">
            <LoaderCircle size={12} className="spin" aria-hidden="true" /> Loading captures…
          </span>
        ) : (
          <span className="muted">
            {hasMore
              ? `${pluralize(items.length, 'capture')} loaded; scroll for older ones`
              : 'All captures loaded'}
          </span>
        )}
      </div>
    </section>
  );
}
