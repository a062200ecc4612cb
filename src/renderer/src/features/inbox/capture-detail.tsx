import { LoaderCircle, MousePointerClick } from 'lucide-react';
import { useEffect, useId } from 'react';
import type { CaptureDetail } from '../../../../shared/models';
import { ErrorBanner } from '../../components/error-banner';
import { TabPanel, Tabs, type TabItem } from '../../components/tabs';
import { useCaptureDetailStore } from '../../stores/capture-detail';
import type { DetailTab } from '../../stores/capture-detail/initial-state';
import { detailEntry, needsFetch } from '../../stores/capture-detail/selectors';
import { useInboxStore } from '../../stores/inbox';
import { checkTabLabel } from '../check/check-badge';
import { CheckView } from '../check/check-view';
import { signatureTabLabel } from '../signatures/signature-tab-label';
import { SignatureView } from '../signatures/signature-view';
import { AttemptsView } from './attempts-view';
import { BodyView } from './body-view';
import { DetailSummary } from './detail-summary';
import { DetailToolbar } from './detail-toolbar';
import { HeadersTable } from './headers-table';
import { ReplayPanel } from './replay-panel';
import { ResponseView } from './response-view';

/** The tabs a capture has: Attempts only when it carries a delivery id. */
function tabsFor(detail: CaptureDetail): TabItem<DetailTab>[] {
  const count = (n: number | string) => <span className="tab-count">{n}</span>;
  const replays = detail.replays.length;
  return [
    { id: 'body', label: 'Body' },
    { id: 'headers', label: <>Headers {count(detail.headers.length)}</> },
    {
      id: 'response',
      label: <>Response {count(detail.response.status === 0 ? '—' : detail.response.status)}</>,
    },
    { id: 'check', label: checkTabLabel(detail.check) },
    { id: 'signature', label: signatureTabLabel(detail.signature) },
    ...(detail.deliveryId !== null
      ? [{ id: 'attempts' as const, label: <>Attempts {count(`#${detail.attempt}`)}</> }]
      : []),
    { id: 'replay', label: <>Replay{replays > 0 && <> {count(replays)}</>}</> },
  ];
}

/** The detail of one loaded capture: summary, actions, tabs. */
function LoadedDetail({ detail }: { detail: CaptureDetail }) {
  const chosen = useCaptureDetailStore((s) => s.tab);
  const tabSelected = useCaptureDetailStore((s) => s.tabSelected);
  const idPrefix = useId();
  const tabs = tabsFor(detail);
  // A capture without a delivery id has no Attempts tab: fall back to the body rather than show nothing.
  const tab = tabs.some((t) => t.id === chosen) ? chosen : 'body';
  return (
    <>
      <DetailSummary detail={detail} />
      <DetailToolbar detail={detail} />
      <Tabs<DetailTab>
        label="Capture detail"
        idPrefix={idPrefix}
        selected={tab}
        onSelect={tabSelected}
        tabs={tabs}
      />
      <TabPanel idPrefix={idPrefix} id={tab}>
        {tab === 'body' && (
          <BodyView
            key={detail.id}
            bodyBase64={detail.bodyBase64}
            contentType={detail.contentType}
            truncated={detail.truncated}
            owner="request"
            testId="detail-body"
          />
        )}
        {tab === 'headers' && (
          <HeadersTable headers={detail.headers} caption="Request headers" testId="detail-headers" />
        )}
        {tab === 'response' && <ResponseView detail={detail} />}
        {tab === 'check' && <CheckView detail={detail} />}
        {tab === 'signature' && <SignatureView detail={detail} />}
        {tab === 'attempts' && detail.deliveryId !== null && (
          <AttemptsView deliveryId={detail.deliveryId} currentId={detail.id} />
        )}
        {/* Keyed by capture so the form starts from each capture, and survives refetches of the same one. */}
        {tab === 'replay' && <ReplayPanel key={detail.id} detail={detail} />}
      </TabPanel>
    </>
  );
}

/**
 * The right pane: everything about the selected capture. The chosen tab is kept while moving through captures, so
 * comparing the headers of several captures takes only ↑/↓.
 */
export function CaptureDetailPane() {
  const selectedId = useInboxStore((s) => s.selectedId);
  const entry = useCaptureDetailStore((s) => detailEntry(s, selectedId));
  // Re-runs when the cached entry is dropped or marked stale (the capture changed), so the pane refetches;
  // detailRequested itself skips ids that are cached and current or on the way.
  const fetchNeeded = useCaptureDetailStore((s) => selectedId !== null && needsFetch(s, selectedId));
  useEffect(() => {
    if (selectedId !== null && fetchNeeded) void useCaptureDetailStore.getState().detailRequested(selectedId);
  }, [selectedId, fetchNeeded]);

  let content;
  if (selectedId === null) {
    content = (
      <div className="detail-placeholder">
        <MousePointerClick size={28} aria-hidden="true" />
        <p>Select a capture to see its body, headers and the answer it got.</p>
        <p className="muted">
          In the list, ↑ and ↓ move through captures; <kbd>/</kbd> searches, <kbd>r</kbd> replays,{' '}
          <kbd>c</kbd> copies as curl, <kbd>p</kbd> pins.
        </p>
      </div>
    );
  } else if (!entry || entry.status === 'loading') {
    content = (
      <div className="detail-placeholder" role="status">
        <LoaderCircle size={20} className="spin" aria-hidden="true" />
        <p>Loading capture #{selectedId}…</p>
      </div>
    );
  } else if (entry.status === 'failed') {
    content = (
      <div className="detail-padding">
        <ErrorBanner
          title={`Could not load capture #${selectedId}`}
          message={entry.error}
          onRetry={() => void useCaptureDetailStore.getState().detailRequested(selectedId)}
        />
      </div>
    );
  } else {
    content = <LoadedDetail detail={entry.detail} />;
  }

  return (
    <section className="detail-pane" data-testid="capture-detail" aria-label="Capture detail">
      {content}
    </section>
  );
}
