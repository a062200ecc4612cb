import { Pin } from 'lucide-react';
import { memo } from 'react';
import type { CaptureSummary } from '../../../../shared/models';
import { MethodBadge } from '../../components/method-badge';
import { StatusCode } from '../../components/status-code';
import { formatBytes, formatClock, formatTimestamp, shortContentType } from '../../lib/format';
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

/**
 * One capture in the list: time, method, path (with pinned, "no inbox" and attempt badges), answered status
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
      <span className="cell cell-path" title={capture.url}>
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
        <span className="mono path-text">{capture.url}</span>
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
