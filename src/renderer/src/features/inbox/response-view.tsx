import type { CapturedResponse } from '../../../../shared/models';
import { StatusCode } from '../../components/status-code';
import { BodyView } from './body-view';
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
  413: 'Content Too Large',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** The content type among a header list, matched case-insensitively like HTTP does. */
function contentTypeOf(headers: CapturedResponse['headers']): string | null {
  return headers.find(([name]) => name.toLowerCase() === 'content-type')?.[1] ?? null;
}

/** What Hookbench answered the sender: status, headers and body. */
export function ResponseView({ response }: { response: CapturedResponse }) {
  return (
    <div className="response-view">
      <p className="response-status">
        Hookbench answered <StatusCode status={response.status} />
        {REASONS[response.status] && <span className="muted"> {REASONS[response.status]}</span>}
      </p>
      <h3 className="section-title">Headers</h3>
      <HeadersTable headers={response.headers} caption="Response headers" testId="response-headers" />
      <h3 className="section-title">Body</h3>
      <BodyView
        bodyBase64={response.bodyBase64}
        contentType={contentTypeOf(response.headers)}
        owner="response"
        testId="response-body"
      />
    </div>
  );
}
