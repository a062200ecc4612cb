import type { CaptureDetail } from '../../../../shared/models';
import { StatusCode } from '../../components/status-code';
import { headerValue } from '../../lib/request-parts';
import { BodyView } from './body-view';
import { ExchangeDisclosure } from './exchange-view';
import { HeadersTable } from './headers-table';

const REASONS: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  202: 'Accepted',
  204: 'No Content',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Content Too Large',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** What Hookbench answered the sender (status, headers, body), and what the forward target answered if forwarded. */
export function ResponseView({ detail }: { detail: Pick<CaptureDetail, 'response' | 'forwarded'> }) {
  const { response, forwarded } = detail;
  return (
    <div className="response-view">
      {response.status === 0 ? (
        <p className="response-status">
          Hookbench never answered: the inbox was set to hold the connection open.
        </p>
      ) : (
        <p className="response-status">
          Hookbench answered <StatusCode status={response.status} />
          {REASONS[response.status] && <span className="muted"> {REASONS[response.status]}</span>}
        </p>
      )}
      {forwarded && (
        <>
          <h3 className="section-title">Forwarded</h3>
          <ExchangeDisclosure exchange={forwarded} testId="forwarded-exchange" />
        </>
      )}
      <h3 className="section-title">Headers</h3>
      <HeadersTable headers={response.headers} caption="Response headers" testId="response-headers" />
      <h3 className="section-title">Body</h3>
      <BodyView
        bodyBase64={response.bodyBase64}
        contentType={headerValue(response.headers, 'content-type')}
        owner="response"
        testId="response-body"
      />
    </div>
  );
}
