import { describe, expect, it } from 'vitest';
import { captureLine } from '../../../../src/main/cli/listen-command';
import { formatClock } from '../../../../src/shared/format';
import type { CaptureSummary } from '../../../../src/shared/models';

/** Local `HH:MM:SS.mmm` computed the plain way, to compare the memoized formatter with. */
function clock(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}

const summary = (overrides: Partial<CaptureSummary> = {}): CaptureSummary => ({
  id: 12,
  inbox: 'default',
  method: 'POST',
  url: '/hooks/default?x=1',
  path: '/hooks/default',
  contentType: 'application/json',
  size: 1234,
  receivedAt: Date.UTC(2025, 4, 1, 12, 1, 7, 123),
  status: 200,
  durationMs: 1,
  truncated: false,
  unmatched: false,
  deliveryId: null,
  attempt: 1,
  pinned: false,
  signature: { scheme: null, verdict: 'unconfigured', reason: null },
  route: 'direct',
  check: { verdict: 'pending', provider: null, eventType: null, errors: 0, warnings: 0 },
  ...overrides,
});

describe('listen lines', () => {
  it('formats the clock like the plain computation, within a second, across seconds and for fractional ms', () => {
    const base = Date.UTC(2025, 4, 1, 23, 59, 58, 0);
    for (const ms of [
      base,
      base + 7,
      base + 999,
      base + 1000,
      base + 1001.6,
      base + 2500,
      base - 1,
      0,
      86_399_999,
    ]) {
      expect(formatClock(ms)).toBe(clock(Math.floor(ms)));
    }
    // The same second again after others: the memo follows the time asked for, not the last one.
    expect(formatClock(base + 5)).toBe(clock(base + 5));
  });

  it('prints one line per capture with the signature and route only when they say something', () => {
    expect(captureLine(summary())).toBe(
      `${clock(summary().receivedAt)}  POST     /hooks/default?x=1  200  application/json  1.2 KB  #12`,
    );
    expect(
      captureLine(
        summary({
          truncated: true,
          contentType: null,
          route: 'cloudflared',
          signature: { scheme: 'svix', verdict: 'invalid', reason: 'The signature does not match.' },
        }),
      ),
    ).toBe(
      `${clock(summary().receivedAt)}  POST     /hooks/default?x=1  200  -  1.2 KB (truncated)  sig:invalid  ` +
        'via:cloudflared  #12  The signature does not match.',
    );
  });
});
