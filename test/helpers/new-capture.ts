import type { NewCapture } from '../../src/main/db/capture-repository';

/**
 * A capture as the receiver hands it to the repository: a JSON POST to the default inbox, answered 200, with
 * `overrides` on top (a body given as text is stored as its UTF-8 bytes).
 */
export function newCapture(
  overrides: Partial<Omit<NewCapture, 'body'>> & { body?: Buffer | string } = {},
): NewCapture {
  const { body = '{}', ...rest } = overrides;
  const url = rest.url ?? `/hooks/${rest.inbox ?? 'default'}`;
  return {
    inbox: 'default',
    receivedAt: Date.now(),
    method: 'POST',
    url,
    path: url.split('?')[0] ?? url,
    httpVersion: '1.1',
    headers: [['Content-Type', 'application/json']],
    contentType: 'application/json',
    truncated: false,
    remoteAddress: '127.0.0.1',
    durationMs: 1,
    response: { status: 200, headers: [], body: Buffer.alloc(0) },
    unmatched: false,
    deliveryId: null,
    attempt: 1,
    ...rest,
    body: typeof body === 'string' ? Buffer.from(body) : body,
  };
}
