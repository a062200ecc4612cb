import type { CheckVerdict } from '../../../../shared/check-models';
import type { CaptureSummary, HistoryFilter } from '../../../../shared/models';
import type { SignatureVerdict } from '../../../../shared/signature-models';

/** A receive-time range: the last N minutes (moves with the clock) or fixed bounds. */
export type TimeRange =
  { kind: 'last'; minutes: number } | { kind: 'between'; from: number | null; to: number | null };

/** A status filter: an exact status or a class such as `4xx`. */
export type StatusFilter = NonNullable<HistoryFilter['status']>;

/** The filters as the user set them in the filters bar (null and empty mean "any"). */
export interface ListFilter {
  inbox: string | null;
  method: string | null;
  status: StatusFilter | null;
  /** Part of the content type, e.g. `json`. */
  contentType: string | null;
  time: TimeRange | null;
  /** Full-text search over URL, headers and bodies. */
  text: string;
  pinned: boolean;
  /** Only captures with this signature verdict. */
  signature: SignatureVerdict | null;
  /** Only captures with this check verdict (`deviates`: deviates from the documentation). */
  check: CheckVerdict | null;
}

export const EMPTY_FILTER: ListFilter = {
  inbox: null,
  method: null,
  status: null,
  contentType: null,
  time: null,
  text: '',
  pinned: false,
  signature: null,
  check: null,
};

const MINUTE_MS = 60_000;

/**
 * The `history:list` filter for what the user set. A "last N minutes" range is resolved against `now`, with no
 * upper bound, so captures arriving later still belong to it.
 */
export function toHistoryFilter(filter: ListFilter, now: number): HistoryFilter {
  const out: HistoryFilter = {};
  if (filter.inbox !== null) out.inbox = filter.inbox;
  if (filter.method !== null) out.method = filter.method.toUpperCase();
  if (filter.status !== null) out.status = filter.status;
  if (filter.contentType) out.contentType = filter.contentType;
  if (filter.time?.kind === 'last') out.from = now - filter.time.minutes * MINUTE_MS;
  if (filter.time?.kind === 'between') {
    if (filter.time.from !== null) out.from = filter.time.from;
    if (filter.time.to !== null) out.to = filter.time.to;
  }
  const text = filter.text.trim();
  if (text) out.text = text;
  if (filter.pinned) out.pinned = true;
  if (filter.signature) out.signature = filter.signature;
  if (filter.check) out.check = filter.check;
  return out;
}

/** True when any filter narrows the list. */
export function isFiltered(filter: ListFilter): boolean {
  return Object.keys(toHistoryFilter(filter, 0)).length > 0;
}

/**
 * Whether a capture belongs in a list fetched with `filter`, judged on everything but the text search (which only
 * the database's full-text index can answer). Mirrors the core's SQL: method exact, status exact or by class,
 * content type by case-insensitive substring, time bounds inclusive.
 */
export function matchesFilter(capture: CaptureSummary, filter: HistoryFilter): boolean {
  if (filter.inbox !== undefined && capture.inbox !== filter.inbox) return false;
  if (filter.method !== undefined && capture.method !== filter.method.toUpperCase()) return false;
  if (typeof filter.status === 'number' && capture.status !== filter.status) return false;
  if (typeof filter.status === 'string') {
    const low = Number(filter.status.charAt(0)) * 100;
    if (capture.status < low || capture.status > low + 99) return false;
  }
  if (filter.contentType) {
    const type = capture.contentType?.toLowerCase() ?? '';
    if (!type.includes(filter.contentType.toLowerCase())) return false;
  }
  if (filter.from !== undefined && capture.receivedAt < filter.from) return false;
  if (filter.to !== undefined && capture.receivedAt > filter.to) return false;
  if (filter.pinned !== undefined && capture.pinned !== filter.pinned) return false;
  if (filter.signature !== undefined && capture.signature.verdict !== filter.signature) return false;
  if (filter.check !== undefined && capture.check.verdict !== filter.check) return false;
  return true;
}
