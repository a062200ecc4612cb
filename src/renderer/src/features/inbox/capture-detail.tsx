import { LoaderCircle, MousePointerClick } from 'lucide-react';
import { useEffect, useId, useState } from 'react';
import { ErrorBanner } from '../../components/error-banner';
import { TabPanel, Tabs } from '../../components/tabs';
import { useCaptureDetailStore } from '../../stores/capture-detail';
import { detailEntry } from '../../stores/capture-detail/selectors';
import { useInboxStore } from '../../stores/inbox';
import { BodyView } from './body-view';
import { DetailSummary } from './detail-summary';
import { HeadersTable } from './headers-table';
import { ResponseView } from './response-view';

type DetailTab = 'body' | 'headers' | 'response';

/**
 * The right pane: everything about the selected capture. The chosen tab is kept while moving through captures,
 * so comparing the headers of several captures takes only ↑/↓.
 */
export function CaptureDetailPane() {
  const selectedId = useInboxStore((s) => s.selectedId);
  const entry = useCaptureDetailStore((s) => detailEntry(s, selectedId));
  const [tab, setTab] = useState<DetailTab>('body');
  const idPrefix = useId();

  // Also re-run when the cached entry is dropped (the capture changed), so the pane refetches instead of waiting;
  // detailRequested itself skips ids that are cached or on the way.
  const missing = entry === undefined;
  useEffect(() => {
    if (selectedId !== null) void useCaptureDetailStore.getState().detailRequested(selectedId);
  }, [selectedId, missing]);

  let content;
  if (selectedId === null) {
    content = (
      <div className="detail-placeholder">
        <MousePointerClick size={28} aria-hidden="true" />
        <p>Select a capture to see its body, headers and the answer it got.</p>
        <p className="muted">In the list, ↑ and ↓ move through captures.</p>
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
    const { detail } = entry;
    content = (
      <>
        <DetailSummary detail={detail} />
        <Tabs<DetailTab>
          label="Capture detail"
          idPrefix={idPrefix}
          selected={tab}
          onSelect={setTab}
          tabs={[
            { id: 'body', label: 'Body' },
            {
              id: 'headers',
              label: (
                <>
                  Headers <span className="tab-count">{detail.headers.length}</span>
                </>
              ),
            },
            {
              id: 'response',
              label: (
                <>
                  Response <span className="tab-count">{detail.response.status}</span>
                </>
              ),
            },
          ]}
        />
        <TabPanel idPrefix={idPrefix} id={tab}>
          {tab === 'body' && (
            <BodyView
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
          {tab === 'response' && <ResponseView response={detail.response} />}
        </TabPanel>
      </>
    );
  }

  return (
    <section className="detail-pane" data-testid="capture-detail" aria-label="Capture detail">
      {content}
    </section>
  );
}
