import { statusClass } from '../lib/format';

/**
 * An HTTP status coloured by class (2xx green, 4xx amber, 5xx red). Status 0 means no answer was sent (the inbox
 * simulated "never answer", or the sender gave up first) and shows as a dash.
 */
export function StatusCode({ status, title }: { status: number; title?: string }) {
  if (status === 0) {
    return (
      <span className="status-code status-none" title={title ?? 'Never answered'}>
        <span aria-hidden="true">—</span>
        <span className="visually-hidden">never answered</span>
      </span>
    );
  }
  return (
    <span className={`status-code status-${statusClass(status)}`} title={title}>
      {status}
    </span>
  );
}
