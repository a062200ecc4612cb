/** Human size: `512 B`, `1.2 KB`, `3.4 MB` (1 KB = 1024 bytes). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit] ?? 'GB'}`;
}

/** The `HH:MM:SS.` of the second formatClock saw last: a flood of captures prints many lines per second. */
let clockSecond = Number.NaN;
let clockPrefix = '';

/** Local wall-clock time with milliseconds, `HH:MM:SS.mmm`. */
export function formatClock(ms: number): string {
  const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
  const second = Math.floor(ms / 1000);
  if (second !== clockSecond) {
    const d = new Date(second * 1000);
    clockPrefix = `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.`;
    clockSecond = second;
  }
  return clockPrefix + pad(Math.floor(ms) - second * 1000, 3);
}
