const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** `HH:MM:SS` in local time: what a list row needs to tell captures apart at a glance. */
export function formatClock(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** `YYYY-MM-DD HH:MM:SS.mmm` in local time, for the detail pane where precision matters. */
export function formatTimestamp(ms: number): string {
  const d = new Date(ms);
  const date = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  return `${date} ${formatClock(ms)}.${pad(d.getMilliseconds(), 3)}`;
}

/** Human size with 1024 steps: `512 B`, `1.2 KB`, `3.4 MB`. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const shown = value >= 100 ? Math.round(value).toString() : value.toFixed(1).replace(/\.0$/, '');
  return `${shown} ${units[unit] ?? 'GB'}`;
}

/** A duration in ms, with a decimal only where it adds information (`0.4 ms`, `3 ms`, `1.2 s`). */
export function formatDuration(ms: number): string {
  if (ms < 1) return `${ms.toFixed(1)} ms`;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(1)} s`;
}

/** A count with thousands separators, so 100,000 rows stay readable. */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

/** `12 captures` / `1 capture`. */
export function pluralize(n: number, singular: string, plural = `${singular}s`): string {
  return `${formatCount(n)} ${n === 1 ? singular : plural}`;
}

/**
 * The short name of a content type for a narrow list column: `application/json; charset=utf-8` → `json`,
 * `application/cloudevents+json` → `json`, `text/plain` → `text`, `application/x-www-form-urlencoded` → `form`.
 */
export function shortContentType(contentType: string | null): string {
  if (!contentType) return '—';
  const mime = (contentType.split(';')[0] ?? '').trim().toLowerCase();
  if (mime === '') return '—';
  if (mime.endsWith('+json') || mime.endsWith('/json')) return 'json';
  if (mime.endsWith('+xml') || mime.endsWith('/xml')) return 'xml';
  if (mime === 'application/x-www-form-urlencoded') return 'form';
  if (mime === 'multipart/form-data') return 'multipart';
  if (mime === 'application/octet-stream') return 'binary';
  if (mime.startsWith('text/')) return mime.slice(5) === 'plain' ? 'text' : mime.slice(5);
  return mime.slice(mime.indexOf('/') + 1);
}

/** Coarse class of an HTTP status, used to colour it. */
export function statusClass(
  status: number,
): 'success' | 'redirect' | 'client-error' | 'server-error' | 'info' {
  if (status >= 500) return 'server-error';
  if (status >= 400) return 'client-error';
  if (status >= 300) return 'redirect';
  if (status >= 200) return 'success';
  return 'info';
}
