import type { CaptureDetail } from '../../../../shared/models';
import { MethodBadge } from '../../components/method-badge';
import { StatusCode } from '../../components/status-code';
import { formatBytes, formatDuration, formatTimestamp } from '../../lib/format';

/** The capture at a glance: `POST /hooks/default  200 · 3 ms · 1.2 KB`, then when, from where, over what. */
export function DetailSummary({ detail }: { detail: CaptureDetail }) {
  return (
    <header className="detail-summary">
      <h2 className="detail-title">
        <MethodBadge method={detail.method} />
        <span className="mono detail-url">{detail.url}</span>
      </h2>
      <p className="detail-facts">
        <StatusCode status={detail.status} title={`Hookbench answered ${detail.status}`} />
        <span aria-hidden="true">·</span>
        <span title="Time from the first byte received to the answer">
          {formatDuration(detail.durationMs)}
        </span>
        <span aria-hidden="true">·</span>
        <span title={`${detail.size} bytes`}>{formatBytes(detail.size)}</span>
        {detail.truncated && <span className="tag tag-warning">truncated</span>}
      </p>
      <p className="detail-meta">
        <time dateTime={new Date(detail.receivedAt).toISOString()}>{formatTimestamp(detail.receivedAt)}</time>
        <span aria-hidden="true">·</span>
        <span>from {detail.remoteAddress ?? 'an unknown address'}</span>
        <span aria-hidden="true">·</span>
        <span>HTTP/{detail.httpVersion}</span>
        <span aria-hidden="true">·</span>
        <span>#{detail.id}</span>
      </p>
    </header>
  );
}
