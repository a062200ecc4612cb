import type { CaptureDetail } from '../../../../shared/models';
import { MethodBadge } from '../../components/method-badge';
import { StatusCode } from '../../components/status-code';
import { formatBytes, formatDuration, formatTimestamp } from '../../lib/format';
import { routeTitle } from '../tunnels/tunnel-format';

/** The capture at a glance: `POST /hooks/default  200 · 3 ms · 1.2 KB`, then when, from where, over what. */
export function DetailSummary({ detail }: { detail: CaptureDetail }) {
  return (
    <header className="detail-summary">
      <h2 className="detail-title">
        <MethodBadge method={detail.method} />
        <span className="mono detail-url">{detail.url}</span>
      </h2>
      <p className="detail-facts">
        <StatusCode
          status={detail.status}
          title={detail.status === 0 ? 'Hookbench never answered' : `Hookbench answered ${detail.status}`}
        />
        <span aria-hidden="true">·</span>
        <span title="Time from the first byte received to the answer">
          {formatDuration(detail.durationMs)}
        </span>
        <span aria-hidden="true">·</span>
        <span title={`${detail.size} bytes`}>{formatBytes(detail.size)}</span>
        {detail.truncated && <span className="tag tag-warning">truncated</span>}
        {detail.pinned && <span className="tag tag-accent">pinned</span>}
        {detail.route !== 'direct' && (
          <span className="tag tag-route" data-testid="capture-route" title={routeTitle(detail.route)}>
            via {detail.route}
          </span>
        )}
        {detail.deliveryId !== null && (
          <span className="tag" title={`Delivery ${detail.deliveryId}`}>
            attempt #{detail.attempt}
          </span>
        )}
      </p>
      <p className="detail-meta">
        <time dateTime={new Date(detail.receivedAt).toISOString()}>{formatTimestamp(detail.receivedAt)}</time>
        <span aria-hidden="true">·</span>
        <span>from {detail.remoteAddress ?? 'an unknown address'}</span>
        <span aria-hidden="true">·</span>
        <span>HTTP/{detail.httpVersion}</span>
        <span aria-hidden="true">·</span>
        <span>#{detail.id}</span>
        <span aria-hidden="true">·</span>
        <span>
          inbox <span className="mono">{detail.inbox}</span>
          {detail.unmatched && ' (no inbox matched the path)'}
        </span>
      </p>
    </header>
  );
}
