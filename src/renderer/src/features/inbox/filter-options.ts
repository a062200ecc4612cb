import type { SignatureVerdict } from '../../../../shared/signature-models';
import type { StatusFilter, TimeRange } from '../../stores/inbox/list-filter';

/** Methods offered in the filter; the core accepts any, these are the ones webhooks use. */
export const METHOD_OPTIONS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;

/** Status classes offered; an exact status is typed instead. */
export const STATUS_CLASSES: readonly StatusFilter[] = ['2xx', '3xx', '4xx', '5xx'];

/** Content types offered, as the substring the core matches and the label shown. */
export const CONTENT_TYPE_OPTIONS: readonly { value: string; label: string }[] = [
  { value: 'json', label: 'JSON' },
  { value: 'x-www-form-urlencoded', label: 'Form' },
  { value: 'multipart', label: 'Multipart' },
  { value: 'xml', label: 'XML' },
  { value: 'text/', label: 'Text' },
  { value: 'octet-stream', label: 'Binary' },
];

/** Signature verdicts offered in the filter. */
export const SIGNATURE_OPTIONS: readonly { value: SignatureVerdict; label: string }[] = [
  { value: 'valid', label: '✓ Valid' },
  { value: 'invalid', label: '✗ Invalid' },
  { value: 'expired', label: '✗ Expired' },
  { value: 'missing', label: '✗ Missing' },
  { value: 'unconfigured', label: 'Not verified' },
];

/** Relative time ranges offered, in minutes. */
export const TIME_OPTIONS: readonly { minutes: number; label: string }[] = [
  { minutes: 15, label: 'Last 15 min' },
  { minutes: 60, label: 'Last hour' },
  { minutes: 24 * 60, label: 'Last 24 h' },
  { minutes: 7 * 24 * 60, label: 'Last 7 days' },
];

/** The `<select>` value of a time range. */
export function timeValue(time: TimeRange | null): string {
  if (!time) return '';
  return time.kind === 'last' ? String(time.minutes) : 'custom';
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** A time in ms as a `datetime-local` input value (local time, minutes). */
export function toLocalInput(ms: number | null): string {
  if (ms === null) return '';
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A `datetime-local` value as ms (local time); null when empty or invalid. */
export function fromLocalInput(value: string): number | null {
  if (!value) return null;
  const ms = new Date(value).getTime();
  return Number.isNaN(ms) ? null : ms;
}

/** Reads an exact status typed by the user; null while it is not a status yet. */
export function parseExactStatus(text: string): number | null {
  if (!/^\d{3}$/.test(text.trim())) return null;
  const value = Number(text.trim());
  return value >= 100 && value <= 599 ? value : null;
}
