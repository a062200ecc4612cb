import type { Inbox } from '../../../../src/shared/inbox-models';
import type { AppInfo, CaptureDetail, CaptureSummary, ReceiverStatus } from '../../../../src/shared/models';

/** A fixed local time, so clock columns are predictable: 2025-03-04 12:01:07.250 local. */
export const BASE_TIME = new Date(2025, 2, 4, 12, 1, 7, 250).getTime();

/** Base64 of a UTF-8 string, as bodies travel over the contract. */
export function utf8Base64(text: string): string {
  return bytesBase64(new TextEncoder().encode(text));
}

/** Base64 of raw bytes. */
export function bytesBase64(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes));
}

/** A capture summary with sensible defaults; `id` also orders time. */
export function summary(id: number, overrides: Partial<CaptureSummary> = {}): CaptureSummary {
  return {
    id,
    inbox: 'default',
    method: 'POST',
    url: `/hooks/default?n=${id}`,
    path: '/hooks/default',
    contentType: 'application/json',
    size: 17,
    receivedAt: BASE_TIME + id * 1000,
    status: 200,
    durationMs: 3.2,
    truncated: false,
    unmatched: false,
    deliveryId: null,
    attempt: 1,
    pinned: false,
    signature: { scheme: null, verdict: 'unconfigured', reason: null },
    route: 'direct',
    check: { verdict: 'pending', provider: null, eventType: null, errors: 0, warnings: 0 },
    ...overrides,
  };
}

/** A full capture built on `summary`, with a JSON body and a few headers. */
export function detail(id: number, overrides: Partial<CaptureDetail> = {}): CaptureDetail {
  const body = overrides.bodyBase64 ?? utf8Base64('{"hello":"world"}');
  return {
    ...summary(id),
    httpVersion: '1.1',
    headers: [
      ['Host', '127.0.0.1:4545'],
      ['Content-Type', 'application/json'],
    ],
    bodyBase64: body,
    remoteAddress: '127.0.0.1',
    durationMs: 3,
    response: {
      status: 200,
      headers: [['Content-Type', 'application/json']],
      bodyBase64: utf8Base64('{"received":true}'),
    },
    forwarded: null,
    replays: [],
    verification: null,
    ...overrides,
  };
}

export const LISTENING: ReceiverStatus = {
  state: 'listening',
  host: '127.0.0.1',
  port: 4545,
  url: 'http://127.0.0.1:4545',
  error: null,
};

/** `app:info` of a desktop run with a listening receiver. */
export function appInfo(overrides: Partial<AppInfo> = {}): AppInfo {
  return {
    version: '0.1.0',
    dataDir: '/home/ada/.config/hookbench',
    databasePath: '/home/ada/.config/hookbench/hookbench.sqlite',
    mode: 'desktop',
    receiver: LISTENING,
    captureCount: 0,
    ...overrides,
  };
}

/** An inbox with default settings, as `inbox:list` reports it. */
export function inbox(slug: string, overrides: Partial<Inbox> = {}): Inbox {
  return {
    slug,
    name: slug,
    createdAt: BASE_TIME,
    url: `http://127.0.0.1:4545/hooks/${slug}`,
    publicUrl: null,
    captureCount: 0,
    settings: {
      response: {
        status: 200,
        headers: [['Content-Type', 'application/json']],
        body: '{"received":true}',
        delayMs: 0,
      },
      failure: { failFirstAttempts: 0, failPercent: 0, failStatus: 500, neverAnswer: false },
      deliveryIdHeader: null,
      forward: { url: null, respondWith: 'rule', timeoutMs: 10_000 },
      verification: null,
    },
    verification: null,
    ...overrides,
  };
}
