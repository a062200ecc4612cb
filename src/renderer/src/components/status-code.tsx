import { statusClass } from '../lib/format';

/** An HTTP status coloured by class (2xx green, 4xx amber, 5xx red). */
export function StatusCode({ status, title }: { status: number; title?: string }) {
  return (
    <span className={`status-code status-${statusClass(status)}`} title={title}>
      {status}
    </span>
  );
}
