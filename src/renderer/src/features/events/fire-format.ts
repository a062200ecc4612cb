/** A retry delay in seconds as people say it: `5 s`, `5 min`, `2 h`. */
export function formatDelay(seconds: number): string {
  if (seconds === 0) return 'immediately';
  if (seconds < 60) return `${seconds} s`;
  if (seconds < 3600) return `${Math.round(seconds / 6) / 10} min`.replace('.0 ', ' ');
  return `${Math.round(seconds / 360) / 10} h`.replace('.0 ', ' ');
}

/** Milliseconds, rounded for a result card: `3 ms`, `12.4 ms`, `1.2 s`. */
export function formatMs(ms: number): string {
  if (ms >= 1000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 10) return `${Math.round(ms)} ms`;
  return `${ms.toFixed(1)} ms`;
}
