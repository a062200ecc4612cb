import { ChevronRight } from 'lucide-react';
import type { DownstreamExchange } from '../../../../shared/models';
import { StatusCode } from '../../components/status-code';
import { formatDuration, formatTimestamp } from '../../lib/format';
import { headerValue } from '../../lib/request-parts';
import { BodyView } from './body-view';
import { HeadersTable } from './headers-table';

/** One line about a downstream exchange: `POST http://… → 200 · 12 ms`, or why no answer came. */
export function ExchangeSummary({ exchange }: { exchange: DownstreamExchange }) {
  return (
    <span className="exchange-summary">
      <span className="mono exchange-target">
        {exchange.method} {exchange.url}
      </span>
      <span aria-hidden="true">→</span>
      {exchange.status !== null ? (
        <StatusCode status={exchange.status} title={`Downstream answered ${exchange.status}`} />
      ) : (
        <span className="status-code status-server-error">no answer</span>
      )}
      <span className="muted">· {formatDuration(exchange.durationMs)}</span>
    </span>
  );
}

/** What a downstream server answered: status, timing, headers and body; or the error when nothing came back. */
export function ExchangeView({ exchange, testId }: { exchange: DownstreamExchange; testId: string }) {
  return (
    <div className="exchange-view" data-testid={testId}>
      <p className="exchange-line">
        <ExchangeSummary exchange={exchange} />
        <span className="muted exchange-when">{formatTimestamp(exchange.at)}</span>
      </p>
      {exchange.error && (
        <p className="error-text" role="alert">
          {exchange.error}
        </p>
      )}
      {exchange.status !== null && (
        <>
          <h4 className="section-title">Response headers</h4>
          <HeadersTable
            headers={exchange.headers}
            caption="Downstream response headers"
            testId={`${testId}-headers`}
          />
          <h4 className="section-title">Response body</h4>
          <BodyView
            bodyBase64={exchange.bodyBase64}
            contentType={headerValue(exchange.headers, 'content-type')}
            owner="downstream"
            testId={`${testId}-body`}
          />
        </>
      )}
    </div>
  );
}

/** A collapsed exchange that opens on click (past replays, the forwarded one), newest first in lists. */
export function ExchangeDisclosure({
  exchange,
  testId,
  open = false,
}: {
  exchange: DownstreamExchange;
  testId: string;
  open?: boolean;
}) {
  return (
    <details className="exchange-disclosure" data-testid={testId} open={open}>
      <summary>
        <ChevronRight size={14} aria-hidden="true" className="disclosure-chevron" />
        <ExchangeSummary exchange={exchange} />
        <span className="muted exchange-when">{formatTimestamp(exchange.at)}</span>
      </summary>
      <ExchangeView exchange={exchange} testId={`${testId}-detail`} />
    </details>
  );
}
