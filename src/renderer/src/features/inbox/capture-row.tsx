import { Pin } from 'lucide-react';
import { memo } from 'react';
import type { CaptureSummary } from '../../../../shared/models';
import { MethodBadge } from '../../components/method-badge';
import { StatusCode } from '../../components/status-code';
import { formatBytes, formatClock, formatTimestamp, shortContentType } from '../../lib/format';
import { CheckBadge } from '../check/check-badge';
import { SignatureBadge } from '../signatures/signature-badge';

/** Every row is this tall; fixed so 100,000 rows virtualize without measuring. */
export const ROW_HEIGHT = 30;

/** The DOM id of a row, for `aria-activedescendant`. */
export const rowDomId = (id: number): string => `capture-row-${id}`;

export interface CaptureRowProps {
  capture: CaptureSummary;
  selected: boolean;
  /** Offset from the top of the list, in px (rows are absolutely positioned by the virtualizer). */
  top: number;
  onSelect: (id: number) => void;
}

/** The path cell's tooltip: the identified event (with its provider) and the URL. */
export function rowTitle(capture: CaptureSummary): string {
  const { provider, eventType } = capture.check;
  if (!eventType) return capture.url;
  return `${provider ? `${provider} · ` : ''}${eventType}\n${capture.method} ${capture.url}`;
}

/**
 * One capture in the list: time, method, the identified event type (else the path; with check, pinned, "no inbox" and attempt badges), answered status
 * ("—" when nothing was answered), content type, size.
 */
export const CaptureRow = memo(function CaptureRow({ capture, selected, top, onSelect }: CaptureRowProps) {
  return (
    <div
      role="option"
      id={rowDomId(capture.id)}
      aria-selected={selected}
      data-testid="capture-row"
      data-capture-id={capture.id}
      data-pinned={capture.pinned}
      className="capture-row"
      style={{ height: ROW_HEIGHT, transform: `translateY(${top}px)` }}
      onClick={() => onSelect(capture.id)}
    >
      <span className="cell cell-time" title={formatTimestamp(capture.receivedAt)}>
        {formatClock(capture.receivedAt)}
      </span>
      <span className="cell cell-method">
        <MethodBadge method={capture.method} />
      </span>
      <span className="cell cell-path" title={rowTitle(capture)}>
        {capture.pinned && (
          <span className="row-pin" title="Pinned">
            <Pin size={12} aria-hidden="true" />
            <span className="visually-hidden">pinned</span>
          </span>
        )}
        {capture.unmatched && (
          <span
            className="row-badge row-badge-faint"
            title="The path matched no inbox, so it went to default"
          >
            no inbox
          </span>
        )}
        {capture.check.eventType ? (
          <>
            <span className="mono path-text" data-testid="row-event">
              {capture.check.eventType}
            </span>
            {/* The path stays readable to screen readers and text search; sighted users get it in the tooltip. */}
            <span className="visually-hidden"> {capture.url}</span>
          </>
        ) : (
          <span className="mono path-text">{capture.url}</span>
        )}
        <CheckBadge check={capture.check} />
        <SignatureBadge signature={capture.signature} />
        {capture.deliveryId !== null && (
          <span
            className="row-badge row-badge-attempt"
            title={`Attempt ${capture.attempt} of delivery ${capture.deliveryId}`}
          >
            #{capture.attempt}
          </span>
        )}
      </span>
      <span className="cell cell-status">
        <StatusCode
          status={capture.status}
          title={capture.status === 0 ? 'Never answered' : `Answered ${capture.status}`}
        />
      </span>
      <span className="cell cell-type" title={capture.contentType ?? 'No Content-Type header'}>
        {shortContentType(capture.contentType)}
      </span>
      <span
        className="cell cell-size"
        title={`${capture.size} bytes${capture.truncated ? ' (truncated)' : ''}`}
      >
        {formatBytes(capture.size)}
        {capture.truncated && <span className="truncated-mark">✂</span>}
      </span>
    </div>
  );
});
